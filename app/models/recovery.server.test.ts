import { eq, isNull } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { departmentComparison, figures, heatmap, momentRatesIn, periodOf, previousPeriod, teamView } from '#app/models/dashboard.server.ts'
import { METRICS, rateValue } from '#app/models/dashboard.ts'
import { subtreeIds } from '#app/models/department.server.ts'
import { setMomentEnd } from '#app/models/insight.server.ts'
import { listEvents, listStages } from '#app/models/taxonomy.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { getDb } from '#db/index.ts'
import { departments, insights, users } from '#db/schema.ts'
import { makeInsight } from '#tests/factories.ts'

// Recovery and first-contact resolution on an organisation built by hand in 2023, far from
// the demo data: a desk of six with every moment's peak and end chosen, a quiet desk of six,
// and a team of two too small to show.
process.env.TIME_ZONE = 'UTC'
process.env.MIN_GROUP_SIZE = '5'
resetEnvCache()

const at = (month: number, day: number) => new Date(Date.UTC(2023, month - 1, day, 12))
const DEPT = { floor: 'floor', busy: 'floor-busy', quiet: 'floor-quiet', tiny: 'floor-tiny' }
// Weeks 14-26 of 2023: Monday 3 April to Monday 3 July (exclusive); the previous quarter before it.
const quarter = periodOf('2023-W26', 13)
const earlier = previousPeriod(quarter)
const floor = () => ({ departmentIds: subtreeIds(DEPT.floor) })

let S: string[]
let E: string[]
let unended: string

beforeAll(() => {
	const db = getDb()
	const root = db.select().from(departments).where(isNull(departments.parentId)).get()!
	db.insert(departments)
		.values([
			{ id: DEPT.floor, name: 'Floor', parentId: root.id },
			{ id: DEPT.busy, name: 'Busy desk', parentId: DEPT.floor },
			{ id: DEPT.quiet, name: 'Quiet desk', parentId: DEPT.floor },
			{ id: DEPT.tiny, name: 'Tiny team', parentId: DEPT.floor },
		])
		.run()
	const add = (id: string, departmentId: string) =>
		db
			.insert(users)
			.values({ id, email: `${id}@floor.example`, name: `Floor ${id}`, departmentId })
			.run()
	for (let i = 1; i <= 6; i++) add(`busy${i}`, DEPT.busy)
	for (let i = 1; i <= 6; i++) add(`quiet${i}`, DEPT.quiet)
	for (let i = 1; i <= 2; i++) add(`tiny${i}`, DEPT.tiny)
	S = listStages().map((s) => s.id)
	E = listEvents().map((e) => e.id)
	const author = (n: number) => ({ id: `busy${(n % 6) + 1}`, departmentId: DEPT.busy })
	let n = 0
	const moment = (
		peak: number,
		end: number | null,
		more: { eventId?: string | null; stageId?: string; anonymous?: boolean; resolvedFirstContact?: boolean | null; when?: Date } = {},
	) =>
		makeInsight(
			author(n++),
			{
				stageId: more.stageId ?? S[0]!,
				eventId: more.eventId === undefined ? E[0]! : more.eventId,
				emotion: peak,
				endEmotion: end,
				resolvedFirstContact: more.resolvedFirstContact ?? null,
				anonymous: more.anonymous ?? false,
			},
			more.when ?? at(5, 10),
		)

	// Event 0 at stage 0 this quarter. Peaked distressed with an end: 4 ended calm (one of them
	// anonymous, one ending at 2), 2 stayed at 4, 1 only came down to 3 → 4 of 7.
	moment(5, 1, { resolvedFirstContact: true })
	moment(4, 2, { resolvedFirstContact: true })
	moment(5, 1, { anonymous: true, resolvedFirstContact: false })
	moment(5, 2)
	moment(4, 4, { resolvedFirstContact: false })
	moment(5, 4, { resolvedFirstContact: false })
	moment(5, 3)
	// Not in the base: peaked distressed with no end recorded (yet), and calm-ish peaks that ended calm.
	unended = moment(5, null, { resolvedFirstContact: true })
	moment(3, 1)
	moment(2, 1, { resolvedFirstContact: true })
	// Hidden by a moderator: counted nowhere.
	const hidden = moment(5, 1, { resolvedFirstContact: true })
	db.update(insights)
		.set({ hiddenAt: at(5, 11) })
		.where(eq(insights.id, hidden))
		.run()
	// Event 1 at stage 0: three recovered moments, too few for a rate of their own.
	for (let i = 0; i < 3; i++) moment(5, 1, { eventId: E[1]! })
	// The previous quarter: five moments peaked distressed, one recovered.
	for (const end of [1, 4, 5, 4, 3]) moment(5, end, { when: at(2, 10) })
})

test('recovery counts the moments that peaked distressed and have an end, and those that ended calm', () => {
	const f = figures(floor(), quarter)!
	// Event 0: 4 of 7; event 1: 3 of 3 → 7 of 10. Unended, low peaks and the hidden one are out.
	expect(f.recovery).toEqual({ part: 7, whole: 10 })
	expect(METRICS.find((m) => m.key === 'recoveryRate')!.value(f)).toBeCloseTo(0.7)
	// First contact: said for 7 visible insights (unended and the calm peak included), 4 resolved.
	expect(f.firstContact).toEqual({ part: 4, whole: 7 })
	const before = figures(floor(), earlier)!
	expect(before.recovery).toEqual({ part: 1, whole: 5 })
	// Nobody said whether these were resolved at first contact: no rate, not 0%.
	expect(before.firstContact).toEqual({ part: null, whole: 0 })
	expect(rateValue(before.firstContact)).toBeNull()
})

test('each heatmap cell has its own rate, and a cell of fewer moments than the minimum group says only how many', () => {
	const cells = heatmap(floor(), quarter)!
	const cell = (event: string) => cells.find((c) => c.stageId === S[0] && c.eventId === event)!
	expect(cell(E[0]!).recovery).toEqual({ part: 4, whole: 7 })
	expect(rateValue(cell(E[0]!).recovery)).toBeCloseTo(4 / 7)
	expect(cell(E[1]!).recovery).toEqual({ part: null, whole: 3 })
	expect(rateValue(cell(E[1]!).recovery)).toBeNull()
	// The cell page asks for the same cell by itself.
	expect(momentRatesIn(floor(), quarter, { eventId: E[0]!, stageId: S[0]! })).toEqual({
		recovery: { part: 4, whole: 7 },
		firstContact: { part: 4, whole: 7 },
	})
	// Insights with no critical event: none here.
	expect(momentRatesIn(floor(), quarter, { eventId: null })!.recovery).toEqual({
		part: null,
		whole: 0,
	})
})

test('an end added later by the author moves the rate', () => {
	const busy = { departmentIds: [DEPT.busy] }
	const rates = () => momentRatesIn(busy, quarter, { eventId: E[0]! })!
	expect(rates().recovery).toEqual({ part: 4, whole: 7 })
	const authorId = getDb().select({ authorId: insights.authorId }).from(insights).where(eq(insights.id, unended)).get()!.authorId!
	expect(setMomentEnd(unended, authorId, { endEmotion: 2 })).toBe(true)
	expect(rates().recovery).toEqual({ part: 5, whole: 8 })
	setMomentEnd(unended, authorId, { endEmotion: 5 })
	expect(rates().recovery).toEqual({ part: 4, whole: 8 })
	getDb().update(insights).set({ endEmotion: null }).where(eq(insights.id, unended)).run()
})

test('departments compare recovery; a group under the minimum size gets no rate at all', () => {
	const rows = departmentComparison(DEPT.floor, quarter)
	const row = (name: string) => rows.find((r) => r.name === name)!
	expect(row('Busy desk').recovery).toEqual({ part: 7, whole: 10 })
	expect(row('Busy desk').firstContact).toEqual({ part: 4, whole: 7 })
	// Six people and no moments: a group large enough, with nothing to tell.
	expect(row('Quiet desk').recovery).toEqual({ part: null, whole: 0 })
	// Two people: not even the count of their moments.
	expect(row('Tiny team')).toMatchObject({ tooSmall: true, recovery: null, firstContact: null })
	expect(momentRatesIn({ departmentIds: [DEPT.tiny] }, quarter)).toBeNull()
})

test('My team shows the team’s recovery this quarter beside the previous one, and nothing for a team too small', () => {
	const now = at(6, 30)
	const view = teamView({ id: 'busy1', departmentId: DEPT.busy }, now)
	expect(view.moments).toEqual({
		current: { recovery: { part: 7, whole: 10 }, firstContact: { part: 4, whole: 7 } },
		previous: { recovery: { part: 1, whole: 5 }, firstContact: { part: null, whole: 0 } },
	})
	expect(teamView({ id: 'tiny1', departmentId: DEPT.tiny }, now).moments).toBeNull()
})
