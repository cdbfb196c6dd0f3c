import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#db/index.ts'
import { sessions } from '#db/schema.ts'
import { setUserActive } from '#app/models/user.server.ts'
import { demoUser } from '#tests/utils.ts'
import {
	ACTIVITY_CHECK_INTERVAL_MS,
	createSession,
	INACTIVITY_TIMEOUT_MS,
	invalidateSession,
	validateSessionToken,
} from './session.server.ts'

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

test('a session unused for the inactivity timeout expires and is deleted', () => {
	const start = new Date('2026-01-01T08:00:00Z')
	const { id, token } = createSession(demoUser('employee').id, start)
	const justBefore = new Date(start.getTime() + INACTIVITY_TIMEOUT_MS - 1)
	expect(validateSessionToken(token, justBefore)).not.toBeNull()
	// That use moved the window, so measure from it.
	const afterIdle = new Date(justBefore.getTime() + INACTIVITY_TIMEOUT_MS)
	expect(validateSessionToken(token, afterIdle)).toBeNull()
	expect(sessionRow(id)).toBeUndefined()
})

test('use extends the session, at most once per activity interval', () => {
	const start = new Date('2026-01-01T08:00:00Z')
	const { id, token } = createSession(demoUser('employee').id, start)
	const soon = new Date(start.getTime() + ACTIVITY_CHECK_INTERVAL_MS / 2)
	expect(validateSessionToken(token, soon)?.extended).toBe(false)
	expect(sessionRow(id)!.lastVerifiedAt.getTime()).toBe(start.getTime())

	const later = new Date(start.getTime() + 2 * HOUR)
	expect(validateSessionToken(token, later)?.extended).toBe(true)
	expect(sessionRow(id)!.lastVerifiedAt.getTime()).toBe(later.getTime())

	// Past the original expiry, still valid because it was used.
	const pastOriginalExpiry = new Date(start.getTime() + INACTIVITY_TIMEOUT_MS + HOUR)
	expect(validateSessionToken(token, pastOriginalExpiry)).not.toBeNull()
})

test('logging out ends the session on the server', () => {
	const { id, token } = createSession(demoUser('employee').id)
	invalidateSession(id)
	expect(validateSessionToken(token)).toBeNull()
	expect(sessionRow(id)).toBeUndefined()
})

test('deactivating a user ends all their sessions at once', () => {
	const user = demoUser('manager')
	const tokens = [createSession(user.id), createSession(user.id), createSession(user.id)]
	setUserActive(user.id, false, demoUser('admin').id)
	for (const { token, id } of tokens) {
		expect(validateSessionToken(token)).toBeNull()
		expect(sessionRow(id)).toBeUndefined()
	}
	// Reactivation does not bring old sessions back.
	setUserActive(user.id, true, demoUser('admin').id)
	expect(validateSessionToken(tokens[0]!.token)).toBeNull()
})
