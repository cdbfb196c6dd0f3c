import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import { EVERYONE, inScope, largeEnough, type Scope } from '#app/models/dashboard.server.ts'
import { emergingMoments } from '#app/models/emerging.server.ts'
import { EMERGING } from '#app/models/emerging.ts'
import { relapsedFixes } from '#app/models/fix-effect.server.ts'
import { notify } from '#app/models/notification.server.ts'
import { ownersToTell } from '#app/models/playbook.server.ts'
import { checkSpike, nextSpikeState, SPIKE, type SpikeCheck } from '#app/models/spikes.ts'
import { createTtlCache } from '#app/utils/cache.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { hasPermission, ROLES } from '#app/utils/permissions.ts'
import { startOfDay } from '#app/utils/time.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { criticalEvents, ideas, notifications, users } from '#db/schema.ts'

// Spike alerts (decision 057) and relapsed fixes (decision 058): what the signal run looks at,
// on the server's schedule and by `npm run signals:run`.

const WEEK = 7 * 86_400_000
const WINDOWS = SPIKE.baselineWeeks + 2

export type Spike = SpikeCheck & { eventId: string; stageId: string | null; from: Date; to: Date }

/** The checks' windows end at the start of today (TIME_ZONE): every run of a day sees the same weeks, as the bench measures. */
export function spikeWindowEnd(now = new Date()) {
	return startOfDay(now, getEnv().TIME_ZONE)
}

/**
 * The moments (and stage × moment cells) spiking in a scope: 7-day windows of insights plus
 * their "I see this too", read in one query over the last 14 weeks, each tested by checkSpike.
 * Null below the minimum group size.
 */
function computeSpikes(scope: Scope, end: Date): Spike[] {
	const to = end.getTime()
	// Bound numbers are REAL in SQLite: the window index is cast back to an integer.
	const rows = getDb().all<{ event: string; stage: string; w: number; n: number }>(sql`
		SELECT event_id AS event, stage_id AS stage, CAST((${to} - 1 - created_at) / ${WEEK} AS INTEGER) AS w, count(*) + sum(recurrence_count) AS n
		FROM insights INDEXED BY insights_dashboard_idx
		WHERE created_at >= ${to - WINDOWS * WEEK} AND created_at < ${to} AND hidden_at IS NULL AND event_id IS NOT NULL
			AND ${inScope(sql`department_id`, scope)}
		GROUP BY event, stage, w`)
	const series = new Map<string, number[]>()
	const add = (key: string, w: number, n: number) => {
		let weeks = series.get(key)
		if (!weeks) series.set(key, (weeks = Array<number>(WINDOWS).fill(0)))
		weeks[WINDOWS - 1 - w]! += n
	}
	for (const row of rows) {
		add(`${row.event}|`, row.w, row.n)
		add(`${row.event}|${row.stage}`, row.w, row.n)
	}
	const spikes: Spike[] = []
	for (const [key, weeks] of series) {
		const check = checkSpike(weeks)
		if (!check.spike) continue
		const [eventId, stageId] = key.split('|') as [string, string]
		spikes.push({ ...check, eventId, stageId: stageId || null, from: new Date(to - check.weeks * WEEK), to: end })
	}
	return spikes.sort((a, b) => (b.increase ?? Infinity) - (a.increase ?? Infinity))
}

const spikeCache = createTtlCache(50)

/** The spikes in a scope as of today's windows, reused for DASHBOARD_CACHE_SECONDS; null below the minimum group size. */
export function spikesIn(scope: Scope, now = new Date()): Spike[] | null {
	if (!largeEnough(scope)) return null
	const end = spikeWindowEnd(now)
	const key = `${end.getTime()}|${scope.departmentIds?.join() ?? '*'}`
	return spikeCache.get(key, getEnv().DASHBOARD_CACHE_SECONDS * 1000, () => computeSpikes(scope, end), now.getTime()).value
}

/** Who hears of a spike besides the moment's owners: whoever reads the whole company's dashboard. */
const companyReaders = ROLES.filter((role) => hasPermission(role, 'read:dashboard:any'))
/** Who may make an emerging moment a moment of truth, and so hears of one. */
const taxonomyAdmins = ROLES.filter((role) => hasPermission(role, 'create:taxonomy:any'))
const DAY = 86_400_000

/**
 * Announces each moment that started a spike episode across the company to its owners and the
 * company's dashboard readers (in the app, and by e-mail as they chose), once an episode and not
 * again within the cool-down; tells the owners of a fix's moments when it slid back, once; and
 * tells the admins of a new emerging moment, once in its four weeks.
 * One transaction: a run cut short changes nothing, and running twice tells nobody twice.
 */
export function runSignals(now = new Date()) {
	const spiking = new Map((spikesIn(EVERYONE, now) ?? []).filter((s) => !s.stageId).map((s) => [s.eventId, s]))
	const relapses = relapsedFixes(now)
	const emerging = emergingMoments(now.getTime())
	return writeTransaction((tx) => {
		const events = tx
			.select({
				id: criticalEvents.id,
				userId: criticalEvents.ownerUserId,
				departmentId: criticalEvents.ownerDepartmentId,
				since: criticalEvents.spikeSince,
				endedAt: criticalEvents.spikeEndedAt,
			})
			.from(criticalEvents)
			.where(isNull(criticalEvents.retiredAt))
			.all()
		const readers = tx
			.select({ id: users.id })
			.from(users)
			.where(and(inArray(users.role, companyReaders), isNull(users.deactivatedAt)))
			.all()
			.map((r) => r.id)
		let spikes = 0
		let told = 0
		for (const event of events) {
			const spike = spiking.get(event.id)
			const step = nextSpikeState(
				{ since: event.since?.getTime() ?? null, endedAt: event.endedAt?.getTime() ?? null },
				Boolean(spike),
				now.getTime(),
			)
			if (step.state.since !== (event.since?.getTime() ?? null) || step.state.endedAt !== (event.endedAt?.getTime() ?? null))
				tx.update(criticalEvents)
					.set({
						spikeSince: step.state.since === null ? null : new Date(step.state.since),
						spikeEndedAt: step.state.endedAt === null ? null : new Date(step.state.endedAt),
					})
					.where(eq(criticalEvents.id, event.id))
					.run()
			if (!step.announce || !spike) continue
			const recipients = [...new Set([...ownersToTell(tx, event), ...readers])]
			const note = JSON.stringify({ recent: spike.recent, expected: Math.round(spike.expected * 10) / 10, weeks: spike.weeks })
			notify(
				tx,
				recipients.map((userId) => ({ userId, kind: 'spike' as const, ideaId: null, eventId: event.id, note })),
				now,
			)
			spikes++
			told += recipients.length
		}
		let relapsed = 0
		for (const fix of relapses) {
			const owners = new Map<string, string>()
			for (const event of events.filter((e) => fix.eventIds.includes(e.id)))
				for (const userId of ownersToTell(tx, event)) if (!owners.has(userId)) owners.set(userId, event.id)
			const note = JSON.stringify({ before: fix.before, days: fix.days, recent: fix.recent })
			notify(
				tx,
				[...owners].map(([userId, eventId]) => ({ userId, kind: 'relapse' as const, ideaId: fix.id, eventId, note })),
				now,
			)
			tx.update(ideas).set({ relapseToldAt: now }).where(eq(ideas.id, fix.id)).run()
			relapsed++
			told += owners.size
		}
		// Emerging moments (decision 060): the admins hear of a group once in its window.
		const windowStart = new Date(now.getTime() - EMERGING.windowDays * DAY)
		const toldOf = new Set(
			tx
				.select({ note: notifications.note })
				.from(notifications)
				.where(and(eq(notifications.kind, 'emerging'), gte(notifications.createdAt, windowStart)))
				.all()
				.map((n) => (JSON.parse(n.note ?? '{}') as { key?: string }).key),
		)
		const admins = tx
			.select({ id: users.id })
			.from(users)
			.where(and(inArray(users.role, taxonomyAdmins), isNull(users.deactivatedAt)))
			.all()
			.map((r) => r.id)
		let emerged = 0
		for (const moment of emerging.filter((m) => !toldOf.has(m.key))) {
			const note = JSON.stringify({ key: moment.key, label: moment.label, count: moment.count, weeks: EMERGING.windowDays / 7 })
			notify(
				tx,
				admins.map((userId) => ({ userId, kind: 'emerging' as const, ideaId: null, note })),
				now,
			)
			emerged++
			told += admins.length
		}
		return { spikes, relapsed, emerged, told }
	})
}
