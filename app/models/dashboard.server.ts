import { sql, type SQL } from 'drizzle-orm'
import {
	AGE_BUCKETS,
	blindSpotThreshold,
	ideasPer100,
	interpolate,
	NO_EVENT,
	QUARTER_WEEKS,
	ratio,
	RECOVERY,
	type DepartmentFigures,
	type DurationStat,
	type Figures,
	type HeatCell,
	type MomentRates,
	type Rate,
} from '#app/models/dashboard.ts'
import { activeHeadcounts, listDepartments, rollUpHeadcounts, subtreeIds } from '#app/models/department.server.ts'
import { type DepartmentRow } from '#app/models/department.ts'
import { fixEffects, fixesWorked } from '#app/models/fix-effect.server.ts'
import { ACTED_STATUSES, OPEN_STATUSES, STATUS } from '#app/models/idea.ts'
import { sqlList, statusIn } from '#app/models/sql.server.ts'
import { createTtlCache } from '#app/utils/cache.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { type Permission, type Role } from '#app/utils/permissions.ts'
import { isoWeek, shiftWeek, weekStart } from '#app/utils/time.ts'
import { getDb } from '#db/index.ts'

// Every figure is a count or an order statistic computed in SQLite: no query brings
// the rows of a period into JavaScript. Timestamps are milliseconds since the epoch.

const DAY = 86_400_000

/** Whose data a figure covers: the departments of a subtree, or (null) everyone. */
export type Scope = { departmentIds: string[] | null }
export const EVERYONE: Scope = { departmentIds: null }

export type Period = { weeks: string[]; start: Date; end: Date; asOf: Date }

/** `count` ISO weeks ending with `endWeek`; figures that are "as of" a moment use the end or now, whichever is first. */
export function periodOf(endWeek: string, count: number, now = new Date()): Period {
	const { TIME_ZONE } = getEnv()
	const weeks = Array.from({ length: count }, (_, i) => shiftWeek(endWeek, i - count + 1))
	const start = weekStart(weeks[0]!, TIME_ZONE)
	const end = weekStart(shiftWeek(endWeek, 1), TIME_ZONE)
	return { weeks, start, end, asOf: new Date(Math.min(end.getTime(), now.getTime())) }
}

/** The period of the same length just before. */
export function previousPeriod(period: Period, now = new Date()) {
	return periodOf(shiftWeek(period.weeks[0]!, -1), period.weeks.length, now)
}

export function inScope(column: SQL, scope: Scope) {
	if (!scope.departmentIds) return sql`1`
	return sql`${column} IN (${sqlList(scope.departmentIds)})`
}

const one = <T>(query: SQL) => getDb().get<T>(query)!

/** Each ISO week of the period with its start and end instants, and the same as a SQL `VALUES` list (i, s, e). */
function weekBounds(period: Period) {
	const { TIME_ZONE } = getEnv()
	const bounds = period.weeks.map((week) => ({
		week,
		start: weekStart(week, TIME_ZONE).getTime(),
		end: weekStart(shiftWeek(week, 1), TIME_ZONE).getTime(),
	}))
	const values = sql.join(
		bounds.map((b, i) => sql`(${i}, ${b.start}, ${b.end})`),
		sql`, `,
	)
	return { bounds, values }
}

/** What a page shows as the period: its first instant and its last (the end is exclusive). */
export function displayRange(period: Period) {
	return { from: period.start, to: new Date(period.end.getTime() - 1) }
}

/** The ids of active people in scope, as a subquery (SQLite builds it into a lookup once). */
function activePeople(scope: Scope) {
	return sql`SELECT id FROM users WHERE deactivated_at IS NULL AND ${inScope(sql`department_id`, scope)}`
}

const counted = new WeakMap<Scope, number>()

/** Active people in scope: the denominator of participation. Counted once per scope object (a request's). */
export function headcount(scope: Scope) {
	let people = counted.get(scope)
	if (people === undefined) {
		people = one<{ n: number }>(sql`SELECT count(*) AS n FROM (${activePeople(scope)})`).n
		counted.set(scope, people)
	}
	return people
}

/**
 * Whether a scope has at least MIN_GROUP_SIZE active people. Below it the figure functions
 * refuse to compute (they return null), so no route can show a small team's figures by
 * forgetting a check.
 */
export function largeEnough(scope: Scope) {
	return headcount(scope) >= getEnv().MIN_GROUP_SIZE
}

/**
 * Distinct active people in scope who logged, submitted, voted or commented in the
 * period's weeks, read from the weekly activity marks. Only named work sets a mark: a mark
 * an anonymous submission set would be the one mark with no named row beside it, and so
 * name its author (docs/decisions/001-anonymity-against-a-database-reader.md).
 */
export function participants(scope: Scope, period: Period) {
	return one<{ n: number }>(sql`
		SELECT count(DISTINCT user_id) AS n FROM activity_weeks
		WHERE week BETWEEN ${period.weeks[0]} AND ${period.weeks.at(-1)} AND user_id IN (${activePeople(scope)})`).n
}

/**
 * The sums behind the recovery and first-contact rates over a set of insights (aliased
 * `alias`): peaked distressed with an end recorded, of those ended calm; first contact
 * recorded, of those resolved.
 */
export function momentSums(alias?: string) {
	const c = (name: string) => sql.raw(alias ? `${alias}.${name}` : name)
	return sql`sum(${c('emotion')} >= ${RECOVERY.peak} AND ${c('end_emotion')} IS NOT NULL) AS peaked,
		sum(${c('emotion')} >= ${RECOVERY.peak} AND ${c('end_emotion')} <= ${RECOVERY.end}) AS recovered,
		sum(${c('resolved_first_contact')} IS NOT NULL) AS contacts,
		sum(${c('resolved_first_contact')} = 1) AS resolved`
}

export type MomentSums = { peaked: number | null; recovered: number | null; contacts: number | null; resolved: number | null }

/** A share of at least MIN_GROUP_SIZE moments, or its base alone ("too few to tell"). */
export function rateOf(part: number | null | undefined, whole: number | null | undefined): Rate {
	const base = whole ?? 0
	return { whole: base, part: base >= getEnv().MIN_GROUP_SIZE ? (part ?? 0) : null }
}

export function momentRates(row: MomentSums | undefined): MomentRates {
	return { recovery: rateOf(row?.recovered, row?.peaked), firstContact: rateOf(row?.resolved, row?.contacts) }
}

/**
 * How the moments of a scope's insights created in [from, to) ended, optionally of one
 * critical event (null: none) and one stage.
 */
export function momentRatesIn(
	scope: Scope,
	period: Pick<Period, 'start' | 'end'>,
	only: { eventId?: string | null; stageId?: string } = {},
): MomentRates | null {
	const [from, to] = [period.start.getTime(), period.end.getTime()]
	if (!largeEnough(scope)) return null
	const event = only.eventId === undefined ? sql`` : only.eventId === null ? sql`AND event_id IS NULL` : sql`AND event_id = ${only.eventId}`
	const stage = only.stageId ? sql`AND stage_id = ${only.stageId}` : sql``
	return momentRates(
		one<MomentSums>(sql`
			SELECT ${momentSums()} FROM insights INDEXED BY insights_dashboard_idx
			WHERE created_at >= ${from} AND created_at < ${to} AND hidden_at IS NULL AND ${inScope(sql`department_id`, scope)} ${event} ${stage}`),
	)
}

/** Count, median and p90 (in days) of a set of durations `d` in milliseconds, ordered by SQLite. */
function stat(set: SQL): DurationStat {
	const count = one<{ n: number }>(sql`SELECT count(*) AS n FROM (${set})`).n
	const at = (p: number) => {
		if (!count) return null
		const position = (count - 1) * p
		const rows = getDb().all<{ d: number }>(sql`SELECT d FROM (${set}) ORDER BY d LIMIT 2 OFFSET ${Math.floor(position)}`)
		return interpolate(rows[0]!.d, rows[1]?.d, position) / DAY
	}
	return { count, median: at(0.5), p90: at(0.9) }
}

/** Durations from submission to `column` for ideas whose `column` falls in the period. */
function durationStat(column: 'first_action_at' | 'decided_at', scope: Scope, period: Period): DurationStat {
	return stat(sql`
		SELECT ${sql.raw(column)} - created_at AS d FROM ideas
		WHERE ${sql.raw(column)} >= ${period.start.getTime()} AND ${sql.raw(column)} < ${period.end.getTime()}
			AND hidden_at IS NULL AND ${inScope(sql`department_id`, scope)}`)
}

/** Ideas submitted in the period, and how many of them anonymously. */
function ideasSubmitted(scope: Scope, period: Period) {
	const row = one<{ n: number; anon: number | null }>(sql`
		SELECT count(*) AS n, sum(anonymous) AS anon FROM ideas INDEXED BY ideas_dashboard_idx
		WHERE created_at >= ${period.start.getTime()} AND created_at < ${period.end.getTime()} AND hidden_at IS NULL
			AND ${inScope(sql`department_id`, scope)}`)
	return { n: row.n, anonymous: row.anon ?? 0 }
}

/** Ideas decided in the period, and how many of them are now implemented. */
function ideasDecided(scope: Scope, period: Period) {
	const row = one<{ n: number; implemented: number | null }>(sql`
		SELECT count(*) AS n, sum(status = ${STATUS.implemented}) AS implemented FROM ideas
		WHERE decided_at >= ${period.start.getTime()} AND decided_at < ${period.end.getTime()} AND hidden_at IS NULL
			AND ${inScope(sql`department_id`, scope)}`)
	return { n: row.n, implemented: row.implemented ?? 0 }
}

/** Everything the headline figures need for one period and scope. */
export function figures(scope: Scope, period: Period): Figures | null {
	if (!largeEnough(scope)) return null
	const start = period.start.getTime()
	const end = period.end.getTime()
	const asOf = period.asOf.getTime()
	const sla = getEnv().SLA_DAYS * DAY
	const ideasIn = inScope(sql`department_id`, scope)
	const created = ideasSubmitted(scope, period)
	const logged = one<{ n: number; anon: number | null } & MomentSums>(sql`
		SELECT count(*) AS n, sum(anonymous) AS anon, ${momentSums()} FROM insights INDEXED BY insights_dashboard_idx
		WHERE created_at >= ${start} AND created_at < ${end} AND hidden_at IS NULL AND ${inScope(sql`department_id`, scope)}`)
	const decisions = ideasDecided(scope, period)
	// Ideas whose SLA ran out in the period (up to now), and those of them with a decision by then.
	const due = one<{ n: number; closed: number | null }>(sql`
		SELECT count(*) AS n, sum(decided_at IS NOT NULL AND decided_at < ${asOf}) AS closed FROM ideas INDEXED BY ideas_dashboard_idx
		WHERE created_at >= ${start - sla} AND created_at < ${asOf - sla} AND hidden_at IS NULL AND ${ideasIn}`)
	const declines = one<{ n: number; reasoned: number | null }>(sql`
		SELECT count(*) AS n, sum(EXISTS (
			SELECT 1 FROM idea_updates u WHERE u.idea_id = ideas.id AND u.to_status = ${STATUS.declined} AND trim(coalesce(u.note, '')) <> ''
		)) AS reasoned FROM ideas
		WHERE status = ${STATUS.declined} AND closed_at >= ${start} AND closed_at < ${end} AND hidden_at IS NULL AND ${ideasIn}`)
	const ages = getDb().all<{ bucket: number; n: number }>(sql`
		SELECT CASE WHEN age <= 7 THEN 0 WHEN age <= 30 THEN 1 WHEN age <= 90 THEN 2 ELSE 3 END AS bucket, count(*) AS n
		FROM (SELECT (${asOf} - created_at) / ${DAY} AS age FROM ideas INDEXED BY ideas_dashboard_idx
			WHERE created_at < ${asOf} AND (closed_at IS NULL OR closed_at >= ${asOf}) AND hidden_at IS NULL AND ${ideasIn})
		GROUP BY bucket`)
	const backlog = AGE_BUCKETS.map((_, i) => ages.find((a) => a.bucket === i)?.n ?? 0)
	return {
		weeks: period.weeks.length,
		people: headcount(scope),
		participants: participants(scope, period),
		ideas: created.n,
		anonymousIdeas: created.anonymous,
		insights: logged.n,
		anonymousInsights: logged.anon ?? 0,
		firstResponse: durationStat('first_action_at', scope, period),
		decision: durationStat('decided_at', scope, period),
		decided: decisions.n,
		implemented: decisions.implemented,
		slaDue: due.n,
		slaClosed: due.closed ?? 0,
		declined: declines.n,
		declinedWithReason: declines.reasoned ?? 0,
		backlog,
		fixesWorked: fixesWorked(scope, period),
		...momentRates(logged),
	}
}

export type WeekPoint = { week: string; participants: number; insights: number; ideas: number; decisions: number }

/** One point per ISO week of the period: the trend charts and their data tables. */
export function weeklySeries(scope: Scope, period: Period): WeekPoint[] | null {
	if (!largeEnough(scope)) return null
	const { bounds, values } = weekBounds(period)
	const ideasIn = inScope(sql`department_id`, scope)
	const counts = getDb().all<{ i: number; insights: number; ideas: number; decisions: number }>(sql`
		WITH w(i, s, e) AS (VALUES ${values})
		SELECT w.i AS i,
			(SELECT count(*) FROM insights WHERE created_at >= w.s AND created_at < w.e AND hidden_at IS NULL AND ${inScope(sql`department_id`, scope)}) AS insights,
			(SELECT count(*) FROM ideas WHERE created_at >= w.s AND created_at < w.e AND hidden_at IS NULL AND ${ideasIn}) AS ideas,
			(SELECT count(*) FROM ideas WHERE decided_at >= w.s AND decided_at < w.e AND hidden_at IS NULL AND ${ideasIn}) AS decisions
		FROM w ORDER BY w.i`)
	const active = getDb().all<{ week: string; n: number }>(sql`
		SELECT week, count(*) AS n FROM activity_weeks
		WHERE week BETWEEN ${period.weeks[0]} AND ${period.weeks.at(-1)} AND user_id IN (${activePeople(scope)})
		GROUP BY week`)
	const byWeek = new Map(active.map((a) => [a.week, a.n]))
	return bounds.map((b, i) => ({
		week: b.week,
		participants: byWeek.get(b.week) ?? 0,
		insights: counts[i]?.insights ?? 0,
		ideas: counts[i]?.ideas ?? 0,
		decisions: counts[i]?.decisions ?? 0,
	}))
}

/**
 * The moments-of-truth heatmap: per (stage, event), the period's insights and their
 * "I see this too", mean emotion, and the ideas addressing the cell (submitted up to the
 * period's end, merged ones left out) with how many were accepted or implemented.
 */
export function heatmap(scope: Scope, period: Period): HeatCell[] | null {
	if (!largeEnough(scope)) return null
	const heat = getDb().all<{ stage: string; event: string; n: number; r: number; e: number } & MomentSums>(sql`
		SELECT stage_id AS stage, coalesce(event_id, ${NO_EVENT}) AS event, count(*) AS n, sum(recurrence_count) AS r, avg(emotion) AS e,
			${momentSums()}
		FROM insights INDEXED BY insights_dashboard_idx
		WHERE created_at >= ${period.start.getTime()} AND created_at < ${period.end.getTime()} AND hidden_at IS NULL
			AND ${inScope(sql`department_id`, scope)}
		GROUP BY stage, event`)
	const response = getDb().all<{ stage: string; event: string; n: number; acted: number; implemented: number }>(sql`
		SELECT s.stage_id AS stage, coalesce(e.event_id, ${NO_EVENT}) AS event, count(*) AS n,
			sum(${statusIn(sql`i.status`, ACTED_STATUSES)}) AS acted, sum(i.status = ${STATUS.implemented}) AS implemented
		FROM ideas i INDEXED BY ideas_dashboard_idx CROSS JOIN idea_stages s ON s.idea_id = i.id LEFT JOIN idea_events e ON e.idea_id = i.id
		WHERE i.created_at < ${period.end.getTime()} AND i.status <> ${STATUS.merged} AND i.hidden_at IS NULL
			AND ${inScope(sql`i.department_id`, scope)}
		GROUP BY stage, event`)
	const cells = new Map<string, HeatCell>()
	const cell = (stageId: string, eventId: string) => {
		const key = `${stageId}|${eventId}`
		let found = cells.get(key)
		if (!found) {
			found = {
				stageId,
				eventId,
				insights: 0,
				recurrences: 0,
				heat: 0,
				emotion: null,
				ideas: 0,
				acted: 0,
				implemented: 0,
				blindSpot: false,
				...momentRates(undefined),
			}
			cells.set(key, found)
		}
		return found
	}
	for (const row of heat)
		Object.assign(cell(row.stage, row.event), {
			insights: row.n,
			recurrences: row.r,
			heat: row.n + row.r,
			emotion: row.e,
			...momentRates(row),
		})
	for (const row of response) Object.assign(cell(row.stage, row.event), { ideas: row.n, acted: row.acted, implemented: row.implemented })
	const list = [...cells.values()]
	const threshold = blindSpotThreshold(list.map((c) => c.heat))
	for (const c of list) c.blindSpot = c.heat >= threshold && c.acted === 0
	return list
}

/** The departments one level below `parentId` (or the top ones), each with its whole subtree. */
export function departmentComparison(parentId: string | null, period: Period): DepartmentFigures[] {
	const rows = listDepartments()
	const totals = rollUpHeadcounts(rows, activeHeadcounts())
	const minimum = getEnv().MIN_GROUP_SIZE
	return childrenOf(rows, parentId).map((d) => {
		const people = totals.get(d.id) ?? 0
		const base = { id: d.id, name: d.name, people }
		if (people < minimum) {
			return {
				...base,
				people: 0,
				tooSmall: true,
				participation: null,
				ideasPer100: null,
				firstResponseMedian: null,
				implementationRate: null,
				recovery: null,
				firstContact: null,
			}
		}
		const scope = { departmentIds: subtreeIds(d.id) }
		const decisions = ideasDecided(scope, period)
		const moments = momentRatesIn(scope, period)
		return {
			...base,
			tooSmall: false,
			participation: ratio(participants(scope, period), people),
			ideasPer100: ideasPer100(ideasSubmitted(scope, period).n, people, period.weeks.length),
			firstResponseMedian: durationStat('first_action_at', scope, period).median,
			implementationRate: ratio(decisions.implemented, decisions.n),
			recovery: moments?.recovery ?? null,
			firstContact: moments?.firstContact ?? null,
		}
	})
}

function childrenOf(rows: DepartmentRow[], parentId: string | null) {
	const children = rows.filter((r) => r.parentId === parentId)
	// A single top department (the company) is not worth a table of one: show its children.
	const only = children.length === 1 && parentId === null ? children[0]! : null
	return only ? rows.filter((r) => r.parentId === only.id) : children
}

/**
 * Whose figures a person may see: leaders and admins the whole organisation or any
 * department; a manager their own department subtree only. Null means not allowed.
 */
export function dashboardScope(
	user: { role: Role; departmentId: string | null },
	requested: string | null,
	can: (permission: Permission) => boolean,
): { scope: Scope; departmentId: string | null; root: string | null } | null {
	if (can('read:dashboard:any')) {
		return { scope: requested ? { departmentIds: subtreeIds(requested) } : EVERYONE, departmentId: requested, root: null }
	}
	if (!user.departmentId) return null
	const own = subtreeIds(user.departmentId)
	if (requested && !own.includes(requested)) return null
	const departmentId = requested ?? user.departmentId
	return {
		scope: { departmentIds: departmentId === user.departmentId ? own : subtreeIds(departmentId) },
		departmentId,
		root: user.departmentId,
	}
}

/** Insights of one critical event per ISO week of the period (with their "I see this too"). */
export function eventSeries(eventId: string, scope: Scope, period: Period) {
	if (!largeEnough(scope)) return null
	const { bounds, values } = weekBounds(period)
	const rows = getDb().all<{ i: number; n: number; r: number | null }>(sql`
		WITH w(i, s, e) AS (VALUES ${values})
		SELECT w.i AS i, count(x.id) AS n, sum(x.recurrence_count) AS r FROM w
		LEFT JOIN insights x ON x.event_id = ${eventId} AND x.created_at >= w.s AND x.created_at < w.e AND x.hidden_at IS NULL
			AND ${inScope(sql`x.department_id`, scope)}
		GROUP BY w.i ORDER BY w.i`)
	return bounds.map((b, i) => ({ week: b.week, insights: rows[i]?.n ?? 0, recurrences: rows[i]?.r ?? 0 }))
}

/**
 * The playbook of one critical event: ideas by status, the insights no idea answers yet,
 * and for each implemented fix its effect on this moment (fixEffects).
 */
export function eventPlaybook(eventId: string, scope: Scope, now = new Date()) {
	if (!largeEnough(scope)) return null
	const ideasIn = inScope(sql`i.department_id`, scope)
	const byStatus = getDb().all<{ status: string; n: number }>(sql`
		SELECT i.status AS status, count(*) AS n FROM ideas i JOIN idea_events e ON e.idea_id = i.id AND e.event_id = ${eventId}
		WHERE i.hidden_at IS NULL AND ${ideasIn} GROUP BY i.status`)
	const unanswered = getDb().all<{ id: string }>(sql`
		SELECT x.id AS id FROM insights x
		WHERE x.event_id = ${eventId} AND x.hidden_at IS NULL AND ${inScope(sql`x.department_id`, scope)}
			AND NOT EXISTS (SELECT 1 FROM idea_insights l WHERE l.insight_id = x.id)
		ORDER BY x.created_at DESC LIMIT 10`)
	const unansweredCount = one<{ n: number }>(sql`
		SELECT count(*) AS n FROM insights x
		WHERE x.event_id = ${eventId} AND x.hidden_at IS NULL AND ${inScope(sql`x.department_id`, scope)}
			AND NOT EXISTS (SELECT 1 FROM idea_insights l WHERE l.insight_id = x.id)`).n
	const fixes = getDb().all<{ id: string; title: string; closed: number }>(sql`
		SELECT i.id AS id, i.title AS title, i.closed_at AS closed FROM ideas i JOIN idea_events e ON e.idea_id = i.id AND e.event_id = ${eventId}
		WHERE i.status = ${STATUS.implemented} AND i.closed_at IS NOT NULL AND i.hidden_at IS NULL AND ${ideasIn}
		ORDER BY i.closed_at DESC LIMIT 20`)
	const effects = fixEffects(
		fixes.map((f) => ({ id: f.id, closedAt: f.closed, eventIds: [eventId] })),
		scope,
		now,
	)
	return {
		byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Record<string, number>,
		unansweredIds: unanswered.map((r) => r.id),
		unansweredCount,
		fixes: fixes.map((fix) => ({ id: fix.id, title: fix.title, closedAt: new Date(fix.closed), figures: effects.get(fix.id) ?? null })),
	}
}

const heatCache = createTtlCache(4)
const momentsCache = createTtlCache()
const playbookCache = createTtlCache(100)

type EventPeriods = { trend: Period; current: Period; previous: Period; quarters: Period[] }

/**
 * Everything the playbook shows of an event in a scope: ideas by status, unanswered insights and
 * fixes (eventPlaybook), the weekly trend, recovery in the period against the one before, and
 * quarter by quarter. Reused for DASHBOARD_CACHE_SECONDS as the dashboard's figures are (about
 * a second of work at reference scale, the same for every reader); null below the minimum group.
 */
export function eventFigures(eventId: string, scope: Scope, periods: EventPeriods, now = new Date()) {
	const span = (p: Period) => `${p.start.getTime()}-${p.end.getTime()}`
	const key = [eventId, scope.departmentIds?.join() ?? '*', span(periods.trend), span(periods.current), span(periods.previous)].join('|')
	return playbookCache.get(
		key,
		getEnv().DASHBOARD_CACHE_SECONDS * 1000,
		() => {
			const playbook = eventPlaybook(eventId, scope, now)
			const series = eventSeries(eventId, scope, periods.trend)
			if (!playbook || !series) return null
			const ratesIn = (p: Period) => momentRatesIn(scope, p, { eventId })!
			return {
				...playbook,
				series,
				moments: { current: ratesIn(periods.current), previous: ratesIn(periods.previous) },
				quarters: periods.quarters.map((p) => ({ ...displayRange(p), ...ratesIn(p) })),
			}
		},
		now.getTime(),
	)
}

/**
 * "My moments": for each event an owner answers for, this quarter across the company: its
 * heat (insights plus "I see this too") and whether a cell of it is a blind spot, how its
 * moments ended against the quarter before, its open ideas and the insights no idea answers.
 */
export function ownedMoments(eventIds: string[], now = new Date()) {
	const period = periodOf(isoWeek(now, getEnv().TIME_ZONE), QUARTER_WEEKS, now)
	const previous = previousPeriod(period, now)
	const range = displayRange(period)
	if (!eventIds.length) return { range, rows: [], computedAt: now }
	// Aggregates over months, like the dashboard's: reused for DASHBOARD_CACHE_SECONDS (the page
	// says when they were computed). The company heatmap is the same for every owner.
	const ttl = getEnv().DASHBOARD_CACHE_SECONDS * 1000
	const { value, computedAt } = momentsCache.get(`${period.weeks[0]}|${[...eventIds].sort().join()}`, ttl, () => {
		const cells = heatCache.get(period.weeks.join(), ttl, () => heatmap(EVERYONE, period)).value ?? []
		return ownedFigures(eventIds, cells, period, previous)
	})
	return { range, rows: value, computedAt: new Date(computedAt) }
}

/** The events with a blind spot in this quarter's company heatmap (the cached one My moments reads). */
export function companyBlindSpots(now = new Date()) {
	const period = periodOf(isoWeek(now, getEnv().TIME_ZONE), QUARTER_WEEKS, now)
	const ttl = getEnv().DASHBOARD_CACHE_SECONDS * 1000
	const cells = heatCache.get(period.weeks.join(), ttl, () => heatmap(EVERYONE, period)).value ?? []
	return new Set(cells.filter((c) => c.blindSpot && c.eventId !== NO_EVENT).map((c) => c.eventId))
}

function ownedFigures(eventIds: string[], cells: HeatCell[], period: Period, previous: Period) {
	const counts = (rows: Array<{ event: string; n: number }>) => new Map(rows.map((r) => [r.event, r.n]))
	const open = counts(
		getDb().all(sql`
			SELECT e.event_id AS event, count(*) AS n FROM ideas i JOIN idea_events e ON e.idea_id = i.id
			WHERE e.event_id IN (${sqlList(eventIds)}) AND i.hidden_at IS NULL AND ${statusIn(sql`i.status`, OPEN_STATUSES)}
			GROUP BY e.event_id`),
	)
	const unanswered = counts(
		getDb().all(sql`
			SELECT x.event_id AS event, count(*) AS n FROM insights x
			WHERE x.event_id IN (${sqlList(eventIds)}) AND x.hidden_at IS NULL
				AND NOT EXISTS (SELECT 1 FROM idea_insights l WHERE l.insight_id = x.id)
			GROUP BY x.event_id`),
	)
	const ratesIn = (p: Period, eventId: string) => momentRatesIn(EVERYONE, p, { eventId })
	return eventIds.map((eventId) => {
		const mine = cells.filter((c) => c.eventId === eventId)
		const current = ratesIn(period, eventId)
		const before = ratesIn(previous, eventId)
		return {
			eventId,
			heat: mine.reduce((sum, c) => sum + c.heat, 0),
			insights: mine.reduce((sum, c) => sum + c.insights, 0),
			blindSpot: mine.some((c) => c.blindSpot),
			// None in an organisation smaller than the minimum group.
			moments: current && before ? { current, previous: before } : null,
			openIdeas: open.get(eventId) ?? 0,
			unanswered: unanswered.get(eventId) ?? 0,
		}
	})
}

/**
 * A manager's own response times: ideas whose first response in the period was theirs
 * (their timeline entry is the one that set the first response).
 */
export function ownResponseTimes(userId: string, period: Period): DurationStat {
	const set = sql`
		SELECT i.first_action_at - i.created_at AS d FROM ideas i
		WHERE i.first_action_at >= ${period.start.getTime()} AND i.first_action_at < ${period.end.getTime()} AND i.hidden_at IS NULL
			AND EXISTS (SELECT 1 FROM idea_updates u WHERE u.idea_id = i.id AND u.actor_id = ${userId} AND u.created_at = i.first_action_at)`
	return stat(set)
}

/** The manager's view: their team's participation this quarter and their own response times. */
export function teamView(user: { id: string; departmentId: string | null }, now = new Date()) {
	const period = periodOf(isoWeek(now, getEnv().TIME_ZONE), QUARTER_WEEKS, now)
	const previous = previousPeriod(period, now)
	const own = { current: ownResponseTimes(user.id, period), previous: ownResponseTimes(user.id, previous) }
	const scope = { departmentIds: user.departmentId ? subtreeIds(user.departmentId) : [] }
	const people = headcount(scope)
	const range = displayRange(period)
	if (people < getEnv().MIN_GROUP_SIZE) return { range, people, participation: null, moments: null, own }
	const ratesIn = (p: Period) => momentRatesIn(scope, p)!
	return {
		range,
		people,
		participation: { current: ratio(participants(scope, period), people), previous: ratio(participants(scope, previous), people) },
		moments: { current: ratesIn(period), previous: ratesIn(previous) },
		own,
	}
}
