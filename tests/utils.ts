import { eq } from 'drizzle-orm'
import { getEnv, resetEnvCache } from '#app/utils/env.server.ts'
import { type Role } from '#app/utils/permissions.ts'
import { createSession, sessionCookie } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { users } from '#db/schema.ts'
import { DEMO_LOGINS } from '#db/seed.ts'

export const BASE = 'http://127.0.0.1:3000'

export function demoUser(role: Role) {
	const user = getDb().select().from(users).where(eq(users.email, DEMO_LOGINS[role])).get()
	if (!user) throw new Error(`Demo ${role} missing from the test database`)
	return user
}

/** A Cookie header for a fresh session of this user. */
export async function sessionCookieFor(userId: string) {
	const { token } = createSession(userId)
	const setCookie = await sessionCookie.serialize(token)
	return setCookie.split(';')[0]!
}

/** A form post; a list is sent as the field repeated, as checkboxes are. */
export function formRequest(url: string, fields: Record<string, string | string[]>, cookie?: string) {
	const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
	if (cookie) headers.set('Cookie', cookie)
	const body = new URLSearchParams()
	for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one)
	return new Request(`${BASE}${url}`, { method: 'POST', headers, body })
}

export function getRequest(url: string, cookie?: string) {
	return new Request(`${BASE}${url}`, { headers: cookie ? { Cookie: cookie } : {} })
}

/** What `httpError` throws: Remix's `data(…, { status })`. */
export type Thrown = { type: 'DataWithResponseInit'; data: unknown; init: { status?: number } | null }

function isThrownData(error: unknown): error is Thrown {
	return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'DataWithResponseInit'
}

/** Runs a loader or action, returning what it threw (a redirect, or a 4xx from `httpError`) as the result. */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response | Thrown> {
	try {
		return await run()
	} catch (error) {
		if (error instanceof Response || isThrownData(error)) return error
		throw error
	}
}

export const context = { cspNonce: 'test', clientIp: '203.0.113.7' }

/** The HTTP status of what a loader or action returned: a Response, `data(…, { status })` or plain data (200). */
export function statusOf(result: unknown): number {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } | null }).init?.status ?? 200
}

/** Sets (or, for undefined, removes) environment variables; Voce reads them again, and `resets` forget what was built from them. */
export function setEnv(values: Record<string, string | undefined>, ...resets: Array<() => void>) {
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined) delete process.env[key]
		else process.env[key] = value
	}
	resetEnvCache()
	for (const reset of resets) reset()
}

/** The start-up error these settings cause ('' when they are fine); the settings are put back after. */
export function configurationProblem(values: Record<string, string | undefined>, ...resets: Array<() => void>) {
	const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]))
	setEnv(values, ...resets)
	try {
		getEnv()
		return ''
	} catch (error) {
		return (error as Error).message
	} finally {
		setEnv(before, ...resets)
	}
}
