import { and, eq, isNull } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { listDepartments } from '#app/models/department.server.ts'
import { getUserById, listUsers } from '#app/models/user.server.ts'
import { action as previewAction, loader as previewLoader } from '#app/routes/admin+/import_.$importId.tsx'
import { action as uploadAction } from '#app/routes/admin+/import.tsx'
import { createSession, validateSessionToken } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { auditLog, users } from '#db/schema.ts'
import { BASE, context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

type Preview = Exclude<Awaited<ReturnType<typeof previewLoader>>, Response>

async function upload(csv: string, kind: 'people' | 'departments', options: { deactivateMissing?: boolean; cookie?: string } = {}) {
	const cookie = options.cookie ?? (await sessionCookieFor(demoUser('admin').id))
	const form = new FormData()
	form.set('kind', kind)
	form.set('file', new File([csv], `${kind}.csv`, { type: 'text/csv' }))
	if (options.deactivateMissing) form.set('deactivateMissing', 'on')
	const response = await settle(() =>
		uploadAction({
			request: new Request(`${BASE}/admin/import`, { method: 'POST', body: form, headers: { Cookie: cookie } }),
			context,
			params: {},
		}),
	)
	return response
}

async function preview(response: unknown) {
	const location = (response as Response).headers.get('Location')!
	const importId = location.split('/').pop()!
	const cookie = await sessionCookieFor(demoUser('admin').id)
	const page = (await previewLoader({ request: getRequest(location, cookie), context, params: { importId } })) as Preview
	const act = (fields: Record<string, string>) =>
		settle(() => previewAction({ request: formRequest(location, fields, cookie), context, params: { importId } }))
	return { importId, page, act, cookie, location }
}

const PEOPLE = [
	'email,name,department,role,active',
	'valentina.greco@aurora-bank.example,Valentina Greco,Customer Care/Contact Centre/Contact Centre Bari,,',
	`${demoUser('employee').email},Giulia Rossi,Lending,manager,`,
	`${demoUser('leader').email},,,,`,
	'not-an-address,Somebody,,,',
	'nuovo.arrivo@aurora-bank.example,,,,',
	'x.y@aurora-bank.example,Xavier Y,Atlantis,,',
	'z.w@aurora-bank.example,Zeno W,,overlord,',
	'valentina.greco@aurora-bank.example,Valentina Again,,,',
	'q.r@aurora-bank.example,Quinto R,,,maybe',
].join('\n')

test('a people file is previewed line by line; nothing is written while a line is wrong, unless only the valid lines are imported', async () => {
	const { page, act, location } = await preview(await upload(PEOPLE, 'people'))
	expect(page.plan.counts).toEqual({ create: 1, change: 1, deactivate: 0, unchanged: 1, errors: 6 })
	const problems = Object.fromEntries(page.plan.errors.map((e) => [e.line, e.problems.map((p) => p.key)]))
	expect(problems).toEqual({
		5: ['import.errors.emailInvalid'],
		6: ['import.errors.nameMissing'],
		7: ['import.errors.departmentUnknown'],
		8: ['import.errors.roleUnknown'],
		9: ['import.errors.emailRepeated'],
		10: ['import.errors.yesNo'],
	})
	expect(page.plan.change[0]).toMatchObject({ line: 3, changes: ['department', 'role'] })
	// Everything, with problems: refused, nothing written.
	expect(statusOf(await act({ intent: 'apply', valid: 'no' }))).toBe(409)
	expect(listUsers({ query: 'valentina.greco' }).rows).toHaveLength(0)
	// Only the valid lines.
	const done = (await act({ intent: 'apply', valid: 'yes' })) as Response
	expect(done.status).toBe(302)
	expect(done.headers.get('Location')).toBe('/admin/users')
	const valentina = listUsers({ query: 'valentina.greco' }).rows[0]!
	expect(valentina).toMatchObject({ name: 'Valentina Greco', role: 'employee' })
	expect(listDepartments().find((d) => d.id === getUserById(valentina.id)!.departmentId)?.name).toBe('Contact Centre Bari')
	expect(getUserById(demoUser('employee').id)!.role).toBe('manager')
	expect(listUsers({ query: 'zeno' }).rows).toHaveLength(0)
	const logged = getDb().select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.targetId, valentina.id)).all()
	expect(JSON.parse(logged[0]!.detail!)).toMatchObject({ via: 'import' })
	// The upload is gone once imported.
	const cookie = await sessionCookieFor(demoUser('admin').id)
	const gone = await settle(() =>
		previewLoader({ request: getRequest(location, cookie), context, params: { importId: location.split('/').pop()! } }),
	)
	expect(statusOf(gone)).toBe(404)
})

test('Excel’s semicolons and Italian headers are read; a file that is not CSV or has no e-mail column says so', async () => {
	const italian = await preview(
		await upload('Email;Nome;Reparto;Responsabile\nmartina.sala@aurora-bank.example;Martina Sala;Lending;sì', 'people'),
	)
	expect(italian.page.plan.counts.create).toBe(1)
	expect(italian.page.plan.create[0]).toMatchObject({ role: 'manager', department: 'Lending' })
	const noEmail = await preview(await upload('name,role\nSomeone,employee', 'people'))
	expect(noEmail.page.plan.problem).toEqual({ key: 'import.errors.noColumn', values: { column: 'email' } })
	const broken = await preview(await upload('email,name\n"unclosed,quote', 'people'))
	expect(broken.page.plan.problem?.key).toBe('import.errors.notCsv')
	const empty = await upload('', 'people')
	expect(statusOf(empty)).toBe(400)
	// Cancelled: gone, nothing written.
	expect(((await italian.act({ intent: 'cancel' })) as Response).status).toBe(302)
	expect(listUsers({ query: 'martina.sala' }).rows).toHaveLength(0)
})

test('a departments file creates missing levels of each path once and changes who meets customers', async () => {
	const csv = [
		'path,customer_facing',
		'Banca Aurora/Digital Channels/Mobile App',
		'Banca Aurora/Digital Channels/Mobile App/Support,yes',
		'Banca Aurora/Retail Banking/Lending,yes',
		'Banca Aurora/Operations',
	].join('\n')
	const { page, act } = await preview(await upload(csv, 'departments'))
	expect(page.plan.counts).toMatchObject({ create: 2, change: 1, unchanged: 1, errors: 0 })
	const done = (await act({ intent: 'apply', valid: 'no' })) as Response
	expect(done.headers.get('Location')).toBe('/admin/departments')
	const all = listDepartments()
	const app = all.find((d) => d.name === 'Mobile App')!
	expect(all.find((d) => d.name === 'Digital Channels')!.id).toBe(app.parentId)
	expect(all.find((d) => d.name === 'Support')).toMatchObject({ parentId: app.id, customerFacing: true })
	expect(all.find((d) => d.name === 'Lending')!.customerFacing).toBe(true)
	expect(all.filter((d) => d.name === 'Mobile App')).toHaveLength(1)
})

test('only admins import', async () => {
	const manager = await sessionCookieFor(demoUser('manager').id)
	expect(statusOf(await upload('email\nx@y.example', 'people', { cookie: manager }))).toBe(403)
})

test('a full HR export deactivates everyone it does not list, never the admin, and ends their sessions', async () => {
	const admin = demoUser('admin')
	const kept = demoUser('manager')
	const leaving = demoUser('leader')
	const session = createSession(leaving.id)
	const csv = `email\n${kept.email}\n${demoUser('employee').email}`
	const { page, act } = await preview(await upload(csv, 'people', { deactivateMissing: true }))
	const active = getDb().select({ id: users.id }).from(users).where(isNull(users.deactivatedAt)).all().length
	expect(page.plan.counts.deactivate).toBe(active - 3)
	expect(page.plan.deactivate.some((p) => p.who.includes(admin.email))).toBe(false)
	await act({ intent: 'apply', valid: 'no' })
	expect(getUserById(leaving.id)!.deactivatedAt).not.toBeNull()
	expect(validateSessionToken(session.token)).toBeNull()
	expect(getUserById(admin.id)!.deactivatedAt).toBeNull()
	expect(
		getDb()
			.select()
			.from(users)
			.where(and(isNull(users.deactivatedAt)))
			.all(),
	).toHaveLength(3)
})
