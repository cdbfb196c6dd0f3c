import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { action } from '#app/routes/_auth+/login.tsx'
import { action as logoutAction } from '#app/routes/_auth+/logout.tsx'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { resetLoginLimits } from '#app/utils/login-limit.server.ts'
import { sessionCookie, validateSessionToken } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { sessions } from '#db/schema.ts'
import { DEMO_LOGINS, DEMO_PASSWORD } from '#db/seed.ts'
import { context, demoUser, formRequest, settle, statusOf } from '#tests/utils.ts'

function login(email: string, password: string, ip = context.clientIp) {
	return settle(() => action({ request: formRequest('/login', { email, password }), context: { ...context, clientIp: ip }, params: {} }))
}

function errorsOf(result: unknown) {
	return JSON.stringify((result as { data: unknown }).data)
}

test('a correct login sets a session cookie and redirects home', async () => {
	const result = await login(DEMO_LOGINS.employee, DEMO_PASSWORD)
	expect(result).toBeInstanceOf(Response)
	const response = result as Response
	expect(response.status).toBe(302)
	expect(response.headers.get('Location')).toBe('/')
	const cookie = response.headers.get('Set-Cookie')!
	expect(cookie).toMatch(/HttpOnly/i)
	expect(cookie).toMatch(/SameSite=Lax/i)
	const token = (await sessionCookie.parse(cookie)) as string
	expect(validateSessionToken(token)?.user.email).toBe(DEMO_LOGINS.employee)
})

test('the e-mail is matched case-insensitively and the redirect stays on this site', async () => {
	const response = (await settle(() =>
		action({
			request: formRequest('/login', {
				email: DEMO_LOGINS.employee.toUpperCase(),
				password: DEMO_PASSWORD,
				redirectTo: '//evil.example/phish',
			}),
			context,
			params: {},
		}),
	)) as Response
	expect(response.status).toBe(302)
	expect(response.headers.get('Location')).toBe('/')
})

test('a wrong password is refused with a message and the e-mail kept', async () => {
	const result = await login(DEMO_LOGINS.employee, 'not the password')
	expect(statusOf(result)).toBe(400)
	expect(errorsOf(result)).toContain('E-mail or password is not correct.')
	expect(errorsOf(result)).toContain(DEMO_LOGINS.employee)
	expect(errorsOf(result)).not.toContain('not the password')
})

test('a deactivated user cannot log in', async () => {
	const result = await login('gabriele.ferraro@aurora-bank.example', DEMO_PASSWORD)
	expect(statusOf(result)).toBe(400)
})

test('after 5 failures the account is locked, even for the right password, with a clear message', async () => {
	for (let i = 0; i < 5; i++) expect(statusOf(await login(DEMO_LOGINS.manager, `wrong-${i}`))).toBe(400)
	const locked = await login(DEMO_LOGINS.manager, DEMO_PASSWORD)
	expect(statusOf(locked)).toBe(429)
	expect(errorsOf(locked)).toMatch(/Too many failed attempts\. Try again in 15 minutes\./)
	// Another account from another IP is unaffected.
	expect(statusOf(await login(DEMO_LOGINS.leader, DEMO_PASSWORD, '198.51.100.9'))).toBe(302)
})

test('one IP trying many accounts is locked out', async () => {
	process.env.LOGIN_MAX_FAILURES_PER_IP = '3'
	resetEnvCache()
	resetLoginLimits()
	try {
		for (const email of ['a@x.example', 'b@x.example', 'c@x.example']) await login(email, 'guess-guess-guess')
		expect(statusOf(await login(DEMO_LOGINS.admin, DEMO_PASSWORD))).toBe(429)
		expect(statusOf(await login(DEMO_LOGINS.admin, DEMO_PASSWORD, '198.51.100.10'))).toBe(302)
	} finally {
		delete process.env.LOGIN_MAX_FAILURES_PER_IP
		resetEnvCache()
	}
})

test('an invalid form comes back with field errors and a 400', async () => {
	const result = await login('not-an-email', '')
	expect(statusOf(result)).toBe(400)
	expect(errorsOf(result)).toContain('validation.email')
	expect(errorsOf(result)).toContain('validation.required')
})

test('logout deletes the session row and clears the cookie', async () => {
	const response = (await login(DEMO_LOGINS.employee, DEMO_PASSWORD)) as Response
	const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!
	const token = (await sessionCookie.parse(cookie)) as string
	const id = token.split('.')[0]!
	const out = await logoutAction({
		request: new Request('http://127.0.0.1:3000/logout', { method: 'POST', headers: { Cookie: cookie } }),
		context,
		params: {},
	})
	expect(out.status).toBe(302)
	expect(out.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)
	expect(getDb().select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined()
	expect(validateSessionToken(token)).toBeNull()
	expect(demoUser('employee')).toBeTruthy()
})
