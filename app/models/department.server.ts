import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { audit } from '#app/models/audit.server.ts'
import { type AuditDetail } from '#app/models/audit.ts'
import { type DepartmentRow } from '#app/models/department.ts'
import { referenceChanged } from '#app/models/reference-data.server.ts'
import { deleteOrRetire, restore } from '#app/models/retire.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { departments, users } from '#db/schema.ts'

const columns = {
	id: departments.id,
	name: departments.name,
	parentId: departments.parentId,
	customerFacing: departments.customerFacing,
	retiredAt: departments.retiredAt,
}

export function listDepartments({ includeRetired = false } = {}): DepartmentRow[] {
	return getDb()
		.select(columns)
		.from(departments)
		.where(includeRetired ? undefined : isNull(departments.retiredAt))
		.orderBy(asc(departments.name))
		.all()
}

export function getDepartment(id: string) {
	return getDb().select(columns).from(departments).where(eq(departments.id, id)).get() ?? null
}

/** The department and every department below it: a manager's scope. */
/** The department and every department above it, nearest first: an owner up the tree owns for them too. */
export function departmentLine(departmentId: string | null) {
	if (!departmentId) return []
	const parent = new Map(listDepartments({ includeRetired: true }).map((d) => [d.id, d.parentId]))
	const line: string[] = []
	for (let id: string | null | undefined = departmentId; id && !line.includes(id); id = parent.get(id)) line.push(id)
	return line
}

export function subtreeIds(rootId: string): string[] {
	const rows = getDb().all<{ id: string }>(sql`
		WITH RECURSIVE tree(id) AS (
			SELECT id FROM departments WHERE id = ${rootId}
			UNION
			SELECT d.id FROM departments d JOIN tree ON d.parent_id = tree.id
		)
		SELECT id FROM tree`)
	return rows.map((r) => r.id)
}

/** Active people per department, counted once; callers roll them up the tree. */
export function activeHeadcounts(): Map<string, number> {
	const rows = getDb()
		.select({ departmentId: users.departmentId, count: sql<number>`count(*)` })
		.from(users)
		.where(isNull(users.deactivatedAt))
		.groupBy(users.departmentId)
		.all()
	return new Map(rows.flatMap((r) => (r.departmentId ? [[r.departmentId, r.count] as const] : [])))
}

export function rollUpHeadcounts(rows: DepartmentRow[], own: Map<string, number>) {
	const children = new Map<string, string[]>()
	for (const row of rows) {
		if (row.parentId) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row.id])
	}
	const total = new Map<string, number>()
	const sum = (id: string, seen: Set<string>): number => {
		if (total.has(id)) return total.get(id)!
		if (seen.has(id)) return 0
		seen.add(id)
		const value = (own.get(id) ?? 0) + (children.get(id) ?? []).reduce((acc, c) => acc + sum(c, seen), 0)
		total.set(id, value)
		return value
	}
	for (const row of rows) sum(row.id, new Set())
	return total
}

export function departmentNameTaken(name: string, parentId: string | null, exceptId?: string) {
	const rows = getDb()
		.select({ id: departments.id })
		.from(departments)
		.where(
			and(sql`lower(${departments.name}) = lower(${name})`, parentId ? eq(departments.parentId, parentId) : isNull(departments.parentId)),
		)
		.all()
	return rows.some((r) => r.id !== exceptId)
}

type DepartmentInput = { name: string; parentId: string | null; customerFacing?: boolean }

export function createDepartment(input: DepartmentInput, actorId: string) {
	referenceChanged()
	return writeTransaction((tx) => {
		const created = tx
			.insert(departments)
			.values({ ...input, customerFacing: input.customerFacing ?? false })
			.returning({ id: departments.id })
			.get()
		audit(
			tx,
			actorId,
			'department.create',
			{ type: 'department', id: created.id },
			{ name: input.name, parent: input.parentId, customerFacing: input.customerFacing ? 1 : 0 },
		)
		return created
	})
}

/** False when the new parent is the department itself or one of its descendants. */
export function canMoveUnder(id: string, parentId: string | null) {
	return !parentId || !subtreeIds(id).includes(parentId)
}

export function updateDepartment(id: string, input: DepartmentInput, actorId: string) {
	referenceChanged()
	return writeTransaction((tx) => {
		const before = tx
			.select({ name: departments.name, parentId: departments.parentId, customerFacing: departments.customerFacing })
			.from(departments)
			.where(eq(departments.id, id))
			.get()
		if (!before) return false
		tx.update(departments)
			.set({ ...input, customerFacing: input.customerFacing ?? false })
			.where(eq(departments.id, id))
			.run()
		const detail: AuditDetail = { name: before.name === input.name ? input.name : { from: before.name, to: input.name } }
		if (before.parentId !== input.parentId) detail.parent = { from: before.parentId, to: input.parentId }
		if (before.customerFacing !== (input.customerFacing ?? false))
			detail.customerFacing = { from: before.customerFacing ? 1 : 0, to: input.customerFacing ? 1 : 0 }
		audit(tx, actorId, 'department.update', { type: 'department', id }, detail)
		return true
	})
}

export function removeDepartment(id: string, actorId: string) {
	referenceChanged()
	return writeTransaction((tx) => {
		const name = tx.select({ name: departments.name }).from(departments).where(eq(departments.id, id)).get()?.name ?? null
		const outcome = deleteOrRetire(tx, departments, id)
		if (outcome !== 'not-found') audit(tx, actorId, 'department.remove', { type: 'department', id }, { name, outcome })
		return outcome
	})
}

export function restoreDepartment(id: string, actorId: string) {
	referenceChanged()
	return writeTransaction((tx) => {
		const restored = restore(tx, departments, id)
		if (restored) audit(tx, actorId, 'department.restore', { type: 'department', id }, {})
		return restored
	})
}

/**
 * The department to record on an anonymous item: the author's own, or the nearest one
 * above it whose subtree has at least MIN_GROUP_SIZE active people (null if none does).
 */
export function anonymousGroup(departmentId: string | null, minimum = getEnv().MIN_GROUP_SIZE): string | null {
	if (!departmentId) return null
	const rows = listDepartments({ includeRetired: true })
	const totals = rollUpHeadcounts(rows, activeHeadcounts())
	const parents = new Map(rows.map((r) => [r.id, r.parentId]))
	let current: string | null = departmentId
	const seen = new Set<string>()
	while (current && !seen.has(current)) {
		if ((totals.get(current) ?? 0) >= minimum) return current
		seen.add(current)
		current = parents.get(current) ?? null
	}
	return null
}
