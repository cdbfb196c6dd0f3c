import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { type Locale, type TranslatedNames } from '#app/locales/index.ts'
import { type IdeaStatus } from '#app/models/idea.ts'
import { NOTIFICATIONS_PAGE_SIZE, type NotificationKind } from '#app/models/notification.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { pageWindow } from '#app/utils/misc.ts'
import { getDb, type Tx } from '#db/index.ts'
import { comments, criticalEvents, ideas, notifications, users } from '#db/schema.ts'

/** The idea a merged one was merged into, for "merged into …". */
export const kept = alias(ideas, 'kept')

type NewNotification = {
	userId: string
	kind: NotificationKind
	ideaId: string | null
	commentId?: string | null
	eventId?: string | null
	insightId?: string | null
	actorId?: string | null
	/** The why: a public reason or update text, a moderator's reason. */
	note?: string | null
	toStatus?: IdeaStatus | null
}

export function notify(tx: Tx, rows: NewNotification[], now: Date) {
	for (const row of rows)
		tx.insert(notifications)
			.values({ ...row, createdAt: now })
			.run()
}

export function unreadCount(userId: string) {
	return (
		getDb()
			.select({ n: count() })
			.from(notifications)
			.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
			.get()?.n ?? 0
	)
}

/**
 * Notifications with what they say: the idea (and what it was merged into), the comment, who
 * acted, the moment of a prompt. The notifications page and the e-mail read them the same way.
 */
export function notificationsWithFacts(where: SQL | undefined) {
	return getDb()
		.select({
			id: notifications.id,
			kind: notifications.kind,
			readAt: notifications.readAt,
			createdAt: notifications.createdAt,
			ideaId: notifications.ideaId,
			ideaTitle: ideas.title,
			ideaStatus: ideas.status,
			commentId: notifications.commentId,
			commentBody: comments.body,
			actorName: users.name,
			note: notifications.note,
			toStatus: notifications.toStatus,
			keptTitle: kept.title,
			eventId: notifications.eventId,
			insightId: notifications.insightId,
			eventName: criticalEvents.name,
			eventNames: criticalEvents.names,
		})
		.from(notifications)
		.leftJoin(ideas, eq(ideas.id, notifications.ideaId))
		.leftJoin(kept, eq(kept.id, ideas.mergedIntoId))
		.leftJoin(comments, eq(comments.id, notifications.commentId))
		.leftJoin(users, eq(users.id, notifications.actorId))
		.leftJoin(criticalEvents, eq(criticalEvents.id, notifications.eventId))
		.where(where)
}

/** The rows with their moment named in the reader's language. */
export function namingEvents<R extends { eventName: string | null; eventNames: TranslatedNames | null }>(rows: R[], locale: Locale) {
	return rows.map(({ eventNames, ...r }) => ({
		...r,
		eventName: eventNames && r.eventName ? localizedName({ name: r.eventName, names: eventNames }, locale) : null,
	}))
}

/** A person's notifications, newest first, a page at a time; a playbook prompt names its moment in `locale`. */
export function listNotifications(userId: string, locale: Locale, page = 1) {
	const where = eq(notifications.userId, userId)
	const total = getDb().select({ n: count() }).from(notifications).where(where).get()?.n ?? 0
	const { pages, page: current, offset } = pageWindow(total, page, NOTIFICATIONS_PAGE_SIZE)
	const rows = notificationsWithFacts(where)
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(NOTIFICATIONS_PAGE_SIZE)
		.offset(offset)
		.all()
	return { rows: namingEvents(rows, locale), total, page: current, pages }
}

/** Marks the given notifications (or all of them) read; only the owner's rows change. */
export function markRead(userId: string, ids: string[] | 'all', now = new Date()) {
	const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt))
	const where = ids === 'all' ? mine : and(mine, inArray(notifications.id, ids.length ? ids : ['']))
	return getDb().update(notifications).set({ readAt: now }).where(where).run().changes
}

/** Opening an idea reads its notifications. */
export function markIdeaRead(userId: string, ideaId: string, now = new Date()) {
	getDb()
		.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.userId, userId), eq(notifications.ideaId, ideaId), isNull(notifications.readAt)))
		.run()
}
