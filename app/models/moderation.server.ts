import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { hasPermission } from '#app/utils/permissions.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { comments, ideas, insights } from '#db/schema.ts'
import { audit } from './audit.server.ts'
import { subtreeIds } from './department.server.ts'
import { notify } from './notification.server.ts'
import { ideaInScope } from './triage.server.ts'

export const CONTENT_KINDS = ['idea', 'insight', 'comment'] as const
export type ContentKind = (typeof CONTENT_KINDS)[number]
type Actor = Pick<SessionUser, 'id' | 'role' | 'departmentId'>

function target(kind: ContentKind, id: string) {
	const db = getDb()
	if (kind === 'idea') {
		const row = db.select({ authorId: ideas.authorId, hiddenAt: ideas.hiddenAt }).from(ideas).where(eq(ideas.id, id)).get()
		return row ? { ...row, ideaId: id, commentId: null } : null
	}
	if (kind === 'comment') {
		const row = db
			.select({ authorId: comments.authorId, hiddenAt: comments.hiddenAt, ideaId: comments.ideaId })
			.from(comments)
			.where(eq(comments.id, id))
			.get()
		return row ? { ...row, commentId: id } : null
	}
	const row = db
		.select({ authorId: insights.authorId, hiddenAt: insights.hiddenAt, departmentId: insights.departmentId })
		.from(insights)
		.where(eq(insights.id, id))
		.get()
	return row ? { ...row, ideaId: null, commentId: null } : null
}

/** Managers moderate what is in their scope (an insight by its department, a comment by its idea); admins everything. */
export function canModerate(kind: ContentKind, id: string, actor: Actor) {
	const found = target(kind, id)
	if (!found) return false
	if (hasPermission(actor.role, 'update:moderation:any')) return true
	if (kind === 'insight') {
		const departmentId = 'departmentId' in found ? found.departmentId : null
		return Boolean(departmentId && actor.departmentId && subtreeIds(actor.departmentId).includes(departmentId))
	}
	return Boolean(found.ideaId && ideaInScope(found.ideaId, actor))
}

const tables = { idea: ideas, insight: insights, comment: comments } as const

/** Hides content with a reason: it leaves every list and count; its named author is told why. */
export function hideContent(kind: ContentKind, id: string, actor: Actor, reason: string, now = new Date()) {
	const found = target(kind, id)
	if (!found || found.hiddenAt) return false
	return writeTransaction((tx) => {
		const table = tables[kind]
		// Only a change of state moves the count: hiding twice takes one comment off once.
		if (
			!tx
				.update(table)
				.set({ hiddenAt: now, hiddenReason: reason })
				.where(and(eq(table.id, id), isNull(table.hiddenAt)))
				.run().changes
		)
			return false
		if (kind === 'comment' && found.ideaId) {
			tx.update(ideas)
				.set({ commentCount: sql`${ideas.commentCount} - 1` })
				.where(eq(ideas.id, found.ideaId))
				.run()
		}
		if (found.authorId && found.authorId !== actor.id) {
			notify(
				tx,
				[{ userId: found.authorId, kind: 'hidden', ideaId: found.ideaId, commentId: found.commentId, actorId: null, note: reason }],
				now,
			)
		}
		audit(tx, actor.id, 'content.hide', { type: kind, id }, { reason }, now)
		return true
	})
}

export function restoreContent(kind: ContentKind, id: string, actor: Actor, now = new Date()) {
	const found = target(kind, id)
	if (!found?.hiddenAt) return false
	return writeTransaction((tx) => {
		const table = tables[kind]
		if (
			!tx
				.update(table)
				.set({ hiddenAt: null, hiddenReason: null })
				.where(and(eq(table.id, id), isNotNull(table.hiddenAt)))
				.run().changes
		)
			return false
		if (kind === 'comment' && found.ideaId) {
			tx.update(ideas)
				.set({ commentCount: sql`${ideas.commentCount} + 1` })
				.where(eq(ideas.id, found.ideaId))
				.run()
		}
		audit(tx, actor.id, 'content.restore', { type: kind, id }, {}, now)
		return true
	})
}

/** What admins can restore, newest first. */
export function listHidden() {
	const db = getDb()
	const rows = [
		...db
			.select({ id: ideas.id, text: ideas.title, reason: ideas.hiddenReason, hiddenAt: ideas.hiddenAt })
			.from(ideas)
			.where(isNotNull(ideas.hiddenAt))
			.all()
			.map((r) => ({ ...r, kind: 'idea' as const })),
		...db
			.select({ id: insights.id, text: insights.body, reason: insights.hiddenReason, hiddenAt: insights.hiddenAt })
			.from(insights)
			.where(isNotNull(insights.hiddenAt))
			.all()
			.map((r) => ({ ...r, kind: 'insight' as const })),
		...db
			.select({ id: comments.id, text: comments.body, reason: comments.hiddenReason, hiddenAt: comments.hiddenAt })
			.from(comments)
			.where(isNotNull(comments.hiddenAt))
			.all()
			.map((r) => ({ ...r, kind: 'comment' as const })),
	]
	return rows.sort((a, b) => Number(b.hiddenAt) - Number(a.hiddenAt))
}
