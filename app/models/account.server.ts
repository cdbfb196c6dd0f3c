import { RateLimiterMemory } from 'rate-limiter-flexible'
import { accountEmail } from '#app/emails/account.tsx'
import { activeAccountByEmail, createPasswordSetup, getUserById, RESET_LINK_TTL_MS } from '#app/models/user.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { DEFAULT_LOCALE, getT, isLocale } from '#app/utils/i18n.ts'
import { logger } from '#app/utils/logger.server.ts'
import { sendMail } from '#app/utils/mailer.server.ts'

// Invitations and password resets by e-mail (issue 20; docs/decisions/061-invitations-and-resets.md).

const appUrl = () => getEnv().APP_URL.replace(/\/$/, '')
const setPasswordUrl = (token: string) => `${appUrl()}/set-password/${token}`

async function mailLink(kind: 'invitation' | 'reset', to: { name: string; email: string; locale: string | null }, url: string) {
	const locale = to.locale && isLocale(to.locale) ? to.locale : DEFAULT_LOCALE
	await sendMail({ to: to.email, ...accountEmail({ kind, name: to.name, url, t: getT(locale), locale, appUrl: appUrl() }) })
}

/**
 * A new one-time set-password link for an account, e-mailed to its owner (an invitation; older
 * links stop working) and returned for the admin to copy. `emailed` is false when the mail server
 * refused it: the link still works, and the admin can pass it on.
 */
export async function inviteUser(userId: string, actorId: string, now = new Date()) {
	const user = getUserById(userId)
	if (!user) throw new Error(`No user ${userId}`)
	const url = setPasswordUrl(createPasswordSetup(userId, now, actorId))
	try {
		await mailLink('invitation', user, url)
		return { url, emailed: true }
	} catch (error) {
		// The link is never logged: it is a credential.
		logger().warn({ err: error, userId }, 'The invitation e-mail could not be sent')
		return { url, emailed: false }
	}
}

/** At most this many reset e-mails to one address, and this many requests from one IP, an hour. */
export const RESET_LIMITS = { perAddress: 3, perIp: 20, windowSeconds: 3600 } as const

let limiters: { address: RateLimiterMemory; ip: RateLimiterMemory } | undefined
function resetLimiters() {
	limiters ??= {
		address: new RateLimiterMemory({ keyPrefix: 'reset-address', points: RESET_LIMITS.perAddress, duration: RESET_LIMITS.windowSeconds }),
		ip: new RateLimiterMemory({ keyPrefix: 'reset-ip', points: RESET_LIMITS.perIp, duration: RESET_LIMITS.windowSeconds }),
	}
	return limiters
}

/** Forgets the counts (tests). */
export function resetPasswordResetLimits() {
	limiters = undefined
}

const consumed = (limiter: RateLimiterMemory, key: string) =>
	limiter.consume(key).then(
		() => true,
		() => false,
	)

/**
 * "Forgot your password?": when the address belongs to an active account, a one-time link valid
 * for an hour is e-mailed to it, replacing older ones. The answer is the same whether or not it
 * does, and it comes before the e-mail is sent, so neither the words nor the time tell who has an
 * account. 'too-many' only when this IP asked too often; an address asked for too often quietly
 * gets no more e-mails for the hour.
 */
export async function requestPasswordReset(email: string, ip: string, now = new Date()): Promise<'answered' | 'too-many'> {
	const { address, ip: byIp } = resetLimiters()
	if (!(await consumed(byIp, ip))) return 'too-many'
	const account = activeAccountByEmail(email)
	if (!account || !(await consumed(address, email))) return 'answered'
	const url = setPasswordUrl(createPasswordSetup(account.id, now, null, RESET_LINK_TTL_MS))
	void mailLink('reset', account, url).catch((error: unknown) =>
		logger().warn({ err: error, userId: account.id }, 'The password reset e-mail could not be sent'),
	)
	return 'answered'
}
