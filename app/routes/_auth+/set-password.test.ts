import { expect, test } from 'vitest'
import { createPasswordSetup, createUser, findPasswordSetup } from '#app/models/user.server.ts'
import { action as setPasswordAction, loader as setPasswordLoader } from '#app/routes/_auth+/set-password.$token.tsx'
import { sessionCookie, validateSessionToken } from '#app/utils/session.server.ts'
import { context, formRequest, settle, statusOf } from '#tests/utils.ts'

test('a set-password link works once, then never again', async () => {
	const user = createUser({ name: 'Teresa Neri', email: 'teresa.neri@aurora-bank.example', role: 'employee', departmentId: null }, null)
	const token = createPasswordSetup(user.id)
	expect(statusOf(await setPasswordLoader({ request: new Request('http://x/'), context, params: { token } }))).toBe(200)

	const mismatch = await setPasswordAction({
		request: formRequest(`/set-password/${token}`, { password: 'a long enough password', confirm: 'something else entirely' }),
		context,
		params: { token },
	})
	expect(statusOf(mismatch)).toBe(400)
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
	expect(statusOf(await setPasswordLoader({ request: new Request('http://x/'), context, params: { token } }))).toBe(404)
	const again = await settle(() =>
		setPasswordAction({
			request: formRequest(`/set-password/${token}`, { password: 'another long password', confirm: 'another long password' }),
			context,
			params: { token },
		}),
	)
	expect(statusOf(again)).toBe(404)
})
