import { sql } from 'drizzle-orm'
import {
	EVERYONE,
	inScope,
	largeEnough,
	momentSums,
	rateOf,
	type MomentSums,
	type Period,
	type Scope,
} from '#app/models/dashboard.server.ts'
import { type Rate } from '#app/models/dashboard.ts'
import { FIX_WINDOW, judgeFix, RELAPSE, relapsed, type DaySums, type RateRatio } from '#app/models/fix-effect.ts'
import { STATUS } from '#app/models/idea.ts'
import { sqlList } from '#app/models/sql.server.ts'
import { getDb } from '#db/index.ts'

// "Did the fix work" (issue 19, part 2; decision 058): the insights (plus "I see this too") on an
// implemented idea's moments in equal windows before and after the day it was implemented, read
// as day sums per moment in one query for any number of fixes, then summed in JavaScript.

const DAY = 86_400_000
const dayOf = (instant: Date | number) => Math.floor(new Date(instant).getTime() / DAY)

export type Fix = { id: string; closedAt: Date | number; eventIds: string[] }

export type FixFigures = {
	/** The length of each window, in days. */
	days: number
	before: number
	after: number
	effect: RateRatio
	/** How the moments ended in each window: the recovery rate before and after. */
	recovery: { before: Rate; after: Rate }
}

/** Day sums of the moments `eventIds` over [fromDay, toDay) in a scope, as a summing function over any day range and subset. */
function daySums(eventIds: string[], scope: Scope, fromDay: number, toDay: number) {
	const rows = eventIds.length
		? getDb().all<{ event: string; day: number; n: number } & MomentSums>(sql`
			SELECT event_id AS event, CAST(created_at / ${DAY} AS INTEGER) AS day, count(*) + sum(recurrence_count) AS n, ${momentSums()}
			FROM insights INDEXED BY insights_event_id_idx
			WHERE event_id IN (${sqlList(eventIds)}) AND created_at >= ${fromDay * DAY} AND created_at < ${toDay * DAY}
				AND hidden_at IS NULL AND ${inScope(sql`department_id`, scope)}
			GROUP BY event, day`)
		: []
	// Prefix sums per moment: any range is two look-ups.
	const length = Math.max(0, toDay - fromDay)
	const prefix = new Map<string, { n: Float64Array; peaked: Float64Array; recovered: Float64Array }>()
	for (const id of eventIds) {
		prefix.set(id, { n: new Float64Array(length + 1), peaked: new Float64Array(length + 1), recovered: new Float64Array(length + 1) })
	}
	for (const row of rows) {
		const p = prefix.get(row.event)!
		const i = row.day - fromDay + 1
		p.n[i]! += row.n
		p.peaked[i]! += row.peaked ?? 0
		p.recovered[i]! += row.recovered ?? 0
	}
	for (const p of prefix.values())
		for (let i = 1; i <= length; i++) {
			p.n[i]! += p.n[i - 1]!
			p.peaked[i]! += p.peaked[i - 1]!
			p.recovered[i]! += p.recovered[i - 1]!
		}
	const at = (i: number) => Math.min(length, Math.max(0, i - fromDay))
	return (ids: string[]) =>
		(from: number, to: number): DaySums => {
			const out = { n: 0, peaked: 0, recovered: 0 }
			for (const id of ids) {
				const p = prefix.get(id)
				if (!p) continue
				out.n += p.n[at(to)]! - p.n[at(from)]!
				out.peaked += p.peaked[at(to)]! - p.peaked[at(from)]!
				out.recovered += p.recovered[at(to)]! - p.recovered[at(from)]!
			}
			return out
		}
}

/**
 * The effect of each fix on its moments in a scope, judged as of `now`: null for a fix too
 * recent to tell (or one on no moment), and for every fix below the minimum group size.
 */
export function fixEffects(fixes: Fix[], scope: Scope, now = new Date()): Map<string, FixFigures | null> {
	const out = new Map<string, FixFigures | null>()
	if (!fixes.length || !largeEnough(scope)) return out
	const today = dayOf(now)
	const fixDays = fixes.map((f) => dayOf(f.closedAt))
	const from = Math.min(...fixDays) - FIX_WINDOW.maxDays
	const to = Math.min(today, Math.max(...fixDays) + FIX_WINDOW.maxDays)
	const sums = daySums([...new Set(fixes.flatMap((f) => f.eventIds))], scope, from, to)
	fixes.forEach((fix, i) => {
		const judged = fix.eventIds.length ? judgeFix(sums(fix.eventIds), fixDays[i]!, today) : null
		out.set(
			fix.id,
			judged && {
				days: judged.days,
				before: judged.before.n,
				after: judged.after.n,
				effect: judged.effect,
				recovery: {
					before: rateOf(judged.before.recovered, judged.before.peaked),
					after: rateOf(judged.after.recovered, judged.after.peaked),
				},
			},
		)
	})
	return out
}

/** Implemented ideas with their moments, for the fixes given by a condition on `i` (ideas). */
function implementedFixes(where: ReturnType<typeof sql>, limit = 5000): Fix[] {
	const rows = getDb().all<{ id: string; closed: number; events: string | null }>(sql`
		SELECT i.id AS id, i.closed_at AS closed, (SELECT group_concat(e.event_id) FROM idea_events e WHERE e.idea_id = i.id) AS events
		FROM ideas i
		WHERE i.status = ${STATUS.implemented} AND i.closed_at IS NOT NULL AND i.hidden_at IS NULL AND ${where}
		ORDER BY i.closed_at DESC LIMIT ${limit}`)
	return rows.map((r) => ({ id: r.id, closedAt: r.closed, eventIds: r.events ? r.events.split(',') : [] }))
}

/**
 * Implemented ideas' effects across the company (an idea's page, "You said, we did"): for each
 * one on a moment of truth, when it was implemented and its figures (null while too early).
 */
export function ideaFixEffects(ideaIds: string[], now = new Date()) {
	const out = new Map<string, { closedAt: Date; figures: FixFigures | null }>()
	if (!ideaIds.length) return out
	const fixes = implementedFixes(sql`i.id IN (${sqlList(ideaIds)})`).filter((f) => f.eventIds.length)
	const effects = fixEffects(fixes, EVERYONE, now)
	for (const fix of fixes) out.set(fix.id, { closedAt: new Date(fix.closedAt), figures: effects.get(fix.id) ?? null })
	return out
}

/**
 * The dashboard's "fixes that worked": of the ideas in scope implemented in the 12 months up to
 * the period's end, judged as of then, how many have a verdict and how many of those worked.
 */
export function fixesWorked(scope: Scope, period: Pick<Period, 'asOf'>): Rate {
	const asOf = period.asOf.getTime()
	const fixes = implementedFixes(
		sql`i.closed_at >= ${asOf - 365 * DAY} AND i.closed_at < ${asOf - FIX_WINDOW.minDays * DAY} AND ${inScope(sql`i.department_id`, scope)}`,
	)
	const effects = [...fixEffects(fixes, scope, period.asOf).values()].filter((f) => f && f.effect.ratio !== null)
	return { whole: effects.length, part: effects.filter((f) => f!.effect.verdict === 'working').length }
}

/**
 * Fixes that worked and have slid back: implemented in the last year, past their window, whose
 * moments' last 4 weeks run at the rate of before the fix. The caller tells each owner once.
 */
export function relapsedFixes(now = new Date()) {
	const today = dayOf(now)
	const fixes = implementedFixes(
		sql`i.relapse_told_at IS NULL AND i.closed_at >= ${now.getTime() - 365 * DAY} AND i.closed_at < ${now.getTime() - (FIX_WINDOW.maxDays + RELAPSE.days) * DAY}`,
	).filter((f) => f.eventIds.length)
	if (!fixes.length) return []
	const sums = daySums(
		[...new Set(fixes.flatMap((f) => f.eventIds))],
		EVERYONE,
		Math.min(...fixes.map((f) => dayOf(f.closedAt))) - FIX_WINDOW.maxDays,
		today,
	)
	return fixes.flatMap((fix) => {
		const back = relapsed(sums(fix.eventIds), dayOf(fix.closedAt), today)
		return back ? [{ ...fix, ...back }] : []
	})
}
