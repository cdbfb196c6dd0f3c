import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { audit } from '#app/models/audit.server.ts'
import { referenceChanged } from '#app/models/reference-data.server.ts'
import { deleteOrRetire } from '#app/models/retire.server.ts'
import { ScimError, type Filter, type UserFields } from '#app/models/scim.ts'
import { departmentFromClaim } from '#app/models/sso.server.ts'
import { generateToken, hashSecret, invalidateUserSessions, secretMatches, splitToken } from '#app/utils/session.server.ts'
import { utcDay } from '#app/utils/time.ts'
import { getDb, writeTransaction, type Tx } from '#db/index.ts'
import { departments, scimTokens, users } from '#db/schema.ts'

// SCIM provisioning (decision 064): bearer tokens, and Users and Groups read and written for the
// organisation's directory. Every change is audited with the token's creator as the actor and
// `via: scim`; Voce never deletes a person.

// --- Tokens --------------------------------------------------------------------------------

export function createScimToken(name: string, actorId: string, now = new Date()) {
	const { id, secret, token } = generateToken()
	writeTransaction((tx) => {
		tx.insert(scimTokens)
			.values({ id, name, secretHash: hashSecret(secret), createdBy: actorId, createdAt: now })
			.run()
		audit(tx, actorId, 'scim.token-create', { type: 'user', id: actorId }, { name }, now)
	})
	return { id, token }
}

export function revokeScimToken(id: string, actorId: string, now = new Date()) {
	return writeTransaction((tx) => {
		const row = tx
			.select({ name: scimTokens.name })
			.from(scimTokens)
			.where(and(eq(scimTokens.id, id), isNull(scimTokens.revokedAt)))
			.get()
		if (!row) return false
		tx.update(scimTokens).set({ revokedAt: now }).where(eq(scimTokens.id, id)).run()
		audit(tx, actorId, 'scim.token-revoke', { type: 'user', id: actorId }, { name: row.name }, now)
		return true
	})
}

const creator = alias(users, 'creator')

export function listScimTokens() {
	return getDb()
		.select({
			id: scimTokens.id,
			name: scimTokens.name,
			createdByName: creator.name,
			createdAt: scimTokens.createdAt,
			lastUsedAt: scimTokens.lastUsedAt,
			revokedAt: scimTokens.revokedAt,
		})
		.from(scimTokens)
		.innerJoin(creator, eq(creator.id, scimTokens.createdBy))
		.orderBy(desc(scimTokens.createdAt))
		.all()
}

/** The token's id and who created it (the actor of what it changes), or null; notes the day it was used. */
export function validateScimToken(token: string, now = new Date()) {
	const parts = splitToken(token)
	if (!parts) return null
	const row = getDb()
		.select({
			id: scimTokens.id,
			secretHash: scimTokens.secretHash,
			createdBy: scimTokens.createdBy,
			lastUsedAt: scimTokens.lastUsedAt,
			revokedAt: scimTokens.revokedAt,
		})
		.from(scimTokens)
		.where(eq(scimTokens.id, parts.id))
		.get()
	if (!row || row.revokedAt || !secretMatches(parts.secret, row.secretHash)) return null
	const today = utcDay(now)
	if (!row.lastUsedAt || row.lastUsedAt.getTime() !== today.getTime())
		getDb().update(scimTokens).set({ lastUsedAt: today }).where(eq(scimTokens.id, row.id)).run()
	return { id: row.id, actorId: row.createdBy }
}

// --- Users ---------------------------------------------------------------------------------

const userColumns = {
	id: users.id,
	email: users.email,
	name: users.name,
	externalId: users.externalId,
	deactivatedAt: users.deactivatedAt,
	departmentId: users.departmentId,
	departmentName: departments.name,
	createdAt: users.createdAt,
}
export type ScimUserRow = {
	id: string
	email: string
	name: string
	externalId: string | null
	deactivatedAt: Date | null
	departmentId: string | null
	departmentName: string | null
	createdAt: Date
}

function userWhere(filter: Filter | null): SQL | undefined {
	if (!filter) return undefined
	if (filter.attribute === 'userName' || filter.attribute === 'email') return eq(users.email, filter.value.toLowerCase())
	if (filter.attribute === 'externalId') return eq(users.externalId, filter.value)
	return eq(users.id, filter.value)
}

export function listScimUsers(filter: Filter | null, startIndex: number, size: number) {
	const db = getDb()
	const where = userWhere(filter)
	const total = db.select({ n: count() }).from(users).where(where).get()!.n
	const rows: ScimUserRow[] = size
		? db
				.select(userColumns)
				.from(users)
				.leftJoin(departments, eq(departments.id, users.departmentId))
				.where(where)
				.orderBy(asc(users.createdAt), asc(users.id))
				.limit(size)
				.offset(startIndex - 1)
				.all()
		: []
	return { total, rows }
}

export function getScimUser(id: string): ScimUserRow | null {
	return (
		getDb().select(userColumns).from(users).leftJoin(departments, eq(departments.id, users.departmentId)).where(eq(users.id, id)).get() ??
		null
	)
}

function taken(tx: Tx, fields: UserFields, exceptId?: string) {
	const byEmail = tx.select({ id: users.id }).from(users).where(eq(users.email, fields.email)).get()
	if (byEmail && byEmail.id !== exceptId) throw new ScimError(409, `${fields.email} belongs to another account`, 'uniqueness')
	if (fields.externalId) {
		const byExternal = tx.select({ id: users.id }).from(users).where(eq(users.externalId, fields.externalId)).get()
		if (byExternal && byExternal.id !== exceptId)
			throw new ScimError(409, `externalId ${fields.externalId} belongs to another account`, 'uniqueness')
	}
}

/** The department a SCIM body names, or an error when it names none Voce has. */
function departmentId(name: string | null | undefined) {
	if (name === undefined) return undefined
	if (name === null) return null
	const id = departmentFromClaim(name)
	if (!id) throw new ScimError(400, `No department called ${name}: create it (or its Group) first`, 'invalidValue')
	return id
}

export function createScimUser(fields: UserFields, actorId: string, now = new Date()) {
	const department = departmentId(fields.department) ?? null
	return writeTransaction((tx) => {
		taken(tx, fields)
		const created = tx
			.insert(users)
			.values({
				email: fields.email,
				name: fields.name,
				externalId: fields.externalId,
				departmentId: department,
				deactivatedAt: fields.active ? null : now,
				createdAt: now,
			})
			.returning({ id: users.id })
			.get()
		audit(tx, actorId, 'user.create', { type: 'user', id: created.id }, { role: 'employee', department, via: 'scim' }, now)
		return created.id
	})
}

/** Writes a User's fields: name, address, externalId, department when said, and active (deactivating ends every session at once). */
export function updateScimUser(id: string, fields: UserFields, actorId: string, now = new Date()) {
	const department = departmentId(fields.department)
	return writeTransaction((tx) => {
		const before = tx
			.select({ deactivatedAt: users.deactivatedAt, departmentId: users.departmentId })
			.from(users)
			.where(eq(users.id, id))
			.get()
		if (!before) throw new ScimError(404, `No User ${id}`)
		taken(tx, fields, id)
		tx.update(users)
			.set({
				email: fields.email,
				name: fields.name,
				externalId: fields.externalId,
				...(department !== undefined ? { departmentId: department } : {}),
				deactivatedAt: fields.active ? null : (before.deactivatedAt ?? now),
			})
			.where(eq(users.id, id))
			.run()
		const moved = department !== undefined && department !== before.departmentId
		audit(
			tx,
			actorId,
			'user.update',
			{ type: 'user', id },
			{ ...(moved ? { department: { from: before.departmentId, to: department } } : {}), via: 'scim' },
			now,
		)
		if (before.deactivatedAt && fields.active) audit(tx, actorId, 'user.reactivate', { type: 'user', id }, { via: 'scim' }, now)
		if (!before.deactivatedAt && !fields.active) {
			invalidateUserSessions(id)
			audit(tx, actorId, 'user.deactivate', { type: 'user', id }, { via: 'scim' }, now)
		}
	})
}

// --- Groups (departments) ------------------------------------------------------------------

export type ScimGroupRow = { id: string; name: string; createdAt: Date; members: Array<{ id: string; name: string }> | null }

export function listScimGroups(filter: Filter | null, startIndex: number, size: number, withMembers: boolean) {
	const db = getDb()
	const where = and(
		isNull(departments.retiredAt),
		filter?.attribute === 'displayName'
			? sql`lower(${departments.name}) = lower(${filter.value})`
			: filter
				? eq(departments.id, filter.value)
				: undefined,
	)
	const total = db.select({ n: count() }).from(departments).where(where).get()!.n
	const rows = size
		? db
				.select({ id: departments.id, name: departments.name, createdAt: departments.createdAt })
				.from(departments)
				.where(where)
				.orderBy(asc(departments.name), asc(departments.id))
				.limit(size)
				.offset(startIndex - 1)
				.all()
		: []
	const members = withMembers ? membersOf(rows.map((r) => r.id)) : null
	return { total, rows: rows.map((r): ScimGroupRow => ({ ...r, members: members ? (members.get(r.id) ?? []) : null })) }
}

function membersOf(departmentIds: string[]) {
	const out = new Map<string, Array<{ id: string; name: string }>>()
	if (!departmentIds.length) return out
	for (const row of getDb()
		.select({ id: users.id, name: users.name, departmentId: users.departmentId })
		.from(users)
		.where(and(inArray(users.departmentId, departmentIds), isNull(users.deactivatedAt)))
		.orderBy(asc(users.name))
		.all())
		out.set(row.departmentId!, [...(out.get(row.departmentId!) ?? []), { id: row.id, name: row.name }])
	return out
}

export function getScimGroup(id: string, withMembers = true): ScimGroupRow | null {
	const row = getDb()
		.select({ id: departments.id, name: departments.name, createdAt: departments.createdAt })
		.from(departments)
		.where(and(eq(departments.id, id), isNull(departments.retiredAt)))
		.get()
	return row ? { ...row, members: withMembers ? (membersOf([id]).get(id) ?? []) : null } : null
}

function existingUsers(tx: Tx, ids: string[]) {
	if (!ids.length) return []
	const found = tx
		.select({ id: users.id })
		.from(users)
		.where(inArray(users.id, ids))
		.all()
		.map((r) => r.id)
	const missing = ids.filter((id) => !found.includes(id))
	if (missing.length) throw new ScimError(400, `No User ${missing[0]}`, 'invalidValue')
	return found
}

/** A department a Group can be: not retired. */
function activeGroup(tx: Tx, id: string) {
	return tx
		.select({ name: departments.name })
		.from(departments)
		.where(and(eq(departments.id, id), isNull(departments.retiredAt)))
		.get()
}

/** A new department at the top of the tree, with its members moved into it. */
export function createScimGroup(displayName: string, memberIds: string[], actorId: string, now = new Date()) {
	referenceChanged()
	return writeTransaction((tx) => {
		const clash = tx
			.select({ id: departments.id })
			.from(departments)
			.where(and(sql`lower(${departments.name}) = lower(${displayName})`, isNull(departments.parentId)))
			.get()
		if (clash) throw new ScimError(409, `A department called ${displayName} exists`, 'uniqueness')
		const created = tx.insert(departments).values({ name: displayName, createdAt: now }).returning({ id: departments.id }).get()
		audit(tx, actorId, 'department.create', { type: 'department', id: created.id }, { name: displayName, via: 'scim' }, now)
		moveMembers(tx, created.id, existingUsers(tx, memberIds), actorId, now)
		return created.id
	})
}

function moveMembers(tx: Tx, departmentId: string | null, ids: string[], actorId: string, now: Date, onlyFrom?: string) {
	for (const id of ids) {
		const before = tx.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, id)).get()
		if (!before || before.departmentId === departmentId || (onlyFrom !== undefined && before.departmentId !== onlyFrom)) continue
		tx.update(users).set({ departmentId }).where(eq(users.id, id)).run()
		audit(
			tx,
			actorId,
			'user.update',
			{ type: 'user', id },
			{ department: { from: before.departmentId, to: departmentId }, via: 'scim' },
			now,
		)
	}
}

/** Renames a department and changes who is in it: added members move in, removed ones are left with no department. */
export function patchScimGroup(
	id: string,
	change: { displayName?: string; add: string[]; remove: string[]; replace?: string[] },
	actorId: string,
	now = new Date(),
) {
	referenceChanged()
	writeTransaction((tx) => {
		const group = activeGroup(tx, id)
		if (!group) throw new ScimError(404, `No Group ${id}`)
		if (change.displayName && change.displayName !== group.name) {
			tx.update(departments).set({ name: change.displayName }).where(eq(departments.id, id)).run()
			audit(
				tx,
				actorId,
				'department.update',
				{ type: 'department', id },
				{ name: { from: group.name, to: change.displayName }, via: 'scim' },
				now,
			)
		}
		if (change.replace) {
			const keep = existingUsers(tx, change.replace)
			const current = tx
				.select({ id: users.id })
				.from(users)
				.where(eq(users.departmentId, id))
				.all()
				.map((r) => r.id)
			moveMembers(
				tx,
				null,
				current.filter((m) => !keep.includes(m)),
				actorId,
				now,
				id,
			)
			moveMembers(tx, id, keep, actorId, now)
		}
		moveMembers(tx, id, existingUsers(tx, change.add), actorId, now)
		moveMembers(tx, null, change.remove, actorId, now, id)
	})
}

/** DELETE on a Group: the department is retired (or deleted when nothing refers to it); its people keep their accounts. */
export function removeScimGroup(id: string, actorId: string, now = new Date()) {
	referenceChanged()
	return writeTransaction((tx) => {
		const group = activeGroup(tx, id)
		if (!group) throw new ScimError(404, `No Group ${id}`)
		const outcome = deleteOrRetire(tx, departments, id)
		audit(tx, actorId, 'department.remove', { type: 'department', id }, { name: group.name, outcome, via: 'scim' }, now)
	})
}
