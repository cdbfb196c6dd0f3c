import { and, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { notify } from '#app/models/notification.server.ts'
import { NOTES_SHOWN, STORIES_SHOWN } from '#app/models/thanks.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { criticalEvents, insights, insightThanks, users } from '#db/schema.ts'

export type ThanksResult = 'saved' | 'changed' | 'own' | 'not-found'

/**
 * Marks an insight "handled well" with a note, or changes one's note; the count on the row moves
 * in the same transaction, and a named author is thanked by notification (an anonymous one
 * has no row to find: they see it through their receipt). Nobody thanks their own insight.
 */
export function thank(insightId: string, userId: string, note: string, now = new Date()): ThanksResult {
	return writeTransaction((tx) => {
		const insight = tx
			.select({ authorId: insights.authorId })
			.from(insights)
			.where(and(eq(insights.id, insightId), isNull(insights.hiddenAt)))
			.get()
		if (!insight) return 'not-found'
		if (insight.authorId === userId) return 'own'
		const mine = and(eq(insightThanks.insightId, insightId), eq(insightThanks.userId, userId))
		if (tx.select({ note: insightThanks.note }).from(insightThanks).where(mine).get()) {
			tx.update(insightThanks).set({ note }).where(mine).run()
			return 'changed'
		}
		tx.insert(insightThanks).values({ insightId, userId, note, createdAt: now }).run()
		tx.update(insights)
			.set({ thanksCount: sql`${insights.thanksCount} + 1` })
			.where(eq(insights.id, insightId))
			.run()
		if (insight.authorId) notify(tx, [{ userId: insight.authorId, kind: 'thanks', ideaId: null, insightId, actorId: userId, note }], now)
		return 'saved'
	})
}

/** Takes one's thanks back; true when there was one. */
export function withdrawThanks(insightId: string, userId: string) {
	return writeTransaction((tx) => {
		const removed = tx
			.delete(insightThanks)
			.where(and(eq(insightThanks.insightId, insightId), eq(insightThanks.userId, userId)))
			.run().changes
		if (removed)
			tx.update(insights)
				.set({ thanksCount: sql`${insights.thanksCount} - 1` })
				.where(eq(insights.id, insightId))
				.run()
		return removed > 0
	})
}

/** Who thanked for these insights and what they said, newest first, at most `limit` each. */
export function thanksNotes(insightIds: string[], limit = 50) {
	if (!insightIds.length) return new Map<string, Array<{ userId: string; name: string; note: string; createdAt: Date }>>()
	const rows = getDb()
		.select({
			insightId: insightThanks.insightId,
			userId: insightThanks.userId,
			name: users.name,
			note: insightThanks.note,
			createdAt: insightThanks.createdAt,
		})
		.from(insightThanks)
		.innerJoin(users, eq(users.id, insightThanks.userId))
		.where(inArray(insightThanks.insightId, insightIds))
		.orderBy(desc(insightThanks.createdAt))
		.all()
	const byInsight = new Map<string, typeof rows>()
	for (const row of rows) {
		const list = byInsight.get(row.insightId) ?? []
		if (list.length < limit) list.push(row)
		byInsight.set(row.insightId, list)
	}
	return byInsight
}

/**
 * The moments of an event someone thanked: the playbook's case histories, most thanked first,
 * the newest first among equals.
 */
export function handledWellStories(eventId: string, limit = STORIES_SHOWN) {
	const ids = getDb()
		.select({ id: insights.id })
		.from(insights)
		.where(and(eq(insights.eventId, eventId), gt(insights.thanksCount, 0), isNull(insights.hiddenAt)))
		.orderBy(desc(insights.thanksCount), desc(insights.createdAt))
		.limit(limit)
		.all()
		.map((r) => r.id)
	return { ids, notes: thanksNotes(ids, NOTES_SHOWN) }
}

/** Thanks a person received for their named insights, newest first: "My activity". */
export function thanksReceived(userId: string, limit = 50) {
	return getDb()
		.select({
			insightId: insights.id,
			body: insights.body,
			name: users.name,
			note: insightThanks.note,
			createdAt: insightThanks.createdAt,
		})
		.from(insightThanks)
		.innerJoin(insights, eq(insights.id, insightThanks.insightId))
		.innerJoin(users, eq(users.id, insightThanks.userId))
		.where(and(eq(insights.authorId, userId), isNull(insights.hiddenAt)))
		.orderBy(desc(insightThanks.createdAt))
		.limit(limit)
		.all()
}

/**
 * Who in these departments handled which moments well since `from`: named insights someone
 * thanked, newest first ("My team"). Anonymous insights name nobody, so they are not here.
 */
export function teamStories(departmentIds: string[] | null, from: Date, limit = 20) {
	return getDb()
		.select({
			insightId: insights.id,
			body: insights.body,
			authorName: users.name,
			event: { name: criticalEvents.name, names: criticalEvents.names },
			thanksCount: insights.thanksCount,
			createdAt: insights.createdAt,
		})
		.from(insights)
		.innerJoin(users, eq(users.id, insights.authorId))
		.leftJoin(criticalEvents, eq(criticalEvents.id, insights.eventId))
		.where(
			and(
				gt(insights.thanksCount, 0),
				isNull(insights.hiddenAt),
				isNotNull(insights.authorId),
				sql`${insights.createdAt} >= ${from.getTime()}`,
				departmentIds ? inArray(insights.departmentId, departmentIds.length ? departmentIds : ['']) : undefined,
			),
		)
		.orderBy(desc(insights.createdAt))
		.limit(limit)
		.all()
}
