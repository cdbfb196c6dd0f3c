import { and, eq, isNull, lt, sql } from 'drizzle-orm'
import { audit, auditMany } from '#app/models/audit.server.ts'
import { listDepartments } from '#app/models/department.server.ts'
import { parseDepartments, parsePeople } from '#app/models/import-csv.server.ts'
import { type ImportKind, type Problem } from '#app/models/import.ts'
import { referenceChanged } from '#app/models/reference-data.server.ts'
import { departmentFromClaim } from '#app/models/sso.server.ts'
import { type Role } from '#app/utils/permissions.ts'
import { invalidateUserSessions } from '#app/utils/session.server.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { departments, imports, users } from '#db/schema.ts'

// CSV imports (decision 065): an upload is kept until the admin confirms or cancels it (a day at
// most), planned against the database each time it is shown, and applied in one transaction.

const DAY = 86_400_000

export function createImport(kind: ImportKind, csv: string, deactivateMissing: boolean, actorId: string, now = new Date()) {
	const db = getDb()
	// A file holds personal data: nothing waits longer than a day for its confirmation.
	db.delete(imports)
		.where(lt(imports.createdAt, new Date(now.getTime() - DAY)))
		.run()
	return db
		.insert(imports)
		.values({ kind, csv, deactivateMissing: kind === 'people' && deactivateMissing, createdBy: actorId, createdAt: now })
		.returning({ id: imports.id })
		.get().id
}

export function getImport(id: string, now = new Date()) {
	const row = getDb()
		.select({
			id: imports.id,
			kind: imports.kind,
			csv: imports.csv,
			deactivateMissing: imports.deactivateMissing,
			createdAt: imports.createdAt,
			createdByName: users.name,
		})
		.from(imports)
		.innerJoin(users, eq(users.id, imports.createdBy))
		.where(eq(imports.id, id))
		.get()
	return row && now.getTime() - row.createdAt.getTime() <= DAY ? row : null
}

export function deleteImport(id: string) {
	return getDb().delete(imports).where(eq(imports.id, id)).run().changes > 0
}

export type Change = 'name' | 'department' | 'role' | 'active' | 'customerFacing'
export type PlannedPerson = {
	line: number
	email: string
	name: string
	userId: string | null
	departmentId: string | null
	role: Role
	active: boolean
	changes: Change[]
}
export type PlannedDepartment = {
	line: number
	path: string[]
	creates: string[]
	departmentId: string | null
	customerFacing: boolean | undefined
	changes: Change[]
}
export type LineProblem = { line: number; who: string; problems: Problem[] }

export type PeoplePlan = {
	kind: 'people'
	create: PlannedPerson[]
	change: PlannedPerson[]
	unchanged: number
	deactivate: Array<{ id: string; email: string; name: string }>
	errors: LineProblem[]
	problem: Problem | null
}
export type DepartmentPlan = {
	kind: 'departments'
	create: PlannedDepartment[]
	change: PlannedDepartment[]
	unchanged: number
	deactivate: []
	errors: LineProblem[]
	problem: Problem | null
}
export type Plan = PeoplePlan | DepartmentPlan

/** What importing the file would do now, line by line, and what stops which line. */
export function planImport(upload: { kind: ImportKind; csv: string; deactivateMissing: boolean }, actorId: string): Plan {
	return upload.kind === 'people' ? planPeople(upload.csv, upload.deactivateMissing, actorId) : planDepartments(upload.csv)
}

function planPeople(csv: string, deactivateMissing: boolean, actorId: string): PeoplePlan {
	const parsed = parsePeople(csv)
	const plan: PeoplePlan = { kind: 'people', create: [], change: [], unchanged: 0, deactivate: [], errors: [], problem: parsed.problem }
	if (parsed.problem) return plan
	const everyone = getDb()
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			departmentId: users.departmentId,
			deactivatedAt: users.deactivatedAt,
		})
		.from(users)
		.all()
	const byEmail = new Map(everyone.map((u) => [u.email, u]))
	const departmentIds = new Map<string, string | null>()
	const department = (value: string) => {
		if (!departmentIds.has(value)) departmentIds.set(value, departmentFromClaim(value))
		return departmentIds.get(value)!
	}
	for (const row of parsed.rows) {
		const problems = [...row.problems]
		const existing = byEmail.get(row.email)
		let departmentId = existing?.departmentId ?? null
		if (row.department !== undefined) {
			departmentId = row.department === null ? null : department(row.department)
			if (row.department !== null && !departmentId)
				problems.push({ key: 'import.errors.departmentUnknown', values: { value: row.department } })
		}
		if (!existing && !row.name) problems.push({ key: 'import.errors.nameMissing' })
		const role = row.role ?? existing?.role ?? 'employee'
		const active = row.active ?? (existing ? !existing.deactivatedAt : true)
		if (existing?.id === actorId && (!active || role !== existing.role)) problems.push({ key: 'import.errors.notYourself' })
		if (problems.length) {
			plan.errors.push({ line: row.line, who: row.email || '—', problems })
			continue
		}
		const planned: PlannedPerson = {
			line: row.line,
			email: row.email,
			name: row.name ?? existing!.name,
			userId: existing?.id ?? null,
			departmentId,
			role,
			active,
			changes: [],
		}
		if (!existing) {
			plan.create.push(planned)
			continue
		}
		if (planned.name !== existing.name) planned.changes.push('name')
		if (departmentId !== existing.departmentId) planned.changes.push('department')
		if (role !== existing.role) planned.changes.push('role')
		if (active !== !existing.deactivatedAt) planned.changes.push('active')
		if (planned.changes.length) plan.change.push(planned)
		else plan.unchanged++
	}
	if (deactivateMissing) {
		// Lines with problems still name someone who is in the file: they are not deactivated for it.
		const listed = new Set(parsed.rows.map((r) => r.email))
		plan.deactivate = everyone
			.filter((u) => !u.deactivatedAt && !listed.has(u.email) && u.id !== actorId)
			.map(({ id, email, name }) => ({ id, email, name }))
	}
	return plan
}

function planDepartments(csv: string): DepartmentPlan {
	const parsed = parseDepartments(csv)
	const plan: DepartmentPlan = {
		kind: 'departments',
		create: [],
		change: [],
		unchanged: 0,
		deactivate: [],
		errors: [],
		problem: parsed.problem,
	}
	if (parsed.problem) return plan
	const rows = listDepartments()
	const byParentAndName = new Map(rows.map((d) => [`${d.parentId ?? ''}|${d.name.toLowerCase()}`, d]))
	// Paths created by earlier lines of the same file.
	const planned = new Set<string>()
	for (const row of parsed.rows) {
		if (row.problems.length) {
			plan.errors.push({ line: row.line, who: row.path.join(' / ') || '—', problems: row.problems })
			continue
		}
		let parentId: string | null = null
		let parentKey = ''
		let missing = false
		const creates: string[] = []
		let found: (typeof rows)[number] | undefined
		for (const part of row.path) {
			const key = `${parentKey}/${part.toLowerCase()}`
			found = missing ? undefined : byParentAndName.get(`${parentId ?? ''}|${part.toLowerCase()}`)
			if (found) parentId = found.id
			else {
				// Missing from here down; a level an earlier line creates is created once.
				missing = true
				if (!planned.has(key)) creates.push(part)
				planned.add(key)
			}
			parentKey = key
		}
		const entry: PlannedDepartment = {
			line: row.line,
			path: row.path,
			creates,
			departmentId: found?.id ?? null,
			customerFacing: row.customerFacing,
			changes: [],
		}
		if (creates.length) plan.create.push(entry)
		else if (found && row.customerFacing !== undefined && row.customerFacing !== Boolean(found.customerFacing)) {
			entry.changes.push('customerFacing')
			plan.change.push(entry)
		} else plan.unchanged++
	}
	return plan
}

/**
 * Applies the plan of an upload, computed again now, in one transaction: everything (`valid`
 * false, refused while a line has a problem) or only the lines without one. The upload is gone
 * afterwards. Each change is audited with `via: import`.
 */
export function applyImport(id: string, valid: boolean, actorId: string, now = new Date()) {
	const upload = getImport(id, now)
	if (!upload) return { outcome: 'gone' as const }
	const plan = planImport(upload, actorId)
	if (plan.problem || (!valid && plan.errors.length)) return { outcome: 'blocked' as const, plan }
	const counts = writeTransaction((tx) => {
		if (plan.kind === 'people') {
			// Thousands at once: in chunks of 500 rows a statement, then their audit entries likewise.
			for (let i = 0; i < plan.create.length; i += 500) {
				const chunk = plan.create.slice(i, i + 500)
				const created = tx
					.insert(users)
					.values(
						chunk.map((p) => ({
							email: p.email,
							name: p.name,
							role: p.role,
							departmentId: p.departmentId,
							deactivatedAt: p.active ? null : now,
							createdAt: now,
						})),
					)
					.returning({ id: users.id, email: users.email })
					.all()
				const planned = new Map(chunk.map((p) => [p.email, p]))
				auditMany(
					tx,
					actorId,
					created.map((c) => ({
						action: 'user.create' as const,
						target: { type: 'user' as const, id: c.id },
						detail: { role: planned.get(c.email)!.role, department: planned.get(c.email)!.departmentId, via: 'import' },
					})),
					now,
				)
			}
			for (const p of plan.change) {
				const before = tx
					.select({ role: users.role, departmentId: users.departmentId, deactivatedAt: users.deactivatedAt })
					.from(users)
					.where(eq(users.id, p.userId!))
					.get()!
				tx.update(users)
					.set({ name: p.name, role: p.role, departmentId: p.departmentId, deactivatedAt: p.active ? null : (before.deactivatedAt ?? now) })
					.where(eq(users.id, p.userId!))
					.run()
				const detail = {
					...(p.changes.includes('role') ? { role: { from: before.role, to: p.role } } : {}),
					...(p.changes.includes('department') ? { department: { from: before.departmentId, to: p.departmentId } } : {}),
					via: 'import',
				}
				if (p.changes.some((c) => c !== 'active'))
					audit(tx, actorId, p.changes.includes('role') ? 'user.role' : 'user.update', { type: 'user', id: p.userId! }, detail, now)
				if (p.changes.includes('active')) {
					if (!p.active) invalidateUserSessions(p.userId!)
					audit(tx, actorId, p.active ? 'user.reactivate' : 'user.deactivate', { type: 'user', id: p.userId! }, { via: 'import' }, now)
				}
			}
			for (const person of plan.deactivate) {
				tx.update(users)
					.set({ deactivatedAt: now })
					.where(and(eq(users.id, person.id), isNull(users.deactivatedAt)))
					.run()
				invalidateUserSessions(person.id)
				audit(tx, actorId, 'user.deactivate', { type: 'user', id: person.id }, { via: 'import' }, now)
			}
		} else {
			for (const d of plan.create) {
				// The existing part of the path, then each missing level under it.
				let parentId: string | null = null
				for (const [index, part] of d.path.entries()) {
					const existing: { id: string } | undefined = tx
						.select({ id: departments.id })
						.from(departments)
						.where(
							and(
								parentId ? eq(departments.parentId, parentId) : isNull(departments.parentId),
								sql`lower(${departments.name}) = lower(${part})`,
							),
						)
						.get()
					if (existing) {
						parentId = existing.id
						continue
					}
					const last = index === d.path.length - 1
					const created: { id: string } = tx
						.insert(departments)
						.values({ name: part, parentId, customerFacing: last ? (d.customerFacing ?? false) : false, createdAt: now })
						.returning({ id: departments.id })
						.get()
					audit(
						tx,
						actorId,
						'department.create',
						{ type: 'department', id: created.id },
						{ name: part, parent: parentId, via: 'import' },
						now,
					)
					parentId = created.id
				}
			}
			for (const d of plan.change) {
				tx.update(departments).set({ customerFacing: d.customerFacing }).where(eq(departments.id, d.departmentId!)).run()
				audit(
					tx,
					actorId,
					'department.update',
					{ type: 'department', id: d.departmentId! },
					{ customerFacing: d.customerFacing ? 1 : 0, via: 'import' },
					now,
				)
			}
		}
		tx.delete(imports).where(eq(imports.id, id)).run()
		return { created: plan.create.length, changed: plan.change.length, deactivated: plan.deactivate.length }
	})
	if (plan.kind === 'departments') referenceChanged()
	return { outcome: 'done' as const, counts, kind: plan.kind }
}
