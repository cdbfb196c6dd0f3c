import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { listAudit } from '#app/models/audit.server.ts'
import { companyBlindSpots } from '#app/models/dashboard.server.ts'
import { listNotifications } from '#app/models/notification.server.ts'
import { notifyBlindSpots } from '#app/models/playbook.server.ts'
import { listEvents } from '#app/models/taxonomy.server.ts'
import { action as taxonomyAction, loader as taxonomyLoader } from '#app/routes/admin+/taxonomy.$kind.tsx'
import { loader as cellLoader } from '#app/routes/dashboard+/cell.tsx'
import { loader as myMomentsLoader } from '#app/routes/moments+/_index.tsx'
import { loader as playbookLoader } from '#app/routes/moments+/$eventId.tsx'
import { getDb } from '#db/index.ts'
import { departments, users } from '#db/schema.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

const person = (local: string) =>
	getDb()
		.select()
		.from(users)
		.where(eq(users.email, `${local}@aurora-bank.example`))
		.get()!
const department = (name: string) => getDb().select().from(departments).where(eq(departments.name, name)).get()!
const event = (name: string) => listEvents().find((e) => e.name === name)!
type MyMoments = Awaited<ReturnType<typeof myMomentsLoader>>
const myMoments = async (local: string) =>
	(await myMomentsLoader({ request: getRequest('/moments', await sessionCookieFor(person(local).id)), context, params: {} })) as MyMoments

test('the demo’s owners see their moments on My moments: by name, or through their department', async () => {
	// Ilaria owns stolen cards by name; Cards & Payments (her department) owns payment declines too.
	const ilaria = await myMoments('ilaria.martinelli')
	expect(ilaria.moments.map((m) => [m.event.name, m.mine])).toEqual([
		['Card lost or stolen', true],
		['Payment declined', false],
	])
	const cards = ilaria.moments[0]!
	expect(cards.heat).toBeGreaterThan(0)
	expect(cards.openIdeas).toBeGreaterThan(0)
	// Company-wide this quarter, as on the playbook: 5 of 6 distressed moments ended calm.
	expect(cards.moments?.current.recovery).toEqual({ part: 5, whole: 6 })
	// Lorenzo works in Fraud & Disputes, under Operations: his department owns fraud alerts.
	const lorenzo = await myMoments('lorenzo.desantis')
	expect(lorenzo.moments.map((m) => m.event.name)).toEqual(['Account locked or fraud alert'])
	// Giulia (Contact Centre Milano) owns none: the page says so.
	expect((await myMoments('giulia.rossi')).moments).toEqual([])
})

test('an admin sets an event’s owners; an unknown person or department is refused with what was typed kept, and the audit log says who changed what', async () => {
	const admin = demoUser('admin')
	const cookie = await sessionCookieFor(admin.id)
	const target = event('Flight cancelled or missed')
	const post = (fields: Record<string, string>) =>
		settle(() => taxonomyAction({ request: formRequest('/admin/taxonomy/events', fields, cookie), context, params: { kind: 'events' } }))
	const base = { intent: 'update', id: target.id, name: target.name, defaultStageId: target.defaultStageId }

	const unknown = (await post({
		...base,
		ownerDepartmentId: department('Social & Chat').id,
		ownerEmail: 'nobody@aurora-bank.example',
	})) as {
		data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
	}
	expect(statusOf(unknown)).toBe(400)
	expect(unknown.data.result.error.ownerEmail).toEqual(['validation.unknownPerson'])
	expect(unknown.data.result.initialValue.ownerEmail).toBe('nobody@aurora-bank.example')
	const badDepartment = (await post({ ...base, ownerDepartmentId: 'no-such-department' })) as {
		data: { result: { error: Record<string, string[]> } }
	}
	expect(statusOf(badDepartment)).toBe(400)
	expect(badDepartment.data.result.error.ownerDepartmentId).toEqual(['validation.unknownDepartment'])
	// A deactivated person cannot own a moment.
	const gone = person('gabriele.ferraro')
	expect(gone.deactivatedAt).not.toBeNull()
	const refused = (await post({ ...base, ownerEmail: gone.email })) as { data: { result: { error: Record<string, string[]> } } }
	expect(refused.data.result.error.ownerEmail).toEqual(['validation.unknownPerson'])
	expect(listEvents().find((e) => e.id === target.id)).toMatchObject({ ownerDepartmentId: null, ownerUserId: null })

	expect(
		statusOf(await post({ ...base, ownerDepartmentId: department('Social & Chat').id, ownerEmail: ' Chiara.Bruno@aurora-bank.example ' })),
	).toBe(302)
	expect(listEvents().find((e) => e.id === target.id)).toMatchObject({
		ownerDepartmentId: department('Social & Chat').id,
		ownerUserId: person('chiara.bruno').id,
	})
	const entry = listAudit({ actorId: admin.id, action: 'taxonomy.update' }).rows[0]!
	expect(JSON.stringify(entry)).toContain('Chiara Bruno')
	expect(JSON.stringify(entry)).toContain('Social & Chat')
	// The admin list shows the owners; Chiara now sees the moment as hers.
	const list = (await taxonomyLoader({
		request: getRequest('/admin/taxonomy/events', cookie),
		context,
		params: { kind: 'events' },
	})) as Awaited<ReturnType<typeof taxonomyLoader>>
	expect(list.entries.find((e) => e.id === target.id)).toMatchObject({ ownerDepartmentName: 'Social & Chat', ownerName: 'Chiara Bruno' })
	expect((await myMoments('chiara.bruno')).moments.map((m) => [m.event.name, m.mine])).toEqual([['Flight cancelled or missed', true]])

	// Blank fields clear the owners.
	expect(statusOf(await post({ ...base, ownerDepartmentId: '', ownerEmail: '' }))).toBe(302)
	expect(listEvents().find((e) => e.id === target.id)).toMatchObject({ ownerDepartmentId: null, ownerUserId: null })
	expect((await myMoments('chiara.bruno')).moments).toEqual([])
})

test('the playbook and the heatmap cell say who owns the moment', async () => {
	const cookie = await sessionCookieFor(demoUser('leader').id)
	const cards = event('Card lost or stolen')
	const book = (await playbookLoader({
		request: getRequest(`/moments/${cards.id}`, cookie),
		context,
		params: { eventId: cards.id },
	})) as Awaited<ReturnType<typeof playbookLoader>>
	expect(book.owner).toMatchObject({ departmentName: 'Cards & Payments', userName: 'Ilaria Martinelli' })
	const cell = (await cellLoader({
		request: getRequest(`/dashboard/cell?stage=${cards.defaultStageId}&event=${cards.id}`, cookie),
		context,
		params: {},
	})) as Awaited<ReturnType<typeof cellLoader>>
	expect(cell.owner).toMatchObject({ departmentName: 'Cards & Payments', userName: 'Ilaria Martinelli' })
	// An employee may open My moments but not another page's figures.
	expect(statusOf(await settle(() => myMomentsLoader({ request: getRequest('/moments'), context, params: {} })))).toBe(302)
})

test('owners hear once when their moment becomes a blind spot, and again only after it stopped being one', async () => {
	const cards = event('Card lost or stolen') // Ilaria by name
	const declined = event('Payment declined') // Cards & Payments: its managers (Ilaria)
	const loans = event('Loan or mortgage refused') // Lending, which has no manager
	const told = (local: string) => listNotifications(person(local).id, 'en').rows.filter((n) => n.kind === 'blind-spot')
	const before = told('ilaria.martinelli').length
	// The demo's own blind spots, from the company heatmap, are events.
	expect([...companyBlindSpots()].every((id) => listEvents({ includeRetired: true }).some((e) => e.id === id))).toBe(true)
	notifyBlindSpots(new Set())
	expect(notifyBlindSpots(new Set([cards.id, declined.id, loans.id]))).toBe(2)
	const ilaria = told('ilaria.martinelli').slice(0, 2)
	expect(ilaria.map((n) => n.eventId).sort()).toEqual([cards.id, declined.id].sort())
	expect(ilaria.find((n) => n.eventId === cards.id)?.eventName).toBe('Card lost or stolen')
	// Still a blind spot next minute: nobody is told twice.
	expect(notifyBlindSpots(new Set([cards.id, declined.id]))).toBe(0)
	// Stolen cards got an idea under way, then went blind again: a new episode, told again.
	expect(notifyBlindSpots(new Set([declined.id]))).toBe(0)
	expect(notifyBlindSpots(new Set([cards.id, declined.id]))).toBe(1)
	expect(told('ilaria.martinelli')).toHaveLength(before + 3)
})
