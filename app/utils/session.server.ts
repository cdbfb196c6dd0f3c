import crypto from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { and, eq, ne, sql } from 'drizzle-orm'
import { getEnv } from '#app/utils/env.server.ts'
import { utcDay } from '#app/utils/time.ts'
import { getDb, type DB } from '#db/index.ts'
import { sessions, users } from '#db/schema.ts'

// Sessions as Lucia's current guide teaches: token `id.secret`, only SHA-256(secret) stored,
// compared in constant time, inactivity timeout with a periodic extension.
// Both times are kept to the UTC day, and the extension is written only by a GET: a session row
// must not say when, within a day, its user did something (an anonymous submission is a POST).
// docs/decisions/001-anonymity-against-a-database-reader.md
export const INACTIVITY_TIMEOUT_MS = 1000 * 60 * 60 * 24 * 10

export const sessionCookie = createCookie('voce_session', {
	httpOnly: true,
	sameSite: 'lax',
	path: '/',
	secure: getEnv().NODE_ENV === 'production',
	maxAge: INACTIVITY_TIMEOUT_MS / 1000,
})

/**
 * An office board's sign-in (decision 056), kept about a year (it lasts until revoked). Only
 * /board reads it; its path is / because Remix fetches the page's data from /board.data.
 */
export const boardCookie = createCookie('voce_board', {
	httpOnly: true,
	sameSite: 'lax',
	path: '/',
	secure: getEnv().NODE_ENV === 'production',
	maxAge: 60 * 60 * 24 * 400,
})

export function hashSecret(secret: string) {
	return crypto.createHash('sha256').update(secret).digest()
}

/** A random id and a 32-byte secret, joined as the token the client keeps. */
export function generateToken() {
	const id = crypto.randomBytes(18).toString('base64url')
	const secret = crypto.randomBytes(32).toString('base64url')
	return { id, secret, token: `${id}.${secret}` }
}

export function splitToken(token: string) {
	const parts = token.split('.')
	if (parts.length !== 2 || !parts[0] || !parts[1]) return null
	return { id: parts[0], secret: parts[1] }
}

export function secretMatches(secret: string, storedHash: Buffer) {
	const hash = hashSecret(secret)
	return hash.length === storedHash.length && crypto.timingSafeEqual(hash, storedHash)
}

export function createSession(userId: string, now = new Date()) {
	const { id, secret, token } = generateToken()
	getDb()
		.insert(sessions)
		.values({ id, userId, secretHash: hashSecret(secret), lastVerifiedAt: utcDay(now), createdAt: utcDay(now) })
		.run()
	return { id, token }
}

// Every request looks its session up: the statement is built and prepared once per connection.
const lookups = new WeakMap<DB, ReturnType<typeof prepareSessionLookup>>()
function prepareSessionLookup(db: DB) {
	return db
		.select({
			secretHash: sessions.secretHash,
			lastVerifiedAt: sessions.lastVerifiedAt,
			user: {
				id: users.id,
				email: users.email,
				name: users.name,
				role: users.role,
				departmentId: users.departmentId,
				locale: users.locale,
			},
			deactivatedAt: users.deactivatedAt,
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
}
function sessionLookup(db: DB) {
	let lookup = lookups.get(db)
	if (!lookup) {
		lookup = prepareSessionLookup(db)
		lookups.set(db, lookup)
	}
	return lookup
}

/**
 * Returns the session's user, or null when the token is unknown, wrong, expired or its
 * user is deactivated. With `extend` (GET requests), the first use on a new UTC day moves the
 * inactivity window to that day; `extended` says it moved (refresh the cookie).
 */
export function validateSessionToken(token: string, { now = new Date(), extend = true }: { now?: Date; extend?: boolean } = {}) {
	const parts = splitToken(token)
	if (!parts) return null
	const db = getDb()
	const row = sessionLookup(db).get({ id: parts.id })
	if (!row || !secretMatches(parts.secret, row.secretHash)) return null
	const idleFor = now.getTime() - row.lastVerifiedAt.getTime()
	if (idleFor >= INACTIVITY_TIMEOUT_MS || row.deactivatedAt) {
		invalidateSession(parts.id)
		return null
	}
	let extended = false
	const today = utcDay(now)
	if (extend && today.getTime() > row.lastVerifiedAt.getTime()) {
		db.update(sessions).set({ lastVerifiedAt: today }).where(eq(sessions.id, parts.id)).run()
		extended = true
	}
	return { sessionId: parts.id, user: row.user, extended }
}

export function invalidateSession(sessionId: string) {
	getDb().delete(sessions).where(eq(sessions.id, sessionId)).run()
}

export function invalidateUserSessions(userId: string, exceptSessionId?: string) {
	const ofUser = eq(sessions.userId, userId)
	getDb()
		.delete(sessions)
		.where(exceptSessionId ? and(ofUser, ne(sessions.id, exceptSessionId)) : ofUser)
		.run()
}
