import { RateLimiterMemory } from 'rate-limiter-flexible'
import { getEnv } from '#app/utils/env.server.ts'

// Failed logins only are counted, per account and per IP; a success clears the account's count.
// Memory is enough: Voce runs as one process (docs/decisions/004-login-rate-limit.md).
type Limiters = { account: RateLimiterMemory; ip: RateLimiterMemory }
let limiters: Limiters | undefined

function getLimiters(): Limiters {
	if (limiters) return limiters
	const env = getEnv()
	const duration = env.LOGIN_LOCKOUT_MINUTES * 60
	limiters = {
		account: new RateLimiterMemory({
			keyPrefix: 'login-account',
			points: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
			duration,
			blockDuration: duration,
		}),
		ip: new RateLimiterMemory({
			keyPrefix: 'login-ip',
			points: env.LOGIN_MAX_FAILURES_PER_IP,
			duration,
			blockDuration: duration,
		}),
	}
	return limiters
}

export function resetLoginLimits() {
	limiters = undefined
}

/** Minutes until a locked account or IP may try again, or 0 when it may try now. */
export async function loginLockedForMinutes(email: string, ip: string) {
	const { account, ip: byIp } = getLimiters()
	const [a, i] = await Promise.all([account.get(email), byIp.get(ip)])
	const blocked = [a && a.consumedPoints >= account.points ? a.msBeforeNext : 0, i && i.consumedPoints >= byIp.points ? i.msBeforeNext : 0]
	const ms = Math.max(...blocked)
	return ms > 0 ? Math.ceil(ms / 60_000) : 0
}

export async function recordLoginFailure(email: string, ip: string) {
	const { account, ip: byIp } = getLimiters()
	// consume() rejects once the limit is passed; the block is what we want, not an error.
	await Promise.allSettled([account.consume(email), byIp.consume(ip)])
}

export async function recordLoginSuccess(email: string) {
	await getLimiters().account.delete(email)
}
