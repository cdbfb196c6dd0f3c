import { redirect } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { plainError } from '#app/utils/http.server.ts'
import { loginLockedForMinutes, recordLoginFailure, recordLoginSuccess } from '#app/utils/login-limit.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'
import { verifyAgainstDummy, verifyPassword } from '#app/utils/password.server.ts'
import { hasPermission, type Permission } from '#app/utils/permissions.ts'
import { createSession, invalidateSession, sessionCookie, validateSessionToken } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { users } from '#db/schema.ts'

async function readToken(request: Request): Promise<string | null> {
	const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'))
	return typeof value === 'string' ? value : null
}

/** The signed-in user, and a cookie to send back when the inactivity window moved. */
// The root loader and the page's loader both ask who is signed in: a GET looks it up once.
// Not a POST: its action may change the session or the user before the loaders run.
const authOfRequest = new WeakMap<Request, ReturnType<typeof lookUpAuth>>()

export function getAuth(request: Request) {
	if (request.method !== 'GET' && request.method !== 'HEAD') return lookUpAuth(request)
	let auth = authOfRequest.get(request)
	if (!auth) {
		auth = lookUpAuth(request)
		authOfRequest.set(request, auth)
	}
	return auth
}

async function lookUpAuth(request: Request) {
	const token = await readToken(request)
	if (!token) return null
	const result = validateSessionToken(token, { extend: request.method === 'GET' || request.method === 'HEAD' })
	if (!result) return null
	const setCookie = result.extended ? await sessionCookie.serialize(token) : null
	return { user: result.user, sessionId: result.sessionId, setCookie }
}

export async function getUser(request: Request) {
	return (await getAuth(request))?.user ?? null
}

export async function requireUser(request: Request) {
	const user = await getUser(request)
	if (!user) {
		const url = new URL(request.url)
		const redirectTo = `${url.pathname}${url.search}`
		const params = redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`
		throw redirect(`/login${params}`)
	}
	return user
}

export async function requireAnonymous(request: Request) {
	if (await getUser(request)) throw redirect('/')
}

export async function requirePermission(request: Request, permission: Permission) {
	const user = await requireUser(request)
	if (!hasPermission(user.role, permission)) {
		// Translated here, not by the page: resource routes (downloads) show this body as it is.
		throw await plainError(request, user, 403, 'errors.forbiddenBody')
	}
	return user
}

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; minutes: number }

export async function verifyLogin(email: string, password: string, ip: string): Promise<LoginResult> {
	const minutes = await loginLockedForMinutes(email, ip)
	if (minutes > 0) return { ok: false, reason: 'locked', minutes }
	const user = getDb()
		.select({ id: users.id, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
		.from(users)
		.where(eq(users.email, email))
		.get()
	const valid =
		user?.passwordHash && !user.deactivatedAt ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password)
	if (!valid || !user) {
		await recordLoginFailure(email, ip)
		return { ok: false, reason: 'invalid' }
	}
	await recordLoginSuccess(email)
	return { ok: true, userId: user.id }
}

/** A new session (new id) at every login; the cookie goes out with the redirect. */
export async function startSession(userId: string, redirectTo: string | null, extraHeaders?: HeadersInit) {
	const { token } = createSession(userId)
	const headers = new Headers(extraHeaders)
	headers.append('Set-Cookie', await sessionCookie.serialize(token))
	return redirect(safeRedirect(redirectTo), { headers })
}

export async function logout(request: Request) {
	const auth = await getAuth(request)
	if (auth) invalidateSession(auth.sessionId)
	return redirect('/login', {
		headers: { 'Set-Cookie': await sessionCookie.serialize('', { maxAge: 0 }) },
	})
}

export function getClientIp(context: unknown) {
	const ip = (context as { clientIp?: unknown } | undefined)?.clientIp
	return typeof ip === 'string' && ip ? ip : 'unknown'
}
