import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createSession, INACTIVITY_TIMEOUT_MS, invalidateSession, validateSessionToken } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { sessions } from '#db/schema.ts'
import { demoUser } from '#tests/utils.ts'

const HOUR = 60 * 60 * 1000

function sessionRow(id: string) {
	return getDb().select().from(sessions).where(eq(sessions.id, id)).get()
}

test('a new session validates and stores only a hash of its secret', () => {
	const user = demoUser('employee')
	const { id, token } = createSession(user.id)
	const secret = token.split('.')[1]!
	expect(secret.length).toBeGreaterThanOrEqual(43) // 32 random bytes, base64url
	const row = sessionRow(id)!
	expect(row.secretHash.length).toBe(32)
	expect(row.secretHash.toString('base64url')).not.toBe(secret)
	expect(JSON.stringify(row)).not.toContain(secret)
	expect(validateSessionToken(token)?.user.email).toBe(user.email)
})

test('a token with a wrong secret or malformed shape is refused', () => {
	const { id, token } = createSession(demoUser('employee').id)
	expect(validateSessionToken(`${id}.${'A'.repeat(43)}`)).toBeNull()
	expect(validateSessionToken(id)).toBeNull()
	expect(validateSessionToken(`${token}.extra`)).toBeNull()
	expect(validateSessionToken('')).toBeNull()
	// The real token still works after the failed tries.
	expect(validateSessionToken(token)).not.toBeNull()
})

test('every login gets a new session id', () => {
	const userId = demoUser('employee').id
	const a = createSession(userId)
	const b = createSession(userId)
	expect(a.id).not.toBe(b.id)
})

const DAY = 24 * HOUR

test('a session unused for the inactivity timeout (counted from the day of its last use) expires and is deleted', () => {
	const start = new Date('2026-01-01T08:00:00Z')
	const midnight = new Date('2026-01-01T00:00:00Z').getTime()
	const { id, token } = createSession(demoUser('employee').id, start)
	const justBefore = new Date(midnight + INACTIVITY_TIMEOUT_MS - 1)
	expect(validateSessionToken(token, { now: justBefore })).not.toBeNull()
	// That use moved the window to its day, so measure from that day.
	const afterIdle = new Date(midnight + INACTIVITY_TIMEOUT_MS - DAY + INACTIVITY_TIMEOUT_MS)
	expect(validateSessionToken(token, { now: afterIdle })).toBeNull()
	expect(sessionRow(id)).toBeUndefined()
})

test('a session row keeps only the UTC day of its creation and last use', () => {
	const start = new Date('2026-01-01T08:13:27.456Z')
	const { id } = createSession(demoUser('employee').id, start)
	const row = sessionRow(id)!
	expect(row.createdAt.toISOString()).toBe('2026-01-01T00:00:00.000Z')
	expect(row.lastVerifiedAt.toISOString()).toBe('2026-01-01T00:00:00.000Z')
})

test('a GET extends the session on the first use of a new day; a POST never writes the session', () => {
	const start = new Date('2026-01-01T08:00:00Z')
	const { id, token } = createSession(demoUser('employee').id, start)
	const sameDay = new Date('2026-01-01T23:59:00Z')
	expect(validateSessionToken(token, { now: sameDay })?.extended).toBe(false)
	expect(sessionRow(id)!.lastVerifiedAt.toISOString()).toBe('2026-01-01T00:00:00.000Z')

	const nextDayPost = new Date('2026-01-02T09:41:05Z')
	expect(validateSessionToken(token, { now: nextDayPost, extend: false })?.extended).toBe(false)
	expect(sessionRow(id)!.lastVerifiedAt.toISOString()).toBe('2026-01-01T00:00:00.000Z')

	const nextDayGet = new Date('2026-01-02T09:42:11Z')
	expect(validateSessionToken(token, { now: nextDayGet })?.extended).toBe(true)
	expect(sessionRow(id)!.lastVerifiedAt.toISOString()).toBe('2026-01-02T00:00:00.000Z')

	// Past the original expiry, still valid because it was used.
	const pastOriginalExpiry = new Date(start.getTime() + INACTIVITY_TIMEOUT_MS + HOUR)
	expect(validateSessionToken(token, { now: pastOriginalExpiry })).not.toBeNull()
})

test('logging out ends the session on the server', () => {
	const { id, token } = createSession(demoUser('employee').id)
	invalidateSession(id)
	expect(validateSessionToken(token)).toBeNull()
	expect(sessionRow(id)).toBeUndefined()
})
