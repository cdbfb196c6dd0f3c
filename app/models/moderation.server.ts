import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { audit } from '#app/models/audit.server.ts'
import { subtreeIds } from '#app/models/department.server.ts'
import {
	type ContentKind,
	type ModerationInput,
	type ModerationIntent,
	type OpenReports,
	type ReportOutcome,
} from '#app/models/moderation.ts'
import { notify } from '#app/models/notification.server.ts'
import { ideaInScope } from '#app/models/triage.server.ts'
import { type Actor } from '#app/models/user.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { getDb, writeTransaction, type Tx } from '#db/index.ts'
import { comments, ideas, insights, reports } from '#db/schema.ts'

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
function inScope(kind: ContentKind, found: NonNullable<ReturnType<typeof target>>, actor: Actor) {
	if (hasPermission(actor.role, 'update:moderation:any')) return true
	if (kind === 'insight') {
		const departmentId = 'departmentId' in found ? found.departmentId : null
		return Boolean(departmentId && actor.departmentId && subtreeIds(actor.departmentId).includes(departmentId))
	}
	return Boolean(found.ideaId && ideaInScope(found.ideaId, actor))
}

/**
 * The one rule of who moderates: hiding needs moderation rights and the item in one's scope;
 * restoring is for those who moderate everything (an admin), so a manager cannot undo a hide.
 */
export function mayModerate(intent: ModerationIntent, kind: ContentKind, id: string, actor: Actor) {
	const permitted =
		intent === 'hide' ? hasPermission(actor.role, 'update:moderation:scope') : hasPermission(actor.role, 'update:moderation:any')
	if (!permitted) return false
	const found = target(kind, id)
	return Boolean(found && inScope(kind, found, actor))
}

/** Hidden content is seen only by those who could hide or restore it; everyone else finds nothing there. */
export function canView(kind: ContentKind, id: string, hiddenAt: Date | null, actor: Actor) {
	return !hiddenAt || mayModerate('hide', kind, id, actor) || mayModerate('restore', kind, id, actor)
}

/** What a hide or restore came to: done, refused (not the actor's to moderate) or nothing to change. */
export type ModerationOutcome = 'done' | 'forbidden' | 'unchanged'

/** Hides or restores, checking the actor's rights first. */
export function moderate(input: ModerationInput, actor: Actor, now = new Date()): ModerationOutcome {
	if (!mayModerate(input.intent, input.kind, input.targetId, actor)) return 'forbidden'
	const done =
		input.intent === 'hide' ? hide(input.kind, input.targetId, actor, input.reason, now) : restore(input.kind, input.targetId, actor, now)
	return done ? 'done' : 'unchanged'
}

const tables = { idea: ideas, insight: insights, comment: comments } as const

/** Hides content with a reason: it leaves every list and count; its named author is told why. */
export function hide(kind: ContentKind, id: string, actor: Actor, reason: string, now = new Date()) {
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
		// Whoever reported it hears that it was acted on.
		resolveReports(tx, kind, id, 'hidden', reason, found.ideaId, now)
		return true
	})
}

export function restore(kind: ContentKind, id: string, actor: Actor, now = new Date()) {
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

export type ReportResult = 'done' | 'already' | 'not-found' | 'own'

/** Reports an item to the moderators. Unknown, hidden and one's own named items cannot be reported. */
export function reportContent(kind: ContentKind, targetId: string, reporterId: string, reason: string, now = new Date()): ReportResult {
	const found = target(kind, targetId)
	if (!found || found.hiddenAt) return 'not-found'
	if (found.authorId === reporterId) return 'own'
	const inserted = getDb()
		.insert(reports)
		.values({ kind, targetId, reporterId, reason, createdAt: now })
		.onConflictDoNothing()
		.run().changes
	return inserted ? 'done' : 'already'
}

/** Closes the open reports of an item and tells each reporter what became of it, in the caller's transaction. */
function resolveReports(
	tx: Tx,
	kind: ContentKind,
	id: string,
	outcome: ReportOutcome,
	note: string | null,
	ideaId: string | null,
	now: Date,
) {
	const open = tx
		.select({ reporterId: reports.reporterId })
		.from(reports)
		.where(and(eq(reports.kind, kind), eq(reports.targetId, id), isNull(reports.resolvedAt)))
		.all()
	if (!open.length) return 0
	tx.update(reports)
		.set({ resolvedAt: now, outcome })
		.where(and(eq(reports.kind, kind), eq(reports.targetId, id), isNull(reports.resolvedAt)))
		.run()
	notify(
		tx,
		open.map((r) => ({
			userId: r.reporterId,
			kind: outcome === 'hidden' ? ('report-hidden' as const) : ('report-kept' as const),
			ideaId: outcome === 'hidden' ? null : ideaId,
			note,
		})),
		now,
	)
	return open.length
}

/** A moderator keeps a reported item: its reports close as "kept", and the reporters are told (with the note, if any). */
export function dismissReports(kind: ContentKind, id: string, actor: Actor, note: string | null, now = new Date()) {
	if (!mayModerate('hide', kind, id, actor)) return 'forbidden' as const
	const found = target(kind, id)
	return writeTransaction((tx) => {
		const closed = resolveReports(tx, kind, id, 'kept', note, found?.ideaId ?? null, now)
		if (closed) audit(tx, actor.id, 'content.keep', { type: kind, id }, { note }, now)
		return closed ? ('done' as const) : ('unchanged' as const)
	})
}

/** Items with open reports, most reported first: what, how many, why, and since when. */
export function listReports() {
	const db = getDb()
	const open = db
		.select({
			kind: reports.kind,
			targetId: reports.targetId,
			count: sql<number>`count(*)`,
			reasons: sql<string>`json_group_array(${reports.reason})`,
			since: sql<number>`min(${reports.createdAt})`,
		})
		.from(reports)
		.where(isNull(reports.resolvedAt))
		.groupBy(reports.kind, reports.targetId)
		.orderBy(sql`count(*) DESC`, sql`min(${reports.createdAt})`)
		.limit(200)
		.all()
	const text = (kind: ContentKind, id: string) => {
		if (kind === 'idea') return db.select({ text: ideas.title, ideaId: ideas.id }).from(ideas).where(eq(ideas.id, id)).get()
		if (kind === 'comment')
			return db.select({ text: comments.body, ideaId: comments.ideaId }).from(comments).where(eq(comments.id, id)).get()
		return db
			.select({ text: insights.body, ideaId: sql<string | null>`NULL` })
			.from(insights)
			.where(eq(insights.id, id))
			.get()
	}
	return open.flatMap((r) => {
		const item = text(r.kind, r.targetId)
		if (!item) return []
		return [{ ...r, text: item.text, ideaId: item.ideaId, reasons: JSON.parse(r.reasons) as string[], since: new Date(r.since) }]
	})
}

/** The open reports of some items of one kind (how many, and why), for the moderators reading them; items without any are absent. */
export function openReports(kind: ContentKind, ids: readonly string[]): Map<string, OpenReports> {
	if (!ids.length) return new Map()
	const rows = getDb()
		.select({ targetId: reports.targetId, count: sql<number>`count(*)`, reasons: sql<string>`json_group_array(${reports.reason})` })
		.from(reports)
		.where(and(eq(reports.kind, kind), inArray(reports.targetId, [...ids]), isNull(reports.resolvedAt)))
		.groupBy(reports.targetId)
		.all()
	return new Map(rows.map((r) => [r.targetId, { count: r.count, reasons: [...new Set(JSON.parse(r.reasons) as string[])] }]))
}
