import { beforeEach, expect, test, vi } from 'vitest'
import { RESET_LIMITS } from '#app/models/account.server.ts'
import { findPasswordSetup, getUserById, RESET_LINK_TTL_MS, setUserActive } from '#app/models/user.server.ts'
import { action as forgotAction, loader as forgotLoader } from '#app/routes/_auth+/forgot-password.tsx'
import { action as setPasswordAction, loader as setPasswordLoader } from '#app/routes/_auth+/set-password.$token.tsx'
import { action as editUserAction } from '#app/routes/admin+/users.$userId.tsx'
import { action as newUserAction } from '#app/routes/admin+/users.new.tsx'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { readFlash } from '#app/utils/flash.server.ts'
import { validateSessionToken } from '#app/utils/session.server.ts'
import { withSmtpServer, type Received } from '#tests/smtp.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

const inbox: Received[] = []
withSmtpServer(inbox)
beforeEach(() => {
	inbox.length = 0
})

const APP = 'https://voce.aurora-bank.example'
const LINK = new RegExp(`${APP}/set-password/([\\w.-]+)`)

type Answer = { data?: { result: { error?: Record<string, string[]> } }; sentTo?: string | null; result?: unknown }
const forgot = (email: string, ip = '203.0.113.7', cookie?: string) =>
	settle(() =>
		forgotAction({ request: formRequest('/forgot-password', { email }, cookie), context: { ...context, clientIp: ip }, params: {} }),
	)

/** The e-mail that arrives for this address, waited for (resets are sent after the answer). */
async function mailTo(address: string, count = 1) {
	await vi.waitFor(() => expect(inbox.filter((m) => m.to.includes(address)).length).toBeGreaterThanOrEqual(count), { timeout: 5000 })
	return inbox.filter((m) => m.to.includes(address)).at(-1)!
}
const tokenIn = (mail: Received) => LINK.exec(mail.text)![1]!

test('someone who forgot their password gets a one-hour link by e-mail; setting it signs them in and ends their other sessions', async () => {
	const employee = demoUser('employee')
	const elsewhere = (await sessionCookieFor(employee.id)).split('=')[1]!
	const answer = (await forgot('  Giulia.Rossi@aurora-bank.example ')) as Answer
	expect(statusOf(answer)).toBe(200)
	expect(answer.sentTo).toBe(employee.email)

	const mail = await mailTo(employee.email)
	expect(mail.subject).toBe('Your Voce password')
	expect(mail.text).toContain(`Hello ${employee.name},`)
	expect(mail.html).toContain('Choose a new password')
	const token = tokenIn(mail)
	const setup = findPasswordSetup(token)!
	expect(setup.userId).toBe(employee.id)
	// It works for an hour, not the week of an invitation.
	expect(findPasswordSetup(token, new Date(Date.now() + RESET_LINK_TTL_MS - 60_000))).not.toBeNull()
	expect(findPasswordSetup(token, new Date(Date.now() + RESET_LINK_TTL_MS + 60_000))).toBeNull()

	const page = (await setPasswordLoader({ request: getRequest(`/set-password/${token}`), context, params: { token } })) as {
		setup: { reset: boolean }
	}
	expect(page.setup.reset).toBe(true)
	const done = (await setPasswordAction({
		request: formRequest(`/set-password/${token}`, { password: 'a brand new sentence', confirm: 'a brand new sentence' }),
		context,
		params: { token },
	})) as Response
	expect(done.status).toBe(302)
	expect(done.headers.get('Set-Cookie')).toContain('voce_session=')
	expect(validateSessionToken(decodeURIComponent(elsewhere))).toBeNull()
	// Spent: the link does not work twice.
	expect(findPasswordSetup(token)).toBeNull()
})

test('the answer is the same whether or not the address has an account, and nobody else gets an e-mail', async () => {
	const unknown = (await forgot('nobody@aurora-bank.example')) as Answer
	const known = (await forgot(demoUser('manager').email)) as Answer
	expect(statusOf(unknown)).toBe(200)
	expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort())
	expect(unknown.sentTo).toBe('nobody@aurora-bank.example')
	await mailTo(demoUser('manager').email)
	// A deactivated account gets nothing either.
	const leaver = demoUser('leader')
	setUserActive(leaver.id, false, demoUser('admin').id)
	expect(statusOf(await forgot(leaver.email))).toBe(200)
	await new Promise((resolve) => setTimeout(resolve, 300))
	expect(inbox.map((m) => m.to).flat()).toEqual([demoUser('manager').email])
	setUserActive(leaver.id, true, demoUser('admin').id)
})

test('a second request replaces the first link; an address asked for too often gets no more e-mails, an IP asking too often is told to wait', async () => {
	const manager = demoUser('manager')
	await forgot(manager.email, '198.51.100.1')
	const first = tokenIn(await mailTo(manager.email))
	await forgot(manager.email, '198.51.100.2')
	const second = tokenIn(await mailTo(manager.email, 2))
	expect(findPasswordSetup(first)).toBeNull()
	expect(findPasswordSetup(second)).not.toBeNull()
	for (let i = 2; i < RESET_LIMITS.perAddress + 2; i++) expect(statusOf(await forgot(manager.email, `198.51.100.${i + 1}`))).toBe(200)
	await new Promise((resolve) => setTimeout(resolve, 300))
	expect(inbox.filter((m) => m.to.includes(manager.email))).toHaveLength(RESET_LIMITS.perAddress)

	for (let i = 0; i < RESET_LIMITS.perIp; i++) expect(statusOf(await forgot(`someone${i}@elsewhere.example`, '192.0.2.9'))).toBe(200)
	const tooMany = (await forgot('someone@elsewhere.example', '192.0.2.9')) as Answer
	expect(statusOf(tooMany)).toBe(429)
	expect(tooMany.data!.result.error!['']).toEqual(['forgot.tooMany'])
})

test('a malformed address is refused with what was typed; someone signed in is sent home', async () => {
	const bad = (await forgot('not-an-address')) as Answer
	expect(statusOf(bad)).toBe(400)
	expect(bad.data!.result.error!.email).toEqual(['validation.email'])
	const cookie = await sessionCookieFor(demoUser('employee').id)
	expect(statusOf(await settle(() => forgotLoader({ request: getRequest('/forgot-password', cookie), context, params: {} })))).toBe(302)
})

test('a new account gets its invitation by e-mail; a new invitation replaces the old link; if the mail server is down the admin still gets the link', async () => {
	const admin = await sessionCookieFor(demoUser('admin').id)
	const created = (await newUserAction({
		request: formRequest(
			'/admin/users/new',
			{ name: 'Rita Marchetti', email: 'rita.marchetti@aurora-bank.example', role: 'employee' },
			admin,
		),
		context,
		params: {},
	})) as Response
	expect(created.status).toBe(302)
	const invitation = await mailTo('rita.marchetti@aurora-bank.example')
	expect(invitation.subject).toBe('You are invited to Voce')
	expect(invitation.text).toContain('Hello Rita Marchetti,')
	const first = tokenIn(invitation)
	const userId = created.headers.get('Location')!.split('/').pop()!
	expect(findPasswordSetup(first)).toMatchObject({ userId, reset: false })
	// The link works for the week of an invitation.
	expect(findPasswordSetup(first, new Date(Date.now() + 6 * 86_400_000))).not.toBeNull()

	await editUserAction({ request: formRequest(`/admin/users/${userId}`, { intent: 'setup-link' }, admin), context, params: { userId } })
	const second = tokenIn(await mailTo('rita.marchetti@aurora-bank.example', 2))
	expect(findPasswordSetup(first)).toBeNull()
	expect(findPasswordSetup(second)?.userId).toBe(userId)

	const smtp = process.env.SMTP_URL
	process.env.SMTP_URL = 'smtp://127.0.0.1:9?ignoreTLS=true'
	resetEnvCache()
	try {
		const refused = (await editUserAction({
			request: formRequest(`/admin/users/${userId}`, { intent: 'setup-link' }, admin),
			context,
			params: { userId },
		})) as Response
		expect(refused.status).toBe(302)
		const cookie = refused.headers.get('Set-Cookie')!.split(';')[0]!
		const { flash } = await readFlash(getRequest(`/admin/users/${userId}`, cookie))
		expect(flash.toast).toMatchObject({ kind: 'error', message: 'users.newSetupLinkNotEmailed' })
		// The link the admin copies works, and it is the only one that does.
		const third = LINK.exec(flash.setupLink!.url)![1]!
		expect(findPasswordSetup(third)?.userId).toBe(userId)
		expect(getUserById(userId)?.hasPassword).toBeFalsy()
	} finally {
		process.env.SMTP_URL = smtp
		resetEnvCache()
	}
	expect(findPasswordSetup(second)).toBeNull()
})
