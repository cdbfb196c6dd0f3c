import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { type DepartmentRow } from '#app/models/department.ts'
import { referenceChanged } from '#app/models/reference-data.server.ts'
import { deleteOrRetire, restore } from '#app/models/retire.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb } from '#db/index.ts'
import { departments, users } from '#db/schema.ts'

const columns = {
	id: departments.id,
	name: departments.name,
	parentId: departments.parentId,
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

export function createDepartment(input: { name: string; parentId: string | null }) {
	referenceChanged()
	return getDb().insert(departments).values(input).returning({ id: departments.id }).get()
}

/** False when the new parent is the department itself or one of its descendants. */
export function canMoveUnder(id: string, parentId: string | null) {
	return !parentId || !subtreeIds(id).includes(parentId)
}

export function updateDepartment(id: string, input: { name: string; parentId: string | null }) {
	referenceChanged()
	return getDb().update(departments).set(input).where(eq(departments.id, id)).run().changes > 0
}

export function removeDepartment(id: string) {
	referenceChanged()
	return deleteOrRetire(departments, id)
}

export function restoreDepartment(id: string) {
	referenceChanged()
	return restore(departments, id)
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
