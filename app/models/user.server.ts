import { and, asc, count, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm'
import { type Locale } from '#app/locales/index.ts'
import { audit } from '#app/models/audit.server.ts'
import { type AuditDetail } from '#app/models/audit.ts'
import { type MomentsDigest } from '#app/models/user.ts'
import { pageWindow } from '#app/utils/misc.ts'
import { type Role } from '#app/utils/permissions.ts'
import { generateToken, hashSecret, invalidateUserSessions, secretMatches, splitToken } from '#app/utils/session.server.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { departments, passwordSetups, users } from '#db/schema.ts'

export const PAGE_SIZE = 25
export const SETUP_LINK_TTL_MS = 1000 * 60 * 60 * 24 * 7
/** A link sent from "Forgot your password?": short, as it was asked for by whoever knew the address. */
export const RESET_LINK_TTL_MS = 1000 * 60 * 60

function escapeLike(value: string) {
	return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}

type ListOptions = {
	query?: string
	includeDeactivated?: boolean
	/** Limit to these departments (a manager's scope); undefined means everyone. */
	departmentIds?: string[]
	page?: number
}

export function listUsers({ query, includeDeactivated = false, departmentIds, page = 1 }: ListOptions) {
	const conditions: SQL[] = []
	if (!includeDeactivated) conditions.push(isNull(users.deactivatedAt))
	if (departmentIds) conditions.push(inArray(users.departmentId, departmentIds))
	if (query?.trim()) {
		const pattern = `%${escapeLike(query.trim().toLowerCase())}%`
		conditions.push(or(sql`lower(${users.name}) LIKE ${pattern} ESCAPE '\\'`, like(users.email, sql`${pattern} ESCAPE '\\'`))!)
	}
	const where = conditions.length ? and(...conditions) : undefined
	const db = getDb()
	const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0
	const { pages, page: current, offset } = pageWindow(total, page, PAGE_SIZE)
	const rows = db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			role: users.role,
			departmentName: departments.name,
			deactivatedAt: users.deactivatedAt,
			hasPassword: sql<number>`${users.passwordHash} IS NOT NULL`,
		})
		.from(users)
		.leftJoin(departments, eq(departments.id, users.departmentId))
		.where(where)
		.orderBy(asc(users.name), asc(users.id))
		.limit(PAGE_SIZE)
		.offset(offset)
		.all()
		.map((r) => ({ ...r, hasPassword: Boolean(r.hasPassword) }))
	return { rows, total, page: current, pages }
}

export function getUserById(id: string) {
	return (
		getDb()
			.select({
				id: users.id,
				name: users.name,
				email: users.email,
				role: users.role,
				departmentId: users.departmentId,
				locale: users.locale,
				deactivatedAt: users.deactivatedAt,
				createdAt: users.createdAt,
				hasPassword: sql<number>`${users.passwordHash} IS NOT NULL`,
			})
			.from(users)
			.where(eq(users.id, id))
			.get() ?? null
	)
}

/** The active account with this e-mail address, with what an e-mail to it needs. */
export function activeAccountByEmail(email: string) {
	return (
		getDb()
			.select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
			.from(users)
			.where(and(eq(users.email, email), isNull(users.deactivatedAt)))
			.get() ?? null
	)
}

export function emailTaken(email: string, exceptId?: string) {
	const row = getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()
	return Boolean(row && row.id !== exceptId)
}

type UserInput = { name: string; email: string; role: Role; departmentId: string | null }

/** A new account; with an actor (an admin), the audit log records who created it. Scripts pass null. */
export function createUser(input: UserInput, actorId: string | null) {
	return writeTransaction((tx) => {
		const created = tx.insert(users).values(input).returning({ id: users.id }).get()
		if (actorId) {
			audit(tx, actorId, 'user.create', { type: 'user', id: created.id }, { role: input.role, department: input.departmentId })
		}
		return created
	})
}

/** Saves the account; a role change is written to the audit log with who made it. */
export function updateUser(id: string, input: UserInput, actorId: string, now = new Date()) {
	return writeTransaction((tx) => {
		const before = tx
			.select({ name: users.name, email: users.email, role: users.role, departmentId: users.departmentId })
			.from(users)
			.where(eq(users.id, id))
			.get()
		if (!before) return false
		tx.update(users).set(input).where(eq(users.id, id)).run()
		if (before.role !== input.role)
			audit(tx, actorId, 'user.role', { type: 'user', id }, { role: { from: before.role, to: input.role } }, now)
		const detail: AuditDetail = {}
		if (before.name !== input.name) detail.name = { from: before.name, to: input.name }
		if (before.email !== input.email) detail.email = { from: before.email, to: input.email }
		if (before.departmentId !== input.departmentId) detail.department = { from: before.departmentId, to: input.departmentId }
		if (Object.keys(detail).length) audit(tx, actorId, 'user.update', { type: 'user', id }, detail, now)
		return true
	})
}

/** Deactivation, the end of every session of that user and the audit entry happen together. */
export function setUserActive(id: string, active: boolean, actorId: string, now = new Date()) {
	return writeTransaction((tx) => {
		const changed =
			tx
				.update(users)
				.set({ deactivatedAt: active ? null : now })
				.where(eq(users.id, id))
				.run().changes > 0
		if (!active) invalidateUserSessions(id)
		if (changed) audit(tx, actorId, active ? 'user.reactivate' : 'user.deactivate', { type: 'user', id }, {}, now)
		return changed
	})
}

export function setUserLocale(id: string, locale: Locale) {
	getDb().update(users).set({ locale }).where(eq(users.id, id)).run()
}

export function getPasswordHash(id: string) {
	return getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, id)).get()?.hash ?? null
}

export function setPasswordHash(id: string, passwordHash: string) {
	getDb().update(users).set({ passwordHash }).where(eq(users.id, id)).run()
}

/** A new one-time link, valid for `ttlMs`; any older link of the same user stops working. */
export function createPasswordSetup(userId: string, now = new Date(), actorId: string | null = null, ttlMs = SETUP_LINK_TTL_MS) {
	const { id, secret, token } = generateToken()
	writeTransaction((tx) => {
		// An admin's invitation (or a new link) is logged; the link itself never is.
		if (actorId) audit(tx, actorId, 'user.invite', { type: 'user', id: userId }, {}, now)
		tx.delete(passwordSetups).where(eq(passwordSetups.userId, userId)).run()
		tx.insert(passwordSetups)
			.values({
				id,
				userId,
				secretHash: hashSecret(secret),
				expiresAt: new Date(now.getTime() + ttlMs),
				createdAt: now,
			})
			.run()
	})
	return token
}

/** The user a set-password token belongs to, or null when it is wrong, expired or used. */
export function findPasswordSetup(token: string, now = new Date()) {
	const parts = splitToken(token)
	if (!parts) return null
	const row = getDb()
		.select({
			id: passwordSetups.id,
			secretHash: passwordSetups.secretHash,
			expiresAt: passwordSetups.expiresAt,
			userId: users.id,
			name: users.name,
			email: users.email,
			deactivatedAt: users.deactivatedAt,
			hasPassword: sql<number>`${users.passwordHash} IS NOT NULL`,
		})
		.from(passwordSetups)
		.innerJoin(users, eq(users.id, passwordSetups.userId))
		.where(eq(passwordSetups.id, parts.id))
		.get()
	if (!row || !secretMatches(parts.secret, row.secretHash)) return null
	if (row.expiresAt.getTime() <= now.getTime() || row.deactivatedAt) return null
	return { setupId: row.id, userId: row.userId, name: row.name, email: row.email, reset: Boolean(row.hasPassword) }
}

/** Sets the password and spends the link in one transaction; other sessions end. */
export function completePasswordSetup(setupId: string, userId: string, passwordHash: string) {
	writeTransaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run()
		tx.delete(passwordSetups).where(eq(passwordSetups.id, setupId)).run()
		invalidateUserSessions(userId)
	})
}

export function getMomentsDigest(id: string) {
	return getDb().select({ choice: users.momentsDigest }).from(users).where(eq(users.id, id)).get()?.choice ?? 'default'
}

export function setMomentsDigest(id: string, choice: MomentsDigest) {
	getDb().update(users).set({ momentsDigest: choice }).where(eq(users.id, id)).run()
}

export function getEmailDigest(id: string) {
	return getDb().select({ choice: users.emailDigest }).from(users).where(eq(users.id, id)).get()?.choice ?? 'daily'
}
