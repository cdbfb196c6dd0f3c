import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import { markActive } from '#app/models/activity.server.ts'
import { takesWrites } from '#app/models/idea.server.ts'
import { COMMENT_EDIT_WINDOW_MS, mentionedHandles } from '#app/models/idea.ts'
import { notify } from '#app/models/notification.server.ts'
import { beforeCursor, decodeTimeCursor, encodeTimeCursor } from '#app/utils/cursor.server.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { comments, follows, ideas, reports, users } from '#db/schema.ts'

const handleOf = sql<string>`lower(substr(${users.email}, 1, instr(${users.email}, '@') - 1))`

/** Active colleagues whose e-mail local part matches one of the handles. */
export function usersByHandle(handles: string[]) {
	if (!handles.length) return []
	return getDb()
		.select({ id: users.id, name: users.name, handle: handleOf })
		.from(users)
		.where(and(inArray(handleOf, handles), isNull(users.deactivatedAt)))
		.all()
}

/**
 * Adds a comment and, in the same transaction: the idea's comment count, an automatic
 * follow, the activity mark, a "mention" notification for each colleague named, and a
 * "comment" notification for every other follower. Null, and nothing stored or sent, for an
 * idea that does not exist or is hidden.
 */
export function addComment(ideaId: string, authorId: string, body: string, now = new Date()) {
	const mentioned = usersByHandle(mentionedHandles(body)).filter((u) => u.id !== authorId)
	return writeTransaction((tx) => {
		if (!takesWrites(tx, ideaId)) return null
		const comment = tx.insert(comments).values({ ideaId, authorId, body, createdAt: now }).returning({ id: comments.id }).get()
		tx.update(ideas)
			.set({ commentCount: sql`${ideas.commentCount} + 1` })
			.where(eq(ideas.id, ideaId))
			.run()
		tx.insert(follows).values({ ideaId, userId: authorId, createdAt: now }).onConflictDoNothing().run()
		markActive(tx, authorId, now)
		const mentionedIds = new Set(mentioned.map((u) => u.id))
		const followers = tx
			.select({ userId: follows.userId })
			.from(follows)
			.innerJoin(users, eq(users.id, follows.userId))
			.where(and(eq(follows.ideaId, ideaId), eq(follows.active, true), ne(follows.userId, authorId), isNull(users.deactivatedAt)))
			.all()
			.filter((f) => !mentionedIds.has(f.userId))
		const base = { ideaId, commentId: comment.id, actorId: authorId }
		notify(
			tx,
			[
				...mentioned.map((u) => ({ ...base, userId: u.id, kind: 'mention' as const })),
				...followers.map((f) => ({ ...base, userId: f.userId, kind: 'comment' as const })),
			],
			now,
		)
		return { id: comment.id, mentioned: mentioned.length, notified: followers.length }
	})
}

/** How many comments an idea page shows at once: the latest, with a link to earlier ones. */
export const COMMENTS_PAGE_SIZE = 50

/**
 * A page of an idea's visible comments in reading order: the latest `limit`, or the
 * `limit` just before the `before` cursor. `earlier` is the cursor for the page before.
 */
export function listComments(ideaId: string, { before, limit = COMMENTS_PAGE_SIZE }: { before?: string | null; limit?: number } = {}) {
	const after = decodeTimeCursor(before)
	const rows = getDb()
		.select({
			id: comments.id,
			body: comments.body,
			createdAt: comments.createdAt,
			editedAt: comments.editedAt,
			authorId: comments.authorId,
			authorName: users.name,
		})
		.from(comments)
		.innerJoin(users, eq(users.id, comments.authorId))
		.where(
			and(eq(comments.ideaId, ideaId), isNull(comments.hiddenAt), after ? beforeCursor(comments.createdAt, comments.id, after) : undefined),
		)
		.orderBy(desc(comments.createdAt), desc(comments.id))
		.limit(limit + 1)
		.all()
	const page = rows.slice(0, limit).reverse()
	const first = page[0]
	return { rows: page, earlier: rows.length > limit && first ? encodeTimeCursor(first.createdAt, first.id) : null }
}

export function withinEditWindow(createdAt: Date, now = new Date()) {
	return now.getTime() - createdAt.getTime() <= COMMENT_EDIT_WINDOW_MS
}

/**
 * The author's own comment, still in its edit window and not hidden: a hidden comment is the
 * moderator's to restore, so an edit there would publish text no moderator saw on restore.
 */
function ownEditable(commentId: string, authorId: string, now: Date) {
	const row = getDb()
		.select({ ideaId: comments.ideaId, createdAt: comments.createdAt })
		.from(comments)
		.where(and(eq(comments.id, commentId), eq(comments.authorId, authorId), isNull(comments.hiddenAt)))
		.get()
	return row && withinEditWindow(row.createdAt, now) ? row : null
}

export function editComment(commentId: string, authorId: string, body: string, now = new Date()) {
	if (!ownEditable(commentId, authorId, now)) return false
	return (
		getDb()
			.update(comments)
			.set({ body, editedAt: now })
			.where(and(eq(comments.id, commentId), isNull(comments.hiddenAt)))
			.run().changes > 0
	)
}

export function deleteComment(commentId: string, authorId: string, now = new Date()) {
	const row = ownEditable(commentId, authorId, now)
	if (!row) return false
	return writeTransaction((tx) => {
		// Only a visible comment is counted in comment_count: only that one is taken off it.
		const changed = tx
			.delete(comments)
			.where(and(eq(comments.id, commentId), isNull(comments.hiddenAt)))
			.run().changes
		if (changed) {
			tx.update(ideas)
				.set({ commentCount: sql`${ideas.commentCount} - 1` })
				.where(eq(ideas.id, row.ideaId))
				.run()
			// Reports of something that no longer exists go with it.
			tx.delete(reports)
				.where(and(eq(reports.kind, 'comment'), eq(reports.targetId, commentId)))
				.run()
		}
		return changed > 0
	})
}

/** Known handles among those a set of comments mentions, to render them as mentions. */
export function knownHandles(bodies: string[]) {
	return new Set(usersByHandle([...new Set(bodies.flatMap(mentionedHandles))]).map((u) => u.handle))
}

export const MENTION_SUGGESTIONS = 8

/** Active colleagues whose handle or name starts with what was typed after "@", for the mention list. */
export function findMentionable(typed: string, limit = MENTION_SUGGESTIONS) {
	const q = typed
		.trim()
		.toLowerCase()
		.replace(/[%_\\]/g, '')
	if (!q) return []
	return getDb()
		.select({ handle: handleOf, name: users.name })
		.from(users)
		.where(
			and(
				isNull(users.deactivatedAt),
				or(sql`${handleOf} LIKE ${`${q}%`}`, sql`lower(${users.name}) LIKE ${`${q}%`}`, sql`lower(${users.name}) LIKE ${`% ${q}%`}`),
			),
		)
		.orderBy(users.name)
		.limit(limit)
		.all()
}
