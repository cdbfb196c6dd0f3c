import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { loader as teamLoader } from '#app/routes/_org+/team.tsx'
import { loader as dashboardLoader } from '#app/routes/dashboard+/_index.tsx'
import { loader as cellLoader } from '#app/routes/dashboard+/cell.tsx'
import { loader as exportLoader } from '#app/routes/dashboard+/export.tsx'
import { loader as eventLoader } from '#app/routes/moments+/$eventId.tsx'
import { getDb } from '#db/index.ts'
import { criticalEvents, departments, users } from '#db/schema.ts'
import { context, demoUser, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

const department = (name: string) => getDb().select().from(departments).where(eq(departments.name, name)).get()!
const load = async (url: string, cookie: string) => settle(() => dashboardLoader({ request: getRequest(url, cookie), context, params: {} }))
const csv = async (url: string, cookie: string) => settle(() => exportLoader({ request: getRequest(url, cookie), context, params: {} }))

test('employees cannot open the dashboard, its cells, events or exports; managers only their own subtree', async () => {
	const employee = await sessionCookieFor(demoUser('employee').id)
	expect(statusOf(await load('/dashboard', employee))).toBe(403)
	expect(statusOf(await csv('/dashboard/export?table=summary', employee))).toBe(403)
	expect(
		statusOf(await settle(() => cellLoader({ request: getRequest('/dashboard/cell?stage=x&event=none', employee), context, params: {} }))),
	).toBe(403)
	// The playbook is everyone's; its figures are the dashboard's.
	const anyEvent = getDb().select().from(criticalEvents).get()!
	const playbook = (await eventLoader({
		request: getRequest(`/moments/${anyEvent.id}`, employee),
		context,
		params: { eventId: anyEvent.id },
	})) as Awaited<ReturnType<typeof eventLoader>>
	expect(playbook.figures).toBeNull()

	const manager = await sessionCookieFor(demoUser('manager').id) // Contact Centre
	const own = (await load('/dashboard', manager)) as Awaited<ReturnType<typeof dashboardLoader>>
	expect(own.departmentId).toBe(demoUser('manager').departmentId)
	expect(own.canSeeAll).toBe(false)
	expect(own.departments.map((d) => d.name).sort()).toEqual(['Contact Centre', 'Contact Centre Bari', 'Contact Centre Milano'])
	const retail = department('Retail Banking').id
	const outside = await load(`/dashboard?department=${retail}`, manager)
	expect(statusOf(outside)).toBe(403)
	expect(statusOf(await csv(`/dashboard/export?table=summary&department=${retail}`, manager))).toBe(403)

	const leader = await sessionCookieFor(demoUser('leader').id)
	const all = (await load(`/dashboard?department=${retail}`, leader)) as Awaited<ReturnType<typeof dashboardLoader>>
	expect(all.data?.current.people).toBe(all.people)
	expect(all.people).toBeGreaterThanOrEqual(5)
})

test('a group under the minimum size sends no figure: not in the page data, not in the CSV', async () => {
	const leader = await sessionCookieFor(demoUser('leader').id)
	const small = department('Executive Office')
	const count = getDb().select().from(users).where(eq(users.departmentId, small.id)).all().length
	expect(count).toBeLessThan(5)
	const result = (await load(`/dashboard?department=${small.id}`, leader)) as Awaited<ReturnType<typeof dashboardLoader>>
	expect(result.data).toBeNull()
	// The whole data response holds nothing but the filters and the headcount.
	expect(JSON.stringify(result)).not.toMatch(/participants|insights|backlog/)
	for (const table of ['summary', 'trends', 'heatmap', 'departments']) {
		const response = (await csv(`/dashboard/export?table=${table}&department=${small.id}`, leader)) as Response
		expect(response.status).toBe(403)
	}
	// In the organisation's comparison the small departments are rows without numbers.
	const page = (await load('/dashboard', leader)) as Awaited<ReturnType<typeof dashboardLoader>>
	const row = page.data!.comparison.find((r) => r.id === small.id)!
	const { name, people, tooSmall, participation, ideasPer100, firstResponseMedian, implementationRate } = row
	expect({ name, people, tooSmall }).toEqual({ name: 'Executive Office', people: 0, tooSmall: true })
	expect([participation, ideasPer100, firstResponseMedian, implementationRate, row.recovery, row.firstContact]).toEqual([
		null,
		null,
		null,
		null,
		null,
		null,
	])
	const body = await ((await csv('/dashboard/export?table=departments', leader)) as Response).text()
	const line = body.split('\r\n').find((l) => l.startsWith('Executive Office'))
	expect(line).toBe('Executive Office,Too small to show,,,,,,')
})

test('CSV exports are UTF-8 with a BOM, attachments, and write numbers the same in every language', async () => {
	const leader = demoUser('leader')
	const cookie = await sessionCookieFor(leader.id)
	const response = (await csv('/dashboard/export?table=summary&weeks=13', cookie)) as Response
	expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
	expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="voce-summary-\d{4}-W\d{2}-13w\.csv"$/)
	const bytes = new Uint8Array(await response.arrayBuffer())
	expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
	const text = new TextDecoder().decode(bytes.slice(3))
	const rows = text.trim().split('\r\n')
	expect(rows[0]).toBe('Figure,Unit,This period,Previous period,Change')
	const page = (await load('/dashboard?weeks=13', cookie)) as Awaited<ReturnType<typeof dashboardLoader>>
	const participation = page.data!.current.participants / page.data!.current.people
	const before = page.data!.previous.participants / page.data!.previous.people
	// The change is in percentage points, 0 when it is too small to call a change.
	const points = Number(((participation - before) * 100).toFixed(2))
	expect(rows.find((r) => r.startsWith('Participation rate'))).toBe(
		`Participation rate,%,${Number((participation * 100).toFixed(2))},${Number((before * 100).toFixed(2))},${Math.abs(points) < 1 ? 0 : points}`,
	)

	// An Italian reader gets Italian headers and the same plain numbers.
	getDb().update(users).set({ locale: 'it' }).where(eq(users.id, leader.id)).run()
	const italian = await ((await csv('/dashboard/export?table=summary&weeks=13', cookie)) as Response).text()
	expect(italian).toContain('Dato,Unità,Questo periodo,Periodo precedente')
	expect(italian).toContain(`Tasso di partecipazione,%,${Number((participation * 100).toFixed(2))}`)
	getDb().update(users).set({ locale: null }).where(eq(users.id, leader.id)).run()

	const heat = await ((await csv('/dashboard/export?table=heatmap', cookie)) as Response).text()
	expect(heat.split('\r\n')[0]).toBe(
		'Journey stage,Critical event,Heat,Insights,I see this too,Mean emotion,Ideas,Ideas accepted or implemented,Ideas implemented,Blind spot,Recovery rate (%),Moments peaked distressed with an end,Resolved at first contact (%),Insights saying whether resolved at first contact',
	)
	expect(statusOf(await csv('/dashboard/export?table=everything', cookie))).toBe(400)
})

test('the heatmap cell and event pages 404 for unknown ids and list the cell’s insights', async () => {
	const cookie = await sessionCookieFor(demoUser('leader').id)
	const missing = await settle(() =>
		cellLoader({ request: getRequest('/dashboard/cell?stage=nope&event=none', cookie), context, params: {} }),
	)
	expect(statusOf(missing)).toBe(404)
	const page = (await load('/dashboard', cookie)) as Awaited<ReturnType<typeof dashboardLoader>>
	const hottest = [...page.data!.heat].sort((a, b) => b.heat - a.heat)[0]!
	const cell = (await cellLoader({
		request: getRequest(`/dashboard/cell?stage=${hottest.stageId}&event=${hottest.eventId}`, cookie),
		context,
		params: {},
	})) as Awaited<ReturnType<typeof cellLoader>>
	expect(cell.insights?.rows).toHaveLength(hottest.insights)
	expect(cell.ideas?.ideas).toHaveLength(hottest.ideas)
	expect(
		statusOf(await settle(() => eventLoader({ request: getRequest('/moments/nope', cookie), context, params: { eventId: 'nope' } }))),
	).toBe(404)
})

test('a manager’s team page shows their team’s participation and their own response times', async () => {
	const manager = demoUser('manager')
	const cookie = await sessionCookieFor(manager.id)
	const result = (await teamLoader({ request: getRequest('/team', cookie), context, params: {} })) as Awaited<ReturnType<typeof teamLoader>>
	expect(result.view.people).toBeGreaterThanOrEqual(5)
	expect(result.view.participation?.current).toBeGreaterThan(0)
	expect(result.view.own.current.count).toBeGreaterThanOrEqual(0)
})

test('the demo’s moments end differently by event and by quarter, on the dashboard, the playbook, the cell and My team', async () => {
	const cookie = await sessionCookieFor(demoUser('leader').id)
	const page = (await load('/dashboard', cookie)) as Awaited<ReturnType<typeof dashboardLoader>>
	const { current, previous } = page.data!
	expect(current.recovery.part).not.toBeNull()
	expect(previous.recovery.part).not.toBeNull()
	// The last quarter recovered more distressed moments than the one before.
	expect(current.recovery.part! / current.recovery.whole).toBeGreaterThan(previous.recovery.part! / previous.recovery.whole)
	const event = (name: string) => getDb().select().from(criticalEvents).where(eq(criticalEvents.name, name)).get()!
	const book = async (name: string) =>
		(
			(await eventLoader({
				request: getRequest(`/moments/${event(name).id}`, cookie),
				context,
				params: { eventId: event(name).id },
			})) as Awaited<ReturnType<typeof eventLoader>>
		).figures!.book!
	// Stolen cards: 5 of 6 ended calm since the emergency cash code; fraud alerts: 1 of 5.
	const cards = await book('Card lost or stolen')
	expect(cards.moments.current.recovery).toEqual({ part: 5, whole: 6 })
	expect(cards.quarters).toHaveLength(4)
	expect(cards.quarters[0]).toMatchObject({ recovery: { part: 5, whole: 6 } })
	// The quarter before had one such moment: too few to give a rate.
	expect(cards.quarters[1]).toMatchObject({ recovery: { part: null, whole: 1 } })
	expect((await book('Account locked or fraud alert')).moments.current.recovery).toEqual({ part: 1, whole: 5 })
	const cards2 = event('Card lost or stolen')
	const cell = (await cellLoader({
		request: getRequest(`/dashboard/cell?stage=${cards2.defaultStageId}&event=${cards2.id}`, cookie),
		context,
		params: {},
	})) as Awaited<ReturnType<typeof cellLoader>>
	expect(cell.moments?.current?.recovery).toEqual({ part: 5, whole: 6 })
	const team = (await teamLoader({
		request: getRequest('/team', await sessionCookieFor(demoUser('manager').id)),
		context,
		params: {},
	})) as Awaited<ReturnType<typeof teamLoader>>
	expect(team.view.moments?.current.recovery.whole).toBeGreaterThan(0)
})
