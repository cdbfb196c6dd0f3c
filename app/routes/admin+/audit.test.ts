import { expect, test } from 'vitest'
import { type AuditEntry } from '#app/models/audit.server.ts'
import { AUDIT_PAGE_SIZE, auditFactText } from '#app/models/audit.ts'
import { createCampaign } from '#app/models/campaign.server.ts'
import { listDepartments } from '#app/models/department.server.ts'
import { listChannels, listStages, moveStage } from '#app/models/taxonomy.server.ts'
import { loader as exportLoader } from '#app/routes/admin+/audit_.export.tsx'
import { loader as auditLoader } from '#app/routes/admin+/audit.tsx'
import { action as departmentsAction } from '#app/routes/admin+/departments.tsx'
import { action as taxonomyAction } from '#app/routes/admin+/taxonomy.$kind.tsx'
import { action as editUser } from '#app/routes/admin+/users.$userId.tsx'
import { action as newUser } from '#app/routes/admin+/users.new.tsx'
import { action as ideaAction } from '#app/routes/ideas+/$ideaId.tsx'
import { getT } from '#app/utils/i18n.ts'
import { makeIdea, person } from '#tests/factories.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

type Log = { rows: AuditEntry[]; total: number; pages: number; dateOrder: boolean }
const read = async (query: string, cookie: string) =>
	(await auditLoader({ request: getRequest(`/admin/audit${query}`, cookie), context, params: {} })) as unknown as Log
const en = getT('en')
const facts = (entry: AuditEntry | undefined, t = en) => entry?.facts.map((f) => auditFactText(f, t))

test('every admin and triage action is logged with names and translated values, never an anonymous author', async () => {
	const admin = demoUser('admin')
	const adminCookie = await sessionCookieFor(admin.id)
	const manager = demoUser('manager')
	const managerCookie = await sessionCookieFor(manager.id)
	const departments = listDepartments()
	const dept = (name: string) => departments.find((d) => d.name === name)!.id

	// People: create (with an invitation link), edit department and role, a new link.
	const created = (await newUser({
		request: formRequest(
			'/admin/users/new',
			{ name: 'Teresa Neri', email: 'teresa.neri@aurora-bank.example', role: 'employee', departmentId: dept('Contact Centre') },
			adminCookie,
		),
		context,
		params: {},
	})) as Response
	const teresaId = created.headers.get('Location')!.split('/').pop()!
	await editUser({
		request: formRequest(
			`/admin/users/${teresaId}`,
			{ intent: 'update', name: 'Teresa Neri', email: 'teresa.neri@aurora-bank.example', role: 'manager', departmentId: dept('Lending') },
			adminCookie,
		),
		context,
		params: { userId: teresaId },
	})
	await editUser({
		request: formRequest(`/admin/users/${teresaId}`, { intent: 'setup-link' }, adminCookie),
		context,
		params: { userId: teresaId },
	})

	// Departments and the taxonomy.
	await departmentsAction({
		request: formRequest('/admin/departments', { intent: 'create', name: 'Innovation Lab', parentId: '' }, adminCookie),
		context,
		params: {},
	})
	await taxonomyAction({
		request: formRequest('/admin/taxonomy/channels', { intent: 'create', name: 'Carrier pigeon', 'names.it': 'Piccione' }, adminCookie),
		context,
		params: { kind: 'channels' },
	})
	const pigeon = listChannels().find((c) => c.name === 'Carrier pigeon')!
	await taxonomyAction({
		request: formRequest(
			'/admin/taxonomy/channels',
			{ intent: 'update', id: pigeon.id, name: 'Homing pigeon', 'names.it': 'Piccione' },
			adminCookie,
		),
		context,
		params: { kind: 'channels' },
	})
	await taxonomyAction({
		request: formRequest('/admin/taxonomy/channels', { intent: 'delete', id: pigeon.id }, adminCookie),
		context,
		params: { kind: 'channels' },
	})
	const pay = listStages().find((s) => s.name === 'Pay')!
	await taxonomyAction({
		request: formRequest('/admin/taxonomy/stages', { intent: 'delete', id: pay.id }, adminCookie),
		context,
		params: { kind: 'stages' },
	})
	await taxonomyAction({
		request: formRequest('/admin/taxonomy/stages', { intent: 'restore', id: pay.id }, adminCookie),
		context,
		params: { kind: 'stages' },
	})
	createCampaign(
		{
			title: 'Cards abroad',
			description: 'Ideas for travellers.',
			sponsor: 'Retail',
			startsAt: new Date(),
			endsAt: new Date(Date.now() + 86_400_000),
			stageId: null,
			eventId: null,
		},
		manager.id,
	)

	// Triage on an anonymous idea by a Contact Centre author.
	const author = person('valentina.costa')
	const anonymousId = makeIdea(author, { title: 'An anonymous idea to triage', anonymous: true })
	const keepId = makeIdea(person('giulia.rossi'), { title: 'The idea we keep' })
	const post = (fields: Record<string, string>) =>
		ideaAction({ request: formRequest(`/ideas/${anonymousId}`, fields, managerCookie), context, params: { ideaId: anonymousId } })
	await post({ intent: 'status', status: 'in_review', note: 'Looking into it.' })
	await post({ intent: 'evaluate', 'scores.impact': '4', 'scores.effort': '2', owner: manager.email })
	await post({ intent: 'update', note: 'Talking to the card team.' })
	await post({ intent: 'merge', targetId: keepId, note: 'Same fix.' })
	await post({ intent: 'hide', kind: 'idea', targetId: anonymousId, reason: 'Names a customer.' })

	const log = await read('', adminCookie)
	const byAction = (action: string) => log.rows.find((r) => r.action === action)
	expect(byAction('user.create')).toMatchObject({ actorName: admin.name, target: { type: 'user', name: 'Teresa Neri' } })
	expect(facts(byAction('user.create'))).toEqual(['Role: Employee', 'Department: Contact Centre'])
	expect(facts(byAction('user.role'))).toEqual(['Role: Employee → Manager'])
	expect(facts(byAction('user.update'))).toEqual(['Department: Contact Centre → Lending'])
	expect(byAction('user.invite')?.target.name).toBe('Teresa Neri')
	expect(byAction('department.create')?.target.name).toBe('Innovation Lab')
	expect(log.rows.find((r) => r.action === 'taxonomy.create')?.target).toMatchObject({ type: 'channel', name: 'Carrier pigeon' })
	expect(facts(byAction('taxonomy.update'))).toEqual(['Name: Carrier pigeon → Homing pigeon'])
	// Deleted for good, the channel keeps the name it had in the log.
	expect(byAction('taxonomy.remove')?.target.name).toBe('Pay')
	expect(facts(byAction('taxonomy.remove'))).toEqual(['Result: retired, as it is still in use'])
	expect(facts(log.rows.filter((r) => r.action === 'taxonomy.remove')[1])).toEqual(['Result: deleted'])
	expect(log.rows.filter((r) => r.action === 'taxonomy.remove')[1]?.target.name).toBe('Homing pigeon')
	expect(byAction('taxonomy.restore')?.target.name).toBe('Pay')
	expect(byAction('campaign.create')).toMatchObject({ actorName: manager.name, target: { type: 'campaign', name: 'Cards abroad' } })
	expect(facts(byAction('idea.status'))).toEqual(['Status: Submitted → In review', 'Note: Looking into it.'])
	expect(facts(byAction('idea.evaluate'))).toEqual(['Impact: none → 4', 'Effort: none → 2', `Owner: none → ${manager.name}`])
	expect(facts(byAction('idea.update'))).toEqual(['Note: Talking to the card team.'])
	expect(facts(byAction('content.hide'))).toEqual(['Reason: Names a customer.'])
	expect(facts(byAction('idea.merge'))).toEqual(['Merged into: The idea we keep', 'Note: Same fix.'])
	// In the reader's language.
	expect(facts(byAction('idea.status'), getT('it'))).toEqual(['Stato: Inviata → In valutazione', 'Nota: Looking into it.'])

	// Nothing in the page or the CSV points at the anonymous author.
	const csv = await (await exportLoader({ request: getRequest('/admin/audit/export', adminCookie), context, params: {} })).text()
	for (const text of [JSON.stringify(log), csv])
		for (const secret of [author.id, author.name, author.email]) expect(text).not.toContain(secret)
})

test('the log filters by who, what and dates, pages through, and downloads what it shows as CSV', async () => {
	const admin = demoUser('admin')
	const cookie = await sessionCookieFor(admin.id)
	const stage = listStages().at(-1)!
	const direction = (i: number) => (i % 2 ? 'down' : 'up')
	for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) moveStage(stage.id, direction(i), admin.id)

	const moves = await read(`?actor=${admin.id}&action=taxonomy.move`, cookie)
	expect(moves.total).toBe(AUDIT_PAGE_SIZE + 5)
	expect(moves.pages).toBe(2)
	expect(moves.rows).toHaveLength(AUDIT_PAGE_SIZE)
	expect(moves.rows.every((r) => r.action === 'taxonomy.move' && r.actorName === admin.name)).toBe(true)
	// Newest first, in the order they happened even within one millisecond.
	expect(moves.rows.map((r) => facts(r)![0])).toEqual(
		Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => `Moved: ${direction(AUDIT_PAGE_SIZE + 4 - i)}`),
	)
	const second = await read(`?actor=${admin.id}&action=taxonomy.move&page=2`, cookie)
	expect(second.rows).toHaveLength(5)
	expect(new Set([...moves.rows, ...second.rows].map((r) => r.id)).size).toBe(AUDIT_PAGE_SIZE + 5)

	// Another actor's filter shows none of them.
	const other = await read(`?actor=${demoUser('manager').id}&action=taxonomy.move`, cookie)
	expect(other.total).toBe(0)

	// Whole days in the organisation's time zone: today includes them, tomorrow does not.
	const today = new Date().toISOString().slice(0, 10)
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
	expect((await read(`?action=taxonomy.move&from=${today}&to=${today}`, cookie)).total).toBe(AUDIT_PAGE_SIZE + 5)
	expect((await read(`?action=taxonomy.move&from=${tomorrow}`, cookie)).total).toBe(0)
	const backwards = await read(`?action=taxonomy.move&from=${tomorrow}&to=${today}`, cookie)
	expect(backwards.dateOrder).toBe(true)
	expect(backwards.total).toBe(AUDIT_PAGE_SIZE + 5)

	// The CSV holds every matching row (not one page), in the reader's language.
	const italian = getRequest(`/admin/audit/export?action=taxonomy.move&page=2`, cookie)
	italian.headers.set('Accept-Language', 'it')
	const response = await exportLoader({ request: italian, context, params: {} })
	expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
	const lines = (await response.text())
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
	expect(lines[0]).toBe('Quando,Chi,Che cosa,Su,Dettaglio')
	expect(lines).toHaveLength(AUDIT_PAGE_SIZE + 5 + 1)
	expect(lines[1]).toContain(
		`${admin.name},Ha riordinato il percorso,Fase del percorso: ${stage.name},Spostata: ${direction(4) === 'up' ? 'in su' : 'in giù'}`,
	)

	// Only administrators read it.
	const managerCookie = await sessionCookieFor(demoUser('manager').id)
	expect(statusOf(await settle(() => auditLoader({ request: getRequest('/admin/audit', managerCookie), context, params: {} })))).toBe(403)
	expect(
		statusOf(await settle(() => exportLoader({ request: getRequest('/admin/audit/export', managerCookie), context, params: {} }))),
	).toBe(403)
})
