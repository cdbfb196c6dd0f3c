import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, notExists, or, sql } from 'drizzle-orm'
import { type TranslatedNames } from '#app/locales/index.ts'
import { audit } from '#app/models/audit.server.ts'
import { background, EMERGING, emergingGroups, type Background } from '#app/models/emerging.ts'
import { referenceChanged, referenceVersion } from '#app/models/reference-data.server.ts'
import { insertEntry } from '#app/models/taxonomy.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { startOfDay } from '#app/utils/time.ts'
import { getDb, writeTransaction, type Tx } from '#db/index.ts'
import { emergingDismissals, insights } from '#db/schema.ts'

// Emerging moments (decision 060): the untagged insights of the last four weeks, grouped by what
// they share against every other insight, offered to admins as candidate moments of truth.

const DAY = 86_400_000
/** The newest untagged insights looked at, and the newest others they are compared with. */
const FOREGROUND_LIMIT = 5_000
const BACKGROUND_LIMIT = 20_000
// The server's quarter-hour loop computes them again before an admin needs them.
const MAX_AGE_MS = 20 * 60_000
const BACKGROUND_MAX_AGE_MS = 6 * 3_600_000

export type EmergingMoment = {
	key: string
	label: string
	count: number
	/** Their "I see this too", summed. */
	recurrences: number
	days: number
	firstAt: Date
	lastAt: Date
	/** The stage most of its insights were logged at. */
	stageId: string
	/** All its insights, the newest first. */
	ids: string[]
}

let cache: { moments: EmergingMoment[]; version: number; at: number; day: number } | null = null
let backgroundCache: { background: Background; version: number; at: number } | null = null

/**
 * Every other insight, the newest BACKGROUND_LIMIT: the tagged ones and the untagged ones from
 * before the window. The slow part (about 0.7 s at reference scale), so read again only every
 * BACKGROUND_MAX_AGE_MS or after a change to the taxonomy: a few hours' insights more or less
 * do not move word frequencies over twenty thousand.
 */
function backgroundAt(start: number, now: number) {
	if (!backgroundCache || backgroundCache.version !== referenceVersion() || now - backgroundCache.at > BACKGROUND_MAX_AGE_MS) {
		const others = getDb()
			.select({ text: insights.body })
			.from(insights)
			.where(and(isNull(insights.hiddenAt), or(isNotNull(insights.eventId), lt(insights.createdAt, new Date(start)))))
			.orderBy(desc(insights.createdAt))
			.limit(BACKGROUND_LIMIT)
			.all()
		backgroundCache = { background: background(others.map((o) => o.text)), version: referenceVersion(), at: now }
	}
	return backgroundCache.background
}

/** Forgets the groups: after an admin acts on one, and (`everything`) in tests. */
export function resetEmergingMoments({ everything = false } = {}) {
	cache = null
	if (everything) backgroundCache = null
}

function compute(now: number): EmergingMoment[] {
	const db = getDb()
	const start = now - EMERGING.windowDays * DAY
	const notDismissed = notExists(
		db
			.select({ one: sql`1` })
			.from(emergingDismissals)
			.where(eq(emergingDismissals.insightId, insights.id)),
	)
	const recent = db
		.select({
			id: insights.id,
			text: insights.body,
			createdAt: insights.createdAt,
			stageId: insights.stageId,
			recurrences: insights.recurrenceCount,
		})
		.from(insights)
		.where(and(isNull(insights.eventId), isNull(insights.hiddenAt), gte(insights.createdAt, new Date(start)), notDismissed))
		.orderBy(desc(insights.createdAt))
		.limit(FOREGROUND_LIMIT)
		.all()
	if (recent.length < EMERGING.minInsights) return []
	const timeZone = getEnv().TIME_ZONE
	const docs = recent.map((r) => ({ id: r.id, text: r.text, day: startOfDay(r.createdAt, timeZone).getTime() }))
	const byId = new Map(recent.map((r) => [r.id, r]))
	return emergingGroups(docs, backgroundAt(start, now)).map((group) => {
		const rows = group.ids.map((id) => byId.get(id)!)
		const stages = new Map<string, number>()
		for (const row of rows) stages.set(row.stageId, (stages.get(row.stageId) ?? 0) + 1)
		return {
			key: group.key,
			label: group.label,
			count: rows.length,
			recurrences: rows.reduce((sum, r) => sum + r.recurrences, 0),
			days: group.days,
			// Newest first, as read.
			firstAt: rows[rows.length - 1]!.createdAt,
			lastAt: rows[0]!.createdAt,
			stageId: [...stages].sort((a, b) => b[1] - a[1])[0]![0],
			ids: group.ids,
		}
	})
}

/**
 * The candidate moments now: computed again when twenty minutes old, on a new day, after a change
 * to the taxonomy, and after an admin adopted or dismissed one.
 */
export function emergingMoments(now = Date.now()): EmergingMoment[] {
	const day = Math.floor(now / DAY)
	if (!cache || cache.version !== referenceVersion() || now - cache.at > MAX_AGE_MS || cache.day !== day)
		cache = { moments: compute(now), version: referenceVersion(), at: now, day }
	return cache.moments
}

/** The chosen insights still untagged and shown: what an admin's action may touch. */
function stillUntagged(tx: Tx, ids: string[]) {
	if (!ids.length) return []
	return tx
		.select({ id: insights.id })
		.from(insights)
		.where(and(inArray(insights.id, ids), isNull(insights.eventId), isNull(insights.hiddenAt)))
		.all()
		.map((r) => r.id)
}

export type AdoptInput = { name: string; names: TranslatedNames; stageId: string; insightIds: string[] }

/**
 * Makes a candidate a moment of truth: creates the critical event in the chosen stage and tags
 * the chosen insights that are still untagged with it, in one transaction, audit-logged. Null
 * when none of them is still untagged (another admin was quicker): nothing is written then.
 */
export function adoptEmergingMoment(input: AdoptInput, actorId: string) {
	const result = writeTransaction((tx) => {
		const ids = stillUntagged(tx, input.insightIds)
		if (!ids.length) return null
		const event = insertEntry(tx, 'events', { name: input.name, names: input.names, defaultStageId: input.stageId }, actorId)
		for (let i = 0; i < ids.length; i += 500)
			tx.update(insights)
				.set({ eventId: event.id })
				.where(and(inArray(insights.id, ids.slice(i, i + 500)), isNull(insights.eventId)))
				.run()
		audit(tx, actorId, 'emerging.adopt', { type: 'event', id: event.id }, { name: input.name, insights: ids.length })
		return { eventId: event.id, tagged: ids.length }
	})
	if (result) {
		referenceChanged()
		resetEmergingMoments()
	}
	return result
}

/** Sets a candidate aside: its chosen insights are not offered again; audit-logged with the group's words. */
export function dismissEmergingMoment(label: string, insightIds: string[], actorId: string) {
	const dismissed = writeTransaction((tx) => {
		const ids = stillUntagged(tx, insightIds)
		if (!ids.length) return 0
		for (let i = 0; i < ids.length; i += 500)
			tx.insert(emergingDismissals)
				.values(ids.slice(i, i + 500).map((insightId) => ({ insightId })))
				.onConflictDoNothing()
				.run()
		// The log points at the newest of them.
		audit(tx, actorId, 'emerging.dismiss', { type: 'insight', id: ids[0]! }, { name: label, insights: ids.length })
		return ids.length
	})
	resetEmergingMoments()
	return dismissed
}
