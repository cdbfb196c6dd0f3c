import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import { beforeEach, expect, test } from 'vitest'
import { emergingMoments, resetEmergingMoments } from '#app/models/emerging.server.ts'
import { createInsight } from '#app/models/insight.server.ts'
import { captureTaxonomy, listChannels, listEvents, listStages } from '#app/models/taxonomy.server.ts'
import { action, loader } from '#app/routes/admin+/emerging.tsx'
import { getDb } from '#db/index.ts'
import { auditLog, emergingDismissals, insights, users } from '#db/schema.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

type Page = Exclude<Awaited<ReturnType<typeof loader>>, Response>
type Refused = { data: { key: string; result: { error?: Record<string, string[]>; initialValue: Record<string, unknown> } } }

const stage = (name: string) => listStages().find((s) => s.name === name)!.id
const open = async (cookie: string) => (await loader({ request: getRequest('/admin/emerging', cookie), context, params: {} })) as Page
const post = (fields: Record<string, string | string[]>, cookie: string) =>
	settle(() => action({ request: formRequest('/admin/emerging', fields, cookie), context, params: {} }))
const eventOf = (id: string) => getDb().select({ eventId: insights.eventId }).from(insights).where(eq(insights.id, id)).get()!.eventId

beforeEach(() => resetEmergingMoments({ everything: true }))

test('the demo’s app update that logs customers out is offered to admins, with its insights; nobody else sees the page', async () => {
	const admin = await sessionCookieFor(demoUser('admin').id)
	const { moments } = await open(admin)
	expect(moments).toHaveLength(1)
	const [appUpdate] = moments
	expect(appUpdate!.label).toBe('app update')
	expect(appUpdate!.count).toBe(9)
	expect(appUpdate!.recurrences).toBe(2)
	expect(appUpdate!.days).toBe(9)
	expect(appUpdate!.stageId).toBe(stage('Use'))
	expect(appUpdate!.insights.map((i) => i.body)).toContain(
		'L’aggiornamento dell’app ha disconnesso la cliente e il codice di attivazione non arriva.',
	)
	expect(appUpdate!.insights.every((i) => i.event === null)).toBe(true)
	for (const role of ['employee', 'manager', 'leader'] as const) {
		const cookie = await sessionCookieFor(demoUser(role).id)
		expect(statusOf(await settle(() => loader({ request: getRequest('/admin/emerging', cookie), context, params: {} })))).toBe(403)
		expect(statusOf(await post({ intent: 'dismiss', key: appUpdate!.key }, cookie))).toBe(403)
	}
	expect(statusOf(await settle(() => loader({ request: getRequest('/admin/emerging'), context, params: {} })))).toBe(302)
})

test('a refused form says what is wrong, keeps what was typed and writes nothing', async () => {
	const admin = await sessionCookieFor(demoUser('admin').id)
	const [appUpdate] = (await open(admin)).moments
	const ids = appUpdate!.insights.map((i) => i.id)
	const eventsBefore = listEvents({ includeRetired: true }).length
	const typed = {
		intent: 'adopt',
		key: appUpdate!.key,
		name: '',
		'names.it': 'Aggiornamento dell’app',
		stageId: stage('Use'),
		insightIds: ids.slice(0, 3),
	}

	const blank = (await post(typed, admin)) as Refused
	expect(statusOf(blank)).toBe(400)
	expect(blank.data.key).toBe(appUpdate!.key)
	expect(blank.data.result.error!.name).toEqual(['validation.required'])
	expect(blank.data.result.initialValue).toMatchObject({ names: { it: 'Aggiornamento dell’app' }, insightIds: ids.slice(0, 3) })

	const taken = (await post({ ...typed, name: 'card lost or stolen' }, admin)) as Refused
	expect(taken.data.result.error!.name).toEqual(['validation.nameTaken'])
	const noneChosen = (await post({ ...typed, name: 'App update logs customers out', insightIds: [] }, admin)) as Refused
	expect(statusOf(noneChosen)).toBe(400)
	expect(noneChosen.data.result.error!.insightIds).toEqual(['emerging.chooseInsights'])
	const badStage = (await post({ ...typed, name: 'App update logs customers out', stageId: 'nope' }, admin)) as Refused
	expect(badStage.data.result.error!.stageId).toEqual(['validation.unknownStage'])

	// Chosen insights another admin tagged meanwhile: 409, and no moment without insights.
	const tagged = getDb().select({ id: insights.id }).from(insights).where(eq(insights.eventId, listEvents()[0]!.id)).get()!.id
	const late = (await post({ ...typed, name: 'App update logs customers out', insightIds: [tagged] }, admin)) as Refused & {
		data: { result: { error: Record<string, string[]> } }
	}
	expect(statusOf(late)).toBe(409)
	expect(late.data.result.error['']).toEqual(['emerging.gone'])

	expect(listEvents({ includeRetired: true })).toHaveLength(eventsBefore)
	expect(ids.every((id) => eventOf(id) === null)).toBe(true)
	expect(statusOf(await post({ intent: 'dismiss', key: 'no-such-group' }, admin))).toBe(409)
	expect(statusOf(await post({ intent: 'nonsense' }, admin))).toBe(400)
})

test('one action creates the moment in the stage chosen and tags the chosen insights; the rest stay untagged; it is audited', async () => {
	const admin = await sessionCookieFor(demoUser('admin').id)
	const [appUpdate] = (await open(admin)).moments
	const [left, ...chosen] = appUpdate!.insights.map((i) => i.id)
	const response = (await post(
		{
			intent: 'adopt',
			key: appUpdate!.key,
			name: 'App update logs customers out',
			'names.it': 'L’aggiornamento dell’app disconnette i clienti',
			stageId: stage('Onboard'),
			insightIds: chosen,
		},
		admin,
	)) as Response
	expect(response.status).toBe(302)
	const created = listEvents().find((e) => e.name === 'App update logs customers out')!
	expect(response.headers.get('Location')).toBe(`/admin/taxonomy/events?edit=${created.id}`)
	expect(created.names).toEqual({ it: 'L’aggiornamento dell’app disconnette i clienti' })
	expect(created.defaultStageId).toBe(stage('Onboard'))
	// The capture form offers it at once.
	expect(captureTaxonomy().events.map((e) => e.id)).toContain(created.id)
	expect(chosen.every((id) => eventOf(id) === created.id)).toBe(true)
	expect(eventOf(left!)).toBeNull()
	const entries = getDb()
		.select({ action: auditLog.action, targetId: auditLog.targetId, detail: auditLog.detail })
		.from(auditLog)
		.where(inArray(auditLog.action, ['emerging.adopt', 'taxonomy.create']))
		.orderBy(desc(auditLog.createdAt))
		.all()
		.filter((e) => e.targetId === created.id)
	expect(entries.map((e) => e.action).sort()).toEqual(['emerging.adopt', 'taxonomy.create'])
	expect(JSON.parse(entries.find((e) => e.action === 'emerging.adopt')!.detail!)).toEqual({
		name: 'App update logs customers out',
		insights: 8,
	})
	// One insight left is not a group any more.
	expect((await open(admin)).moments).toEqual([])
})

test('an admin sets a group aside: it is not offered again until new insights say the same', async () => {
	const admin = await sessionCookieFor(demoUser('admin').id)
	const employee = demoUser('employee')
	const channel = listChannels()[0]!.id
	const log = (body: string, daysAgo: number) =>
		createInsight(
			{ id: employee.id, departmentId: employee.departmentId },
			{
				body,
				channelId: channel,
				stageId: stage('Get help'),
				eventId: null,
				emotion: 3,
				occurredAt: new Date(Date.now() - daysAgo * 86_400_000),
				anonymous: false,
			},
			new Date(Date.now() - daysAgo * 86_400_000),
		).id
	const closing = [
		'Regulars are upset that the Via Roma branch is closing next month',
		'Old couple asked where to collect the pension once the branch closes',
		'Customer moving her accounts because the village branch is closing',
		'Questions all day about the branch closing and which branch takes over',
		'Shop owner worried about cash deposits once the branch closes',
	].map((body, i) => log(body, 3 + i))
	const group = (await open(admin)).moments.find((m) => m.insights.some((i) => closing.includes(i.id)))!
	expect(group.label).toContain('branch')
	expect(group.insights.map((i) => i.id).sort()).toEqual([...closing].sort())

	const response = (await post({ intent: 'dismiss', key: group.key }, admin)) as Response
	expect(response.status).toBe(302)
	expect(response.headers.get('Location')).toBe('/admin/emerging')
	expect((await open(admin)).moments.some((m) => m.key === group.key)).toBe(false)
	const dismissed = getDb().select().from(emergingDismissals).where(inArray(emergingDismissals.insightId, closing)).all()
	expect(dismissed).toHaveLength(5)
	// Nothing else about them changed: still untagged, still in the lists.
	expect(closing.every((id) => eventOf(id) === null)).toBe(true)
	const logged = getDb()
		.select({ detail: auditLog.detail })
		.from(auditLog)
		.where(and(eq(auditLog.action, 'emerging.dismiss'), eq(auditLog.actorId, demoUser('admin').id)))
		.get()!
	expect(JSON.parse(logged.detail!)).toEqual({ name: group.label, insights: 5 })

	// It keeps happening: five new insights over three days are offered, the old ones not.
	const again = [
		'Another customer upset the branch is closing, she has banked there for 40 years',
		'Branch closing letter does not say where the safe deposit boxes go',
		'Pensioner asked how to get cash after the branch closes',
		'The branch is closing and the customer wants to know where his advisor goes',
		'Customer says the branch closing means a 40 minute drive for deposits',
	].map((body, i) => log(body, i % 3))
	// The groups are kept for twenty minutes; the server's loop counts them again.
	resetEmergingMoments()
	const back = (await open(admin)).moments.find((m) => m.insights.some((i) => again.includes(i.id)))!
	expect(back.insights.map((i) => i.id).sort()).toEqual([...again].sort())
	expect(
		getDb()
			.select()
			.from(insights)
			.where(and(inArray(insights.id, closing), isNull(insights.eventId)))
			.all(),
	).toHaveLength(5)
})

test('the signal run tells the admins of a new emerging moment once, with its words and count; nobody else', async () => {
	const { runSignals } = await import('#app/models/signals.server.ts')
	const { notifications } = await import('#db/schema.ts')
	const { describeNotification, notificationPath } = await import('#app/models/notification.ts')
	const { getT } = await import('#app/utils/i18n.ts')
	const fresh = getDb().select().from(insights).where(isNull(insights.eventId)).all()
	expect(fresh.length).toBeGreaterThan(0)
	resetEmergingMoments({ everything: true })
	const moments = emergingMoments()
	const first = runSignals()
	expect(first.emerged).toBe(moments.length)
	const told = getDb().select().from(notifications).where(eq(notifications.kind, 'emerging')).all()
	expect(new Set(told.map((n) => n.userId))).toEqual(
		new Set([
			demoUser('admin').id,
			...getDb()
				.select({ id: users.id })
				.from(users)
				.where(eq(users.role, 'admin'))
				.all()
				.map((u) => u.id),
		]),
	)
	const { label } = describeNotification(
		{ kind: 'emerging', actorName: null, ideaTitle: null, ideaStatus: null, toStatus: null, note: told[0]!.note, keptTitle: null },
		getT('en'),
	)
	expect(label).toMatch(/^A possible new moment of truth: “.+”, \d+ insights without a moment in 4 weeks\.$/)
	expect(notificationPath({ kind: 'emerging', ideaId: null })).toBe('/admin/emerging')
	// Running again tells nobody twice.
	expect(runSignals().emerged).toBe(0)
})
