import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm'
import {
	AUDIT_FIELDS,
	AUDIT_PAGE_SIZE,
	type AuditAction,
	type AuditDetail,
	type AuditFact,
	type AuditField,
	type AuditTargetType,
	type AuditValue,
} from '#app/models/audit.ts'
import { IDEA_STATUSES, type IdeaStatus } from '#app/models/idea.ts'
import { pageWindow } from '#app/utils/misc.ts'
import { ROLES, type Role } from '#app/utils/permissions.ts'
import { getDb, type Tx } from '#db/index.ts'
import { auditLog, campaigns, channels, criticalEvents, departments, ideas, journeyStages, users } from '#db/schema.ts'

type Target = { type: AuditTargetType; id: string }

/**
 * One audit entry, written in the caller's transaction so it exists exactly when the change
 * does. Only the actor is recorded: an author is never an audit actor for their own content,
 * so the log cannot tell who wrote an anonymous item.
 */
export function audit(tx: Tx, actorId: string, action: AuditAction, target: Target, detail: AuditDetail, now = new Date()) {
	tx.insert(auditLog)
		.values({ actorId, action, targetType: target.type, targetId: target.id, detail: JSON.stringify(detail), createdAt: now })
		.run()
}

/** Many entries by one actor at once (an import of thousands of people), in chunks SQLite takes in one statement. */
export function auditMany(
	tx: Tx,
	actorId: string,
	entries: Array<{ action: AuditAction; target: Target; detail: AuditDetail }>,
	now = new Date(),
) {
	for (let i = 0; i < entries.length; i += 500)
		tx.insert(auditLog)
			.values(
				entries.slice(i, i + 500).map((e) => ({
					actorId,
					action: e.action,
					targetType: e.target.type,
					targetId: e.target.id,
					detail: JSON.stringify(e.detail),
					createdAt: now,
				})),
			)
			.run()
}

export type AuditFilters = { actorId?: string | null; action?: AuditAction | null; from?: Date | null; to?: Date | null }

function where(filters: AuditFilters): SQL | undefined {
	return and(
		filters.actorId ? eq(auditLog.actorId, filters.actorId) : undefined,
		filters.action ? eq(auditLog.action, filters.action) : undefined,
		filters.from ? gte(auditLog.createdAt, filters.from) : undefined,
		filters.to ? lt(auditLog.createdAt, filters.to) : undefined,
	)
}

export function listAudit(filters: AuditFilters, page = 1) {
	const db = getDb()
	const total = db.select({ n: count() }).from(auditLog).where(where(filters)).get()?.n ?? 0
	const { pages, page: current, offset } = pageWindow(total, page, AUDIT_PAGE_SIZE)
	return { rows: readable(select(filters, AUDIT_PAGE_SIZE, offset)), total, page: current, pages }
}

/** Every entry the filters match, newest first, up to `limit` (the CSV export). */
export function exportAudit(filters: AuditFilters, limit: number) {
	return readable(select(filters, limit, 0))
}

/** The people who appear as actors, for the filter. */
export function auditActors() {
	return getDb()
		.selectDistinct({ id: users.id, name: users.name })
		.from(auditLog)
		.innerJoin(users, eq(users.id, auditLog.actorId))
		.orderBy(users.name)
		.all()
}

function select(filters: AuditFilters, limit: number, offset: number) {
	return (
		getDb()
			.select({
				id: auditLog.id,
				action: auditLog.action,
				targetType: auditLog.targetType,
				targetId: auditLog.targetId,
				detail: auditLog.detail,
				createdAt: auditLog.createdAt,
				actorId: auditLog.actorId,
				actorName: users.name,
			})
			.from(auditLog)
			.innerJoin(users, eq(users.id, auditLog.actorId))
			.where(where(filters))
			// Entries of the same millisecond keep the order they were written in.
			.orderBy(desc(auditLog.createdAt), desc(sql`${auditLog}.rowid`))
			.limit(limit)
			.offset(offset)
			.all()
	)
}

type Row = ReturnType<typeof select>[number]
type Kind = 'idea' | 'user' | 'department'

/** Older entries stored a status or role change as bare from/to, and the owner as ownerId. */
function normalise(action: AuditAction, detail: Record<string, unknown>): Record<string, unknown> {
	const { from, to, ownerId, ...rest } = detail
	if (from !== undefined || to !== undefined) {
		if (action === 'idea.status') rest.status = { from, to }
		if (action === 'user.role') rest.role = { from, to }
	}
	if (ownerId !== undefined) rest.owner = ownerId
	return rest
}

/** The entries with their target and every stored id shown by name, in a few batched queries. */
function readable(rows: Row[]) {
	const details = rows.map((row) => {
		try {
			return normalise(row.action, JSON.parse(row.detail ?? '{}') as Record<string, unknown>)
		} catch {
			return {}
		}
	})
	// Every id to look up, by kind: the targets and the values that name a record.
	const wanted: Record<Kind, Set<string>> = { idea: new Set(), user: new Set(), department: new Set() }
	rows.forEach((row, i) => {
		if (row.targetType === 'idea' || row.targetType === 'user' || row.targetType === 'department') wanted[row.targetType].add(row.targetId)
		for (const [field, raw] of Object.entries(details[i]!)) {
			const kind = AUDIT_FIELDS[field as AuditField]
			if (kind !== 'idea' && kind !== 'user' && kind !== 'department') continue
			for (const value of isChange(raw) ? [raw.from, raw.to] : [raw]) if (typeof value === 'string') wanted[kind].add(value)
		}
	})
	const db = getDb()
	const names = {
		idea: lookUp(wanted.idea, (ids) => db.select({ id: ideas.id, name: ideas.title }).from(ideas).where(inArray(ideas.id, ids)).all()),
		user: lookUp(wanted.user, (ids) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all()),
		department: lookUp(wanted.department, (ids) =>
			db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids)).all(),
		),
	}
	const taxonomy = taxonomyNames(rows)
	const campaignTitles = lookUp(new Set(rows.filter((r) => r.targetType === 'campaign').map((r) => r.targetId)), (ids) =>
		db.select({ id: campaigns.id, name: campaigns.title }).from(campaigns).where(inArray(campaigns.id, ids)).all(),
	)

	return rows.map((row, i) => {
		const detail = details[i]!
		const storedName = typeof detail.name === 'string' ? detail.name : typeof detail.title === 'string' ? detail.title : null
		const type = row.targetType
		const target =
			type === 'idea' || type === 'user' || type === 'department'
				? { type, id: row.targetId, name: names[type].get(row.targetId) ?? storedName }
				: type === 'stage' || type === 'event' || type === 'channel'
					? { type, id: row.targetId, name: taxonomy.get(row.targetId) ?? storedName }
					: type === 'campaign'
						? { type, id: row.targetId, name: campaignTitles.get(row.targetId) ?? storedName }
						: type === 'board'
							? { type, id: row.targetId, name: storedName }
							: { type, id: row.targetId, name: null }
		const facts: AuditFact[] = Object.entries(detail)
			.filter(([field]) => field in AUDIT_FIELDS && !(field === 'name' && !isChange(detail.name)) && field !== 'title')
			.map(([field, raw]) => {
				const f = field as AuditField
				return isChange(raw)
					? { field: f, from: valueOf(f, raw.from, names), value: valueOf(f, raw.to, names) }
					: { field: f, value: valueOf(f, raw, names) }
			})
		return { id: row.id, action: row.action, createdAt: row.createdAt, actorId: row.actorId, actorName: row.actorName, target, facts }
	})
}

export type AuditEntry = ReturnType<typeof readable>[number]

function isChange(raw: unknown): raw is { from: unknown; to: unknown } {
	return typeof raw === 'object' && raw !== null && 'to' in raw
}

function valueOf(field: AuditField, raw: unknown, names: Record<Kind, Map<string, string>>): AuditValue {
	if (raw === null || raw === undefined || raw === '') return { kind: 'none' }
	const kind = AUDIT_FIELDS[field]
	if (kind === 'idea' || kind === 'user' || kind === 'department') {
		const id = String(raw)
		return { kind, id, name: names[kind].get(id) ?? null }
	}
	if (kind === 'number' && typeof raw === 'number') return { kind: 'number', value: raw }
	if (kind === 'status' && IDEA_STATUSES.includes(raw as IdeaStatus)) return { kind: 'status', status: raw as IdeaStatus }
	if (kind === 'role' && ROLES.includes(raw as Role)) return { kind: 'role', role: raw as Role }
	if (kind === 'direction' && (raw === 'up' || raw === 'down')) return { kind: 'direction', direction: raw }
	if (kind === 'outcome' && (raw === 'deleted' || raw === 'retired')) return { kind: 'outcome', outcome: raw }
	if (kind === 'flag' && typeof raw === 'number') return { kind: 'flag', on: raw === 1 }
	return { kind: 'text', text: String(raw) }
}

function lookUp(ids: Set<string>, query: (ids: string[]) => Array<{ id: string; name: string }>) {
	return new Map(ids.size ? query([...ids]).map((r) => [r.id, r.name]) : [])
}

function taxonomyNames(rows: Row[]) {
	const result = new Map<string, string>()
	for (const [type, table] of [
		['stage', journeyStages],
		['event', criticalEvents],
		['channel', channels],
	] as const) {
		const ids = rows.filter((r) => r.targetType === type).map((r) => r.targetId)
		if (!ids.length) continue
		for (const r of getDb().select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids)).all())
			result.set(r.id, r.name)
	}
	return result
}
