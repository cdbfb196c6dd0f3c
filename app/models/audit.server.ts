import { count, desc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { AUDIT_PAGE_SIZE, type AuditAction } from '#app/models/audit.ts'
import { pageWindow } from '#app/utils/misc.ts'
import { getDb, type Tx } from '#db/index.ts'
import { auditLog, ideas, users } from '#db/schema.ts'

type Target = { type: 'idea' | 'insight' | 'comment' | 'user'; id: string }

/** One audit entry, written in the caller's transaction so it exists exactly when the change does. */
export function audit(tx: Tx, actorId: string, action: AuditAction, target: Target, detail: Record<string, unknown>, now: Date) {
	tx.insert(auditLog)
		.values({ actorId, action, targetType: target.type, targetId: target.id, detail: JSON.stringify(detail), createdAt: now })
		.run()
}

export function listAudit(page = 1) {
	const db = getDb()
	const total = db.select({ n: count() }).from(auditLog).get()?.n ?? 0
	const { pages, page: current, offset } = pageWindow(total, page, AUDIT_PAGE_SIZE)
	const targetUser = alias(users, 'target_user')
	const rows = db
		.select({
			id: auditLog.id,
			action: auditLog.action,
			targetType: auditLog.targetType,
			targetId: auditLog.targetId,
			detail: auditLog.detail,
			createdAt: auditLog.createdAt,
			actorName: users.name,
			ideaTitle: ideas.title,
			userName: targetUser.name,
		})
		.from(auditLog)
		.innerJoin(users, eq(users.id, auditLog.actorId))
		.leftJoin(ideas, eq(ideas.id, auditLog.targetId))
		.leftJoin(targetUser, eq(targetUser.id, auditLog.targetId))
		.orderBy(desc(auditLog.createdAt), desc(auditLog.id))
		.limit(AUDIT_PAGE_SIZE)
		.offset(offset)
		.all()
	return { rows, total, page: current, pages }
}
