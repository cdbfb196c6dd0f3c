import { count, isNull } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { action as setPasswordAction, loader as setPasswordLoader } from '#app/routes/set-password.$token.tsx'
import { sessionCookie, validateSessionToken } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { users } from '#db/schema.ts'
import { context, formRequest, settle } from '#tests/utils.ts'
import { createPasswordSetup, createUser, findPasswordSetup, listUsers, SETUP_LINK_TTL_MS } from './user.server.ts'

const status = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200))

function newUser(email: string) {
	return createUser({ name: 'Teresa Neri', email, role: 'employee', departmentId: null })
}

test('a set-password link works once, then never again', async () => {
	const user = newUser('teresa.neri@aurora-bank.example')
	const token = createPasswordSetup(user.id)
	expect(status(await setPasswordLoader({ request: new Request('http://x/'), context, params: { token } }))).toBe(200)

	const mismatch = await setPasswordAction({
		request: formRequest(`/set-password/${token}`, { password: 'a long enough password', confirm: 'something else entirely' }),
		context,
		params: { token },
	})
	expect(status(mismatch)).toBe(400)
	expect(JSON.stringify((mismatch as { data: unknown }).data)).toContain('validation.passwordsDiffer')
	expect(findPasswordSetup(token)).not.toBeNull()

	const done = (await setPasswordAction({
		request: formRequest(`/set-password/${token}`, { password: 'a long enough password', confirm: 'a long enough password' }),
		context,
		params: { token },
	})) as Response
	expect(done.status).toBe(302)
	const cookie = done.headers.getSetCookie().find((c) => c.startsWith('voce_session='))!
	const sessionToken = (await sessionCookie.parse(cookie.split(';')[0]!)) as string
	expect(validateSessionToken(sessionToken)?.user.id).toBe(user.id)

	expect(findPasswordSetup(token)).toBeNull()
	expect(status(await setPasswordLoader({ request: new Request('http://x/'), context, params: { token } }))).toBe(404)
	const again = await settle(() =>
		setPasswordAction({
			request: formRequest(`/set-password/${token}`, { password: 'another long password', confirm: 'another long password' }),
			context,
			params: { token },
		}),
	)
	expect(status(again)).toBe(404)
})

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
