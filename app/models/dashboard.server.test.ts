import { eq, isNull } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import {
	dashboardScope,
	departmentComparison,
	eventPlaybook,
	eventSeries,
	figures,
	heatmap,
	ownResponseTimes,
	periodOf,
	previousPeriod,
	weeklySeries,
} from '#app/models/dashboard.server.ts'
import { METRICS, type MetricKey } from '#app/models/dashboard.ts'
import { subtreeIds } from '#app/models/department.server.ts'
import { setVote } from '#app/models/idea.server.ts'
import { setRecurrence } from '#app/models/insight.server.ts'
import { listEvents, listStages } from '#app/models/taxonomy.server.ts'
import { changeStatus, postUpdate } from '#app/models/triage.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { getDb } from '#db/index.ts'
import { departments, ideas, ideaUpdates, users } from '#db/schema.ts'
import { makeIdea, makeInsight } from '#tests/factories.ts'
import { demoUser } from '#tests/utils.ts'

// A small organisation built by hand in the spring of 2024, far from the demo data, with
// every figure worked out on paper first (the comments give the arithmetic).
process.env.TIME_ZONE = 'UTC'
process.env.SLA_DAYS = '14'
process.env.MIN_GROUP_SIZE = '5'
resetEnvCache()

const at = (month: number, day: number, hour = 12) => new Date(Date.UTC(2024, month - 1, day, hour))
const DEPT = { lab: 'lab', a: 'lab-a', b: 'lab-b', c: 'lab-c' }
const people: Record<string, { id: string; departmentId: string | null }> = {}

let S: string[]
let E: string[]
const idea: Record<string, string> = {}

beforeAll(() => {
	const db = getDb()
	const root = db.select().from(departments).where(isNull(departments.parentId)).get()!
	db.insert(departments)
		.values([
			{ id: DEPT.lab, name: 'Lab', parentId: root.id },
			{ id: DEPT.a, name: 'Lab A', parentId: DEPT.lab },
			{ id: DEPT.b, name: 'Lab B', parentId: DEPT.lab },
			{ id: DEPT.c, name: 'Lab C', parentId: DEPT.lab },
		])
		.run()
	const add = (key: string, departmentId: string) => {
		db.insert(users)
			.values({ id: key, email: `${key}@lab.example`, name: `Lab ${key}`, departmentId })
			.run()
		people[key] = { id: key, departmentId }
	}
	for (const key of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'd1']) add(key, DEPT.a)
	for (const key of ['b1', 'b2', 'b3']) add(key, DEPT.b)
	S = listStages().map((s) => s.id)
	E = listEvents().map((e) => e.id)
	const manager = demoUser('admin')
	const p = people as Record<string, { id: string; departmentId: string | null }>

	idea.I6 = makeIdea(p.a1!, { title: 'Old open idea' }, at(1, 10))
	idea.I0 = makeIdea(p.a1!, { title: 'I0' }, at(4, 1))
	changeStatus(idea.I0, manager, 'in_review', null, at(4, 11))
	changeStatus(idea.I0, manager, 'declined', 'Not this year', at(4, 29))
	idea.I1 = makeIdea(p.a1!, { title: 'I1', stageIds: [S[1]!], eventIds: [E[1]!] }, at(4, 23))
	changeStatus(idea.I1, manager, 'in_review', null, at(4, 25))
	// Voted while it was open (a decided idea takes no votes).
	setVote(idea.I1, 'a5', true, at(4, 30))
	changeStatus(idea.I1, manager, 'accepted', null, at(5, 3))
	changeStatus(idea.I1, manager, 'in_progress', null, at(5, 6))
	changeStatus(idea.I1, manager, 'implemented', null, at(5, 10))
	idea.I2 = makeIdea(p.a2!, { title: 'I2', anonymous: true }, at(4, 24))
	changeStatus(idea.I2, manager, 'in_review', null, at(4, 28))
	changeStatus(idea.I2, manager, 'declined', 'Already planned', at(4, 30))
	makeInsight(p.d1!, { stageId: S[1]!, eventId: E[1]!, emotion: 4 }, at(4, 30))
	idea.I3 = makeIdea(p.b1!, { title: 'I3' }, at(5, 1))
	// Declined without a reason: only old data can do that, and the figure must show it.
	idea.I5 = makeIdea(p.a1!, { title: 'I5' }, at(5, 2))
	db.update(ideas)
		.set({ status: 'declined', firstActionAt: at(5, 5), decidedAt: at(5, 5), closedAt: at(5, 5) })
		.where(eq(ideas.id, idea.I5))
		.run()
	db.insert(ideaUpdates)
		.values({ ideaId: idea.I5, actorId: manager.id, fromStatus: 'submitted', toStatus: 'declined', note: null, createdAt: at(5, 5) })
		.run()
	const a4Insight = makeInsight(p.a4!, { stageId: S[1]!, eventId: E[1]!, emotion: 2 }, at(5, 8))
	setRecurrence(a4Insight, 'a5', true, at(5, 8))
	setRecurrence(a4Insight, 'a6', true, at(5, 8))
	idea.I4 = makeIdea(p.a3!, { title: 'I4' }, at(5, 15))
	postUpdate(idea.I4, manager, 'Looking into it', at(5, 16))
	makeInsight(p.a2!, { stageId: S[2]!, eventId: null, emotion: 5, anonymous: true }, at(5, 14))
	const a3Insight = makeInsight(p.a3!, { stageId: S[3]!, eventId: E[2]!, emotion: 3 }, at(5, 17))
	for (const who of ['a1', 'a2', 'b2']) setRecurrence(a3Insight, who, true, at(5, 17))
	// d1 leaves after contributing: their insight still counts, their participation not.
	db.update(users)
		.set({ deactivatedAt: at(6, 1) })
		.where(eq(users.id, 'd1'))
		.run()
})

const lab = () => ({ departmentIds: subtreeIds(DEPT.lab) })
// Weeks 17-20 of 2024: Monday 22 April to Monday 20 May (exclusive).
const period = () => periodOf('2024-W20', 4)
const value = (key: MetricKey, f: NonNullable<ReturnType<typeof figures>>) => METRICS.find((m) => m.key === key)!.value(f)

describe('headline figures on the hand-built data', () => {
	test('the current period', () => {
		const f = figures(lab(), period())!
		// 9 active people (6 in Lab A, 3 in Lab B; d1 is deactivated).
		expect(f.people).toBe(9)
		// a1, a2, a3, a4, a5 (vote), a6 (see this too), b1, b2 (see this too); d1 left.
		expect(f.participants).toBe(8)
		expect(value('participation', f)).toBeCloseTo(8 / 9)
		// I1, I2 (anonymous), I3, I4, I5; per 100 people per quarter: 5 / 9 × 100 × 13 / 4.
		expect([f.ideas, f.anonymousIdeas]).toEqual([5, 1])
		expect(value('ideasPer100', f)).toBeCloseTo(180.5556, 3)
		// d1, a4, a2 (anonymous), a3.
		expect([f.insights, f.anonymousInsights]).toEqual([4, 1])
		expect(value('anonymousShare', f)).toBeCloseTo(2 / 9)
		// First responses in the period: I4 1 day, I1 2, I5 3, I2 4.5 (I0's was before). I2 is
		// anonymous: it keeps only its day, so its clock starts at midnight, not noon.
		expect(f.firstResponse).toEqual({ count: 4, median: 2.5, p90: expect.closeTo(4.05) })
		// Decisions: I5 3 days, I2 6.5, I1 10, I0 28.
		expect(f.decision).toEqual({ count: 4, median: 8.25, p90: expect.closeTo(22.6) })
		// Of the 4 decided, only I1 is implemented.
		expect([f.decided, f.implemented]).toEqual([4, 1])
		expect(value('implementationRate', f)).toBe(0.25)
		// SLA ran out in the period for I1, I2, I3, I5; all but I3 have a decision.
		expect([f.slaDue, f.slaClosed]).toEqual([4, 3])
		expect(value('loopClosure', f)).toBe(0.75)
		// Declined in the period: I0 and I2 with a reason, I5 without.
		expect([f.declined, f.declinedWithReason]).toEqual([3, 2])
		expect(value('declinedWithReason', f)).toBeCloseTo(2 / 3)
		// Open on 20 May: I4 (4 days), I3 (18 days), I6 (130 days).
		expect(f.backlog).toEqual([1, 1, 0, 1])
	})

	test('the previous period (weeks 13-16)', () => {
		const previous = previousPeriod(period())
		expect(previous.weeks).toEqual(['2024-W13', '2024-W14', '2024-W15', '2024-W16'])
		const f = figures(lab(), previous)!
		expect(f.participants).toBe(1)
		expect([f.ideas, f.insights]).toEqual([1, 0])
		expect(f.firstResponse).toEqual({ count: 1, median: 10, p90: 10 })
		// Nothing decided: no median, and rates over nothing are "no data", not 0%.
		expect(f.decision).toEqual({ count: 0, median: null, p90: null })
		expect(value('implementationRate', f)).toBeNull()
		expect(value('declinedWithReason', f)).toBeNull()
		// I0's SLA ran out on 15 April; it was declined only on 29 April.
		expect([f.slaDue, f.slaClosed]).toEqual([1, 0])
		// Open on 22 April: I0 (20 days) and I6 (103 days).
		expect(f.backlog).toEqual([0, 1, 0, 1])
	})

	test('an empty period gives zeros and "no data", never errors', () => {
		const empty = figures(lab(), periodOf('2020-W10', 13))!
		expect([empty.participants, empty.ideas, empty.insights, empty.decided]).toEqual([0, 0, 0, 0])
		expect(empty.firstResponse.median).toBeNull()
		expect(METRICS.map((m) => m.value(empty))).toEqual(
			METRICS.map((m) => (m.key === 'insights' ? 0 : m.key === 'participation' || m.key === 'ideasPer100' ? 0 : null)),
		)
	})
})

test('weekly series count each week on its own', () => {
	const series = weeklySeries(lab(), period())!
	expect(series).toEqual([
		// a1; a2's idea that week was anonymous, and anonymous work marks nobody active.
		{ week: '2024-W17', participants: 1, insights: 0, ideas: 2, decisions: 0 },
		{ week: '2024-W18', participants: 3, insights: 1, ideas: 2, decisions: 4 },
		{ week: '2024-W19', participants: 3, insights: 1, ideas: 0, decisions: 0 },
		{ week: '2024-W20', participants: 4, insights: 2, ideas: 1, decisions: 0 },
	])
})

test('the heatmap sums heat per stage and event and marks the blind spot', () => {
	const cells = heatmap(lab(), period())!
	const cell = (stage: string, event: string) => cells.find((c) => c.stageId === stage && c.eventId === event)
	// Two insights (emotion 4 and 2) and two "I see this too"; I1 addresses it and is implemented.
	expect(cell(S[1]!, E[1]!)).toMatchObject({
		insights: 2,
		recurrences: 2,
		heat: 4,
		emotion: 3,
		ideas: 1,
		acted: 1,
		implemented: 1,
		blindSpot: false,
	})
	// One insight seen by three more people and nothing done: the blind spot.
	expect(cell(S[3]!, E[2]!)).toMatchObject({ insights: 1, heat: 4, ideas: 0, blindSpot: true })
	// Low heat is never a blind spot.
	expect(cell(S[2]!, 'none')).toMatchObject({ insights: 1, heat: 1, emotion: 5, blindSpot: false })
	// Ideas without an event: I6, I0, I2, I3, I4, I5, none accepted.
	expect(cell(S[0]!, 'none')).toMatchObject({ heat: 0, ideas: 6, acted: 0, blindSpot: false })
	expect(cells.filter((c) => c.blindSpot)).toHaveLength(1)
})

test('department comparison hides groups under the minimum size in every figure', () => {
	const rows = departmentComparison(DEPT.lab, period())
	expect(rows.map((r) => r.name)).toEqual(['Lab A', 'Lab B', 'Lab C'])
	const [a, b, c] = rows
	// Lab A: all six took part; I1, I2, I4, I5 are theirs: 4 / 6 × 100 × 13 / 4.
	expect(a).toMatchObject({ people: 6, tooSmall: false, participation: 1, firstResponseMedian: 2.5, implementationRate: 0.25 })
	expect(a!.ideasPer100).toBeCloseTo(216.667, 2)
	// A small department is a row without numbers: not even its headcount.
	for (const small of [b, c]) {
		const { id: _id, name: _name, people, tooSmall, ...figures } = small!
		expect({ people, tooSmall }).toEqual({ people: 0, tooSmall: true })
		expect(Object.values(figures)).toEqual([null, null, null, null, null, null])
	}
})

test('the event playbook compares equal windows before and after an implemented fix', () => {
	const book = eventPlaybook(E[1]!, lab(), at(5, 20, 0))!
	expect(book.byStatus).toEqual({ implemented: 1 })
	// d1's and a4's insights back no idea yet.
	expect(book.unansweredCount).toBe(2)
	// I1 was implemented on 10 May (at noon; the day counts as after); on 20 May the windows are
	// the 10 days each side: a4's insight (8 May) and d1's (30 April), with their "I see this too", fall before, none after.
	expect(book.fixes).toEqual([
		expect.objectContaining({ id: idea.I1, figures: expect.objectContaining({ days: 10, before: 4, after: 0 }) }),
	])
	expect(book.fixes[0]!.figures!.effect.verdict).toBe('unclear')
	// Six days on, too early to tell; a day before d1's, a 9-day window leaves it out (a4's insight and its two "I see this too" remain).
	expect(eventPlaybook(E[1]!, lab(), at(5, 16))!.fixes[0]).toMatchObject({ figures: null })
	expect(eventPlaybook(E[1]!, lab(), at(5, 19))!.fixes[0]!.figures).toMatchObject({ days: 9, before: 3 })
})

test('a manager’s own response times count only the first responses they gave', () => {
	const admin = demoUser('admin')
	// The admin gave all four first responses of the period: 1, 2, 3 and 4.5 days (I2 from its day).
	expect(ownResponseTimes(admin.id, period())).toEqual({ count: 4, median: 2.5, p90: expect.closeTo(4.05) })
	expect(ownResponseTimes('a1', period()).count).toBe(0)
})

test('a manager sees their own subtree only; leaders and admins any department', () => {
	const can = (role: 'manager' | 'leader') => (p: Parameters<typeof hasPermission>[1]) => hasPermission(role, p)
	const manager = { role: 'manager' as const, departmentId: DEPT.lab }
	expect(dashboardScope(manager, null, can('manager'))?.scope.departmentIds?.sort()).toEqual(Object.values(DEPT).sort())
	expect(dashboardScope(manager, DEPT.b, can('manager'))?.scope.departmentIds).toEqual([DEPT.b])
	const root = getDb().select().from(departments).where(isNull(departments.parentId)).get()!
	expect(dashboardScope(manager, root.id, can('manager'))).toBeNull()
	expect(dashboardScope({ role: 'manager', departmentId: null }, null, can('manager'))).toBeNull()
	expect(dashboardScope({ role: 'leader', departmentId: DEPT.b }, null, can('leader'))?.scope.departmentIds).toBeNull()
	expect(dashboardScope({ role: 'leader', departmentId: DEPT.b }, root.id, can('leader'))?.departmentId).toBe(root.id)
})

test('every figure function refuses a group under the minimum size: a 3-person team and an empty one get nothing', () => {
	const db = getDb()
	const root = db.select().from(departments).where(isNull(departments.parentId)).get()!
	db.insert(departments).values({ id: 'lab-tiny', name: 'Tiny desk', parentId: root.id }).run()
	for (const key of ['t1', 't2', 't3'])
		db.insert(users)
			.values({ id: key, email: `${key}@lab.example`, name: `Lab ${key}`, departmentId: 'lab-tiny' })
			.run()
	makeInsight({ id: 't1', departmentId: 'lab-tiny' }, { stageId: S[1]!, eventId: E[1]!, emotion: 5 }, at(5, 9))
	makeIdea({ id: 't2', departmentId: 'lab-tiny' }, { title: 'Tiny team idea', eventIds: [E[1]!] }, at(5, 9))
	for (const scope of [{ departmentIds: subtreeIds('lab-tiny') }, { departmentIds: subtreeIds(DEPT.c) }]) {
		expect(figures(scope, period())).toBeNull()
		expect(weeklySeries(scope, period())).toBeNull()
		expect(heatmap(scope, period())).toBeNull()
		expect(eventSeries(E[1]!, scope, period())).toBeNull()
		expect(eventPlaybook(E[1]!, scope, at(5, 20))).toBeNull()
	}
	// The same functions answer for a group at the minimum size.
	expect(figures(lab(), period())?.people).toBe(9)
})
