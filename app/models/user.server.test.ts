import { count, eq, isNull } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createPasswordSetup, createUser, findPasswordSetup, listUsers, SETUP_LINK_TTL_MS, setUserActive } from '#app/models/user.server.ts'
import { createSession, validateSessionToken } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { sessions, users } from '#db/schema.ts'
import { demoUser } from '#tests/utils.ts'

function newUser(email: string) {
	return createUser({ name: 'Teresa Neri', email, role: 'employee', departmentId: null }, null)
}

test('a set-password link expires after 7 days and a new link replaces the old', () => {
	const user = newUser('expiring@aurora-bank.example')
	const now = new Date('2026-03-01T09:00:00Z')
	const token = createPasswordSetup(user.id, now)
	expect(findPasswordSetup(token, new Date(now.getTime() + SETUP_LINK_TTL_MS - 1000))).not.toBeNull()
	expect(findPasswordSetup(token, new Date(now.getTime() + SETUP_LINK_TTL_MS))).toBeNull()
	const fresh = createPasswordSetup(user.id, now)
	expect(findPasswordSetup(token, now)).toBeNull()
	expect(findPasswordSetup(fresh, now)?.userId).toBe(user.id)
	expect(findPasswordSetup('garbage', now)).toBeNull()
})

test('the user list searches name and e-mail, treats % and _ literally, and paginates', () => {
	expect(listUsers({ query: 'ROSSI' }).rows.map((r) => r.name)).toEqual(['Giulia Rossi'])
	expect(listUsers({ query: 'marco.ferri@' }).rows.map((r) => r.name)).toEqual(['Marco Ferri'])
	expect(listUsers({ query: '%' }).total).toBe(0)
	expect(listUsers({ query: '_' }).total).toBe(0)
	const active = getDb().select({ n: count() }).from(users).where(isNull(users.deactivatedAt)).get()!.n
	const all = getDb().select({ n: count() }).from(users).get()!.n
	expect(active).toBeGreaterThan(25)
	expect(active).toBeLessThanOrEqual(50)
	const first = listUsers({ page: 1 })
	const second = listUsers({ page: 2 })
	expect(first.total).toBe(active)
	expect(first.rows).toHaveLength(25)
	expect(second.rows).toHaveLength(active - 25)
	expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(active)
	expect(listUsers({ page: 99 }).page).toBe(2)
	expect(listUsers({ includeDeactivated: true }).total).toBe(all)
})

test('deactivating a user ends all their sessions at once', () => {
	const user = demoUser('manager')
	const tokens = [createSession(user.id), createSession(user.id), createSession(user.id)]
	setUserActive(user.id, false, demoUser('admin').id)
	for (const { token, id } of tokens) {
		expect(validateSessionToken(token)).toBeNull()
		expect(getDb().select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined()
	}
	// Reactivation does not bring old sessions back.
	setUserActive(user.id, true, demoUser('admin').id)
	expect(validateSessionToken(tokens[0]!.token)).toBeNull()
})
