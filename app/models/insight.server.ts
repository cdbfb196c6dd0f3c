import crypto from 'node:crypto'
import { and, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm'
import { markActive } from '#app/models/activity.server.ts'
import { anonymousTime, insertUnordered } from '#app/models/anonymity.server.ts'
import { NO_EVENT } from '#app/models/dashboard.ts'
import { anonymousGroup, subtreeIds } from '#app/models/department.server.ts'
import { INSIGHTS_PAGE_SIZE, PERIOD_DAYS, type Period } from '#app/models/insight.ts'
import { createReceipt } from '#app/models/receipt.server.ts'
import { search } from '#app/models/search.server.ts'
import { beforeCursor, decodeTimeCursor, encodeTimeCursor } from '#app/utils/cursor.server.ts'
import { emptyWal, getDb, writeTransaction } from '#db/index.ts'
import {
	channels,
	criticalEvents,
	departments,
	ideaInsights,
	ideas,
	insightRecurrences,
	insights,
	journeyStages,
	reports,
	users,
} from '#db/schema.ts'

type Author = { id: string; departmentId: string | null }
export type NewInsight = {
	body: string
	channelId: string
	stageId: string
	eventId: string | null
	emotion: number
	/** How the moment ended, when the author knows: each may stay unsaid (null). */
	endEmotion?: number | null
	resolvedFirstContact?: boolean | null
	waitMinutes?: number | null
	occurredAt: Date
	anonymous: boolean
}

/**
 * Saves an insight. An anonymous one gets no author, its author's department coarsened, its
 * day as its only time, an unordered rowid and no activity mark; its author gets a receipt code.
 */
export function createInsight(author: Author, input: NewInsight, now = new Date()) {
	if (input.anonymous) {
		const id = crypto.randomUUID()
		const at = anonymousTime(now)
		const created = writeTransaction((tx) => {
			const occurredAt = anonymousTime(input.occurredAt)
			insertUnordered(tx, insights, {
				...input,
				id,
				occurredAt,
				authorId: null,
				departmentId: anonymousGroup(author.departmentId),
				createdAt: at,
			})
			return { id, receipt: createReceipt(tx, { insightId: id }) }
		})
		emptyWal()
		return created
	}
	return writeTransaction((tx) => {
		const row = tx
			.insert(insights)
			.values({ ...input, authorId: author.id, departmentId: author.departmentId, createdAt: now })
			.returning({ id: insights.id })
			.get()
		markActive(tx, author.id, now)
		return { id: row.id, receipt: null }
	})
}

const cardColumns = {
	id: insights.id,
	body: insights.body,
	emotion: insights.emotion,
	endEmotion: insights.endEmotion,
	resolvedFirstContact: insights.resolvedFirstContact,
	waitMinutes: insights.waitMinutes,
	occurredAt: insights.occurredAt,
	createdAt: insights.createdAt,
	anonymous: insights.anonymous,
	recurrenceCount: insights.recurrenceCount,
	thanksCount: insights.thanksCount,
	hiddenAt: insights.hiddenAt,
	hiddenReason: insights.hiddenReason,
	authorName: users.name,
	channel: { name: channels.name, names: channels.names },
	stage: { id: journeyStages.id, name: journeyStages.name, names: journeyStages.names },
	event: { id: criticalEvents.id, name: criticalEvents.name, names: criticalEvents.names },
	departmentName: departments.name,
}

function cardQuery() {
	return getDb()
		.select(cardColumns)
		.from(insights)
		.innerJoin(channels, eq(channels.id, insights.channelId))
		.innerJoin(journeyStages, eq(journeyStages.id, insights.stageId))
		.leftJoin(criticalEvents, eq(criticalEvents.id, insights.eventId))
		.leftJoin(users, eq(users.id, insights.authorId))
		.leftJoin(departments, eq(departments.id, insights.departmentId))
}

export type InsightFilters = {
	stageId?: string
	eventId?: string
	channelId?: string
	departmentId?: string
	period?: Period
	/** A fixed window, e.g. a dashboard period: created at or after `from`, before `to`. */
	createdFrom?: Date
	createdBefore?: Date
	mine?: boolean
}

function filterConditions(filters: InsightFilters, viewerId: string, now: Date): SQL[] {
	const conditions: SQL[] = [isNull(insights.hiddenAt)]
	if (filters.stageId) conditions.push(eq(insights.stageId, filters.stageId))
	if (filters.eventId) conditions.push(filters.eventId === NO_EVENT ? isNull(insights.eventId) : eq(insights.eventId, filters.eventId))
	if (filters.channelId) conditions.push(eq(insights.channelId, filters.channelId))
	if (filters.departmentId) conditions.push(inArray(insights.departmentId, subtreeIds(filters.departmentId)))
	if (filters.period) {
		conditions.push(gte(insights.createdAt, new Date(now.getTime() - PERIOD_DAYS[filters.period] * 86_400_000)))
	}
	if (filters.createdFrom) conditions.push(gte(insights.createdAt, filters.createdFrom))
	if (filters.createdBefore) conditions.push(lt(insights.createdAt, filters.createdBefore))
	if (filters.mine) conditions.push(eq(insights.authorId, viewerId))
	return conditions
}

export function listInsights(filters: InsightFilters, viewerId: string, cursor?: string | null, now = new Date()) {
	const conditions = filterConditions(filters, viewerId, now)
	const after = decodeTimeCursor(cursor)
	if (after) conditions.push(beforeCursor(insights.createdAt, insights.id, after))
	const rows = cardQuery()
		.where(and(...conditions))
		.orderBy(desc(insights.createdAt), desc(insights.id))
		.limit(INSIGHTS_PAGE_SIZE + 1)
		.all()
	const page = rows.slice(0, INSIGHTS_PAGE_SIZE)
	const last = page.at(-1)
	// The viewer's own state per card, for "I see this too" on the list: two small lookups by id.
	const ids = page.map((r) => r.id)
	const seen = new Set(
		ids.length
			? getDb()
					.select({ id: insightRecurrences.insightId })
					.from(insightRecurrences)
					.where(and(eq(insightRecurrences.userId, viewerId), inArray(insightRecurrences.insightId, ids)))
					.all()
					.map((r) => r.id)
			: [],
	)
	const mine = new Set(namedInsightIdsOf(viewerId, ids))
	return {
		rows: page.map((r) => ({ ...r, seenByMe: seen.has(r.id), isMine: mine.has(r.id) })),
		nextCursor: rows.length > INSIGHTS_PAGE_SIZE && last ? encodeTimeCursor(last.createdAt, last.id) : null,
	}
}

/** Insights to link as evidence: full-text search, best match first. */
export function searchInsights(query: string, limit = 10) {
	const ids = search(query, { kind: 'insight' })
		.rows.slice(0, limit)
		.map((r) => r.id)
	return insightsInOrder(ids)
}

/** The insights with these ids as cards, in the order of `ids` (a ranking), hidden ones left out. */
export function insightsInOrder(ids: string[]) {
	const rank = new Map(ids.map((id, i) => [id, i]))
	return insightsByIds(ids).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
}

export function insightsByIds(ids: string[]) {
	if (!ids.length) return []
	return cardQuery()
		.where(and(inArray(insights.id, ids), isNull(insights.hiddenAt)))
		.orderBy(desc(insights.createdAt))
		.all()
}

export function existingInsightIds(ids: string[]) {
	if (!ids.length) return []
	return getDb()
		.select({ id: insights.id })
		.from(insights)
		.where(inArray(insights.id, ids))
		.all()
		.map((r) => r.id)
}

/** Which of these insights the person logged under their own name. */
export function namedInsightIdsOf(userId: string, ids: string[]) {
	if (!ids.length) return []
	return getDb()
		.select({ id: insights.id })
		.from(insights)
		.where(and(eq(insights.authorId, userId), inArray(insights.id, ids)))
		.all()
		.map((r) => r.id)
}

export function getInsight(id: string, viewerId: string) {
	const row = cardQuery().where(eq(insights.id, id)).get()
	if (!row) return null
	const db = getDb()
	const extra = db
		.select({
			isMine: sql<number>`${insights.authorId} = ${viewerId}`,
			seenByMe: sql<number>`EXISTS (SELECT 1 FROM ${insightRecurrences} r WHERE r.insight_id = ${insights}.id AND r.user_id = ${viewerId})`,
		})
		.from(insights)
		.where(eq(insights.id, id))
		.get()!
	const backedIdeas = db
		.select({ id: ideas.id, title: ideas.title, status: ideas.status, voteCount: ideas.voteCount })
		.from(ideaInsights)
		.innerJoin(ideas, eq(ideas.id, ideaInsights.ideaId))
		.where(and(eq(ideaInsights.insightId, id), isNull(ideas.hiddenAt)))
		.orderBy(desc(ideas.createdAt))
		.all()
	return { ...row, isMine: Boolean(extra.isMine), seenByMe: Boolean(extra.seenByMe), backedIdeas }
}

/**
 * "I see this too": once per person; the count moves in the same transaction as the row.
 * Null when the person wrote the insight (nobody confirms their own); else whether anything changed.
 */
/**
 * "I see this too", or its withdrawal: true when something changed. 'own' for the author's own
 * insight, 'not-found' for one that does not exist or is hidden; nothing is stored for either.
 */
export function setRecurrence(insightId: string, userId: string, seen: boolean, now = new Date()) {
	return writeTransaction((tx) => {
		const insight = tx
			.select({ authorId: insights.authorId })
			.from(insights)
			.where(and(eq(insights.id, insightId), isNull(insights.hiddenAt)))
			.get()
		if (!insight) return 'not-found' as const
		if (insight.authorId === userId) return 'own' as const
		const changes = seen
			? tx.insert(insightRecurrences).values({ insightId, userId, createdAt: now }).onConflictDoNothing().run().changes
			: tx
					.delete(insightRecurrences)
					.where(and(eq(insightRecurrences.insightId, insightId), eq(insightRecurrences.userId, userId)))
					.run().changes
		if (changes > 0) {
			tx.update(insights)
				.set({ recurrenceCount: sql`${insights.recurrenceCount} + ${seen ? 1 : -1}` })
				.where(eq(insights.id, insightId))
				.run()
			if (seen) markActive(tx, userId, now)
		}
		return changes > 0
	})
}

export function insightExists(id: string) {
	return Boolean(getDb().select({ id: insights.id }).from(insights).where(eq(insights.id, id)).get())
}

/** The channel this person used last, to pre-fill the next insight. */
export function lastChannelOf(userId: string) {
	return (
		getDb()
			.select({ channelId: insights.channelId })
			.from(insights)
			.where(and(eq(insights.authorId, userId)))
			.orderBy(desc(insights.createdAt))
			.limit(1)
			.get()?.channelId ?? null
	)
}

/** How long the author may correct an insight, unless an idea cites it first. */
export const INSIGHT_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000

/**
 * What the author may still do with their insight: edit it within 24 hours while no idea
 * cites it, delete it while no idea cites it. Anonymous insights have no author on record,
 * hidden ones belong to the moderators: neither can be changed.
 */
export function authorRights(id: string, userId: string, now = new Date()) {
	const db = getDb()
	const row = db
		.select({ createdAt: insights.createdAt, hiddenAt: insights.hiddenAt })
		.from(insights)
		.where(and(eq(insights.id, id), eq(insights.authorId, userId)))
		.get()
	if (!row || row.hiddenAt) return { canEdit: false, canDelete: false, editableUntil: null, cited: false }
	const cited = Boolean(db.select({ id: ideaInsights.ideaId }).from(ideaInsights).where(eq(ideaInsights.insightId, id)).limit(1).get())
	const editableUntil = new Date(row.createdAt.getTime() + INSIGHT_EDIT_WINDOW_MS)
	return { canEdit: !cited && now < editableUntil, canDelete: !cited, editableUntil, cited }
}

/** The author's correction; false when the rights above no longer allow it (checked in the write's transaction). */
export function updateInsight(id: string, userId: string, input: Omit<NewInsight, 'anonymous'>, now = new Date()) {
	return writeTransaction((tx) => {
		if (!authorRights(id, userId, now).canEdit) return false
		return tx.update(insights).set(input).where(eq(insights.id, id)).run().changes > 0
	})
}

/**
 * The author says how the moment ended, at any time after logging it (the customer may call
 * back tomorrow). Only for their own, named insight: an anonymous one has no author to ask.
 * Nothing records when: the row is changed in place.
 */
export function setMomentEnd(id: string, userId: string, end: { endEmotion: number; resolvedFirstContact?: boolean | null }) {
	return writeTransaction(
		(tx) =>
			tx
				.update(insights)
				.set({
					endEmotion: end.endEmotion,
					...(end.resolvedFirstContact !== undefined ? { resolvedFirstContact: end.resolvedFirstContact } : {}),
				})
				.where(and(eq(insights.id, id), eq(insights.authorId, userId), isNull(insights.hiddenAt)))
				.run().changes > 0,
	)
}

/** Deletes the author's insight and its "I see this too" marks, while no idea cites it. */
export function deleteInsight(id: string, userId: string, now = new Date()) {
	return writeTransaction((tx) => {
		if (!authorRights(id, userId, now).canDelete) return false
		// Reports of it go with it.
		tx.delete(reports)
			.where(and(eq(reports.kind, 'insight'), eq(reports.targetId, id)))
			.run()
		return tx.delete(insights).where(eq(insights.id, id)).run().changes > 0
	})
}

/** The stored values of an insight, for its author's correction form. */
export function insightValues(id: string) {
	return getDb()
		.select({
			body: insights.body,
			channelId: insights.channelId,
			stageId: insights.stageId,
			eventId: insights.eventId,
			emotion: insights.emotion,
			endEmotion: insights.endEmotion,
			resolvedFirstContact: insights.resolvedFirstContact,
			waitMinutes: insights.waitMinutes,
			occurredAt: insights.occurredAt,
		})
		.from(insights)
		.where(eq(insights.id, id))
		.get()
}
