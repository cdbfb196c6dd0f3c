import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { listDepartments } from '#app/models/department.server.ts'
import { getUserById, setUserActive } from '#app/models/user.server.ts'
import { resetOidc } from '#app/routes/_auth+/__oidc.server.ts'
import { action as loginAction, loader as loginLoader } from '#app/routes/_auth+/login.tsx'
import { action as logoutAction } from '#app/routes/_auth+/logout.tsx'
import { loader as callbackLoader } from '#app/routes/_auth+/sso.oidc_.callback.tsx'
import { loader as startLoader } from '#app/routes/_auth+/sso.oidc.tsx'
import { sessionCookie, validateSessionToken } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { auditLog, users } from '#db/schema.ts'
import { IDP_CLIENT, signInAtIdp, startOidcProvider, type Tamper } from '#tests/idp/oidc.ts'
import {
	BASE,
	configurationProblem,
	context,
	demoUser,
	formRequest,
	getRequest,
	settle,
	setEnv as setVariables,
	statusOf,
} from '#tests/utils.ts'

const NEWCOMER = 'bianca.neri@aurora-bank.example'
let idp: Awaited<ReturnType<typeof startOidcProvider>>
const SSO_ENV = (issuer: string): Record<string, string> => ({
	APP_URL: BASE,
	OIDC_ISSUER: issuer,
	OIDC_CLIENT_ID: IDP_CLIENT.id,
	OIDC_CLIENT_SECRET: IDP_CLIENT.secret,
	OIDC_DEPARTMENT_CLAIM: 'department',
	SSO_NAME: 'Aurora ID',
	SSO_CREATE_ACCOUNTS: 'true',
	SSO_ROLE_MAP: 'voce-managers=manager;voce-admins=admin',
})
const setEnv = (values: Record<string, string | undefined>) => setVariables(values, resetOidc)

beforeAll(async () => {
	idp = await startOidcProvider({
		redirectUri: `${BASE}/sso/oidc/callback`,
		accounts: [
			{ email: demoUser('employee').email, name: 'Giulia Rossi' },
			{
				email: NEWCOMER,
				name: 'Bianca Neri',
				groups: ['staff', 'voce-managers'],
				department: 'Customer Care/Contact Centre/Contact Centre Bari',
			},
			{ email: demoUser('leader').email, name: 'Elena Marino' },
			{ email: 'unverified@aurora-bank.example', name: 'Not Verified', email_verified: false },
			{ email: 'carla.verdi@aurora-bank.example', name: 'Carla Verdi' },
		],
	})
	setEnv(SSO_ENV(idp.issuer))
})
afterAll(async () => {
	setEnv(Object.fromEntries(Object.keys(SSO_ENV('x')).map((k) => [k, undefined])))
	await idp.close()
})
beforeEach(() => {
	idp.state.tamper = 'none'
})

const cookieOf = (response: Response, name: string) =>
	response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith(`${name}=`))

/** "Sign in with Aurora ID", the provider's login, and back to Voce's callback: what the callback answered. */
async function signIn(login: string, { tamper = 'none', alter }: { tamper?: Tamper; alter?: (callback: URL) => void } = {}) {
	const start = (await startLoader({ request: getRequest('/sso/oidc?redirectTo=/ideas'), context, params: {} })) as Response
	expect(start.status).toBe(302)
	const transaction = cookieOf(start, 'voce_sso')!
	const authorization = new URL(start.headers.get('Location')!)
	expect(authorization.origin).toBe(idp.issuer)
	expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
	idp.state.tamper = tamper
	const atIdp = await signInAtIdp(authorization.href, login)
	if (atIdp.refused) throw new Error('The provider refused the login')
	const callback = new URL(atIdp.callback)
	alter?.(callback)
	return settle(() =>
		callbackLoader({ request: getRequest(`${callback.pathname}${callback.search}`, transaction), context, params: {} }),
	) as Promise<Response | { data: { reason: string }; init: { status: number } }>
}

async function sessionUser(response: Response) {
	const token = (await sessionCookie.parse(cookieOf(response, 'voce_session') ?? null)) as string | null
	return token ? validateSessionToken(token)?.user.id : undefined
}

test('a person with a Voce account signs in through the OpenID provider and lands where they were going, in a new session', async () => {
	const response = (await signIn(demoUser('employee').email)) as Response
	expect(response.status).toBe(302)
	expect(response.headers.get('Location')).toBe('/ideas')
	expect(await sessionUser(response)).toBe(demoUser('employee').id)
	// The sign-in in progress is forgotten.
	expect(response.headers.getSetCookie().some((c) => c.startsWith('voce_sso=;'))).toBe(true)
	// Log out ends the IdP's session too (RP-initiated logout), then comes back to the login page.
	const cookies = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.filter((c) => !c.endsWith('='))
		.join('; ')
	const out = (await logoutAction({ request: formRequest('/logout', {}, cookies), context, params: {} })) as Response
	const end = new URL(out.headers.get('Location')!)
	expect(`${end.origin}${end.pathname}`).toBe(`${idp.issuer}/session/end`)
	expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${BASE}/login`)
	expect(await sessionUser(response)).toBeUndefined()
	const login = (await loginLoader({ request: getRequest('/login'), context, params: {} })) as { sso: { name: string } | null }
	expect(login.sso).toEqual({ name: 'Aurora ID', path: '/sso/oidc' })
})

test('the first sign-in of someone unknown creates their account in the department and role their claims map to, once', async () => {
	const first = (await signIn(NEWCOMER)) as Response
	const id = (await sessionUser(first))!
	const created = getUserById(id)!
	expect(created).toMatchObject({ email: NEWCOMER, name: 'Bianca Neri', role: 'manager' })
	expect(listDepartments().find((d) => d.id === created.departmentId)?.name).toBe('Contact Centre Bari')
	const logged = getDb()
		.select({ detail: auditLog.detail, actorId: auditLog.actorId })
		.from(auditLog)
		.where(and(eq(auditLog.action, 'user.sso'), eq(auditLog.targetId, id)))
		.all()
	expect(logged).toHaveLength(1)
	expect(JSON.parse(logged[0]!.detail!)).toMatchObject({ role: 'manager', via: 'oidc' })
	const again = (await signIn(NEWCOMER)) as Response
	expect(await sessionUser(again)).toBe(id)
	expect(getDb().select().from(users).where(eq(users.email, NEWCOMER)).all()).toHaveLength(1)
})

test('without just-in-time accounts, an unknown person is told to ask for one; a deactivated person cannot sign in through SSO either', async () => {
	setEnv({ SSO_CREATE_ACCOUNTS: 'false' })
	try {
		const before = getDb().select().from(users).all().length
		const unknown = (await signIn('carla.verdi@aurora-bank.example')) as { data: { reason: string } }
		expect(statusOf(unknown)).toBe(403)
		expect(unknown.data.reason).toBe('sso.errors.noAccount')
		setUserActive(demoUser('leader').id, false, demoUser('admin').id)
		const deactivated = (await signIn(demoUser('leader').email)) as { data: { reason: string }; init: { status: number } }
		expect(statusOf(deactivated)).toBe(403)
		expect(deactivated.data.reason).toBe('sso.errors.deactivated')
		setUserActive(demoUser('leader').id, true, demoUser('admin').id)
		expect(getDb().select().from(users).all()).toHaveLength(before)
	} finally {
		setEnv({ SSO_CREATE_ACCOUNTS: 'true' })
	}
})

test('an ID token with the wrong issuer, audience, expiry, signature or nonce signs nobody in', async () => {
	// The control: the provider's token rewritten and signed again, unchanged, is accepted.
	const control = (await signIn(demoUser('employee').email, { tamper: 'resign' })) as Response
	expect(await sessionUser(control)).toBe(demoUser('employee').id)
	for (const tamper of ['issuer', 'audience', 'expired', 'signature', 'nonce'] as const) {
		const refused = (await signIn(demoUser('employee').email, { tamper })) as { data: { reason: string } }
		expect(statusOf(refused), tamper).toBe(400)
		expect(refused.data.reason, tamper).toBe('sso.errors.failed')
		expect(refused instanceof Response, tamper).toBe(false)
	}
})

test('an altered or missing state, a missing sign-in cookie and an unverified e-mail are refused', async () => {
	const altered = (await signIn(demoUser('employee').email, { alter: (url) => url.searchParams.set('state', 'forged') })) as {
		data: { reason: string }
	}
	expect(statusOf(altered)).toBe(400)
	const missing = (await signIn(demoUser('employee').email, { alter: (url) => url.searchParams.delete('state') })) as {
		data: { reason: string }
	}
	expect(statusOf(missing)).toBe(400)
	const noCookie = (await settle(() =>
		callbackLoader({ request: getRequest('/sso/oidc/callback?code=abc&state=def'), context, params: {} }),
	)) as { data: { reason: string } }
	expect(noCookie.data.reason).toBe('sso.errors.expired')
	const unverified = (await signIn('unverified@aurora-bank.example')) as { data: { reason: string } }
	expect(unverified.data.reason).toBe('sso.errors.noEmail')
	expect(getDb().select().from(users).where(eq(users.email, 'unverified@aurora-bank.example')).all()).toHaveLength(0)
})

test('an issuer that does not match its own discovery document is not trusted', async () => {
	setEnv({ OIDC_ISSUER: `${idp.issuer}/other` })
	try {
		const response = (await startLoader({ request: getRequest('/sso/oidc'), context, params: {} })) as { data: { reason: string } }
		expect(statusOf(response)).toBe(503)
		expect(response.data.reason).toBe('sso.errors.unreachable')
	} finally {
		setEnv({ OIDC_ISSUER: idp.issuer })
	}
})

test('with password sign-in for admins only, anyone else’s right password is refused; with it off, nobody’s', async () => {
	const post = (email: string) =>
		settle(() => loginAction({ request: formRequest('/login', { email, password: 'aurora-demo-2026' }), context, params: {} }))
	setEnv({ PASSWORD_LOGIN: 'admins' })
	try {
		expect(statusOf(await post(demoUser('employee').email))).toBe(400)
		expect(statusOf(await post(demoUser('admin').email))).toBe(302)
		const hidden = (await loginLoader({ request: getRequest('/login'), context, params: {} })) as { passwordForm: boolean }
		expect(hidden.passwordForm).toBe(false)
		const breakGlass = (await loginLoader({ request: getRequest('/login?password'), context, params: {} })) as { passwordForm: boolean }
		expect(breakGlass.passwordForm).toBe(true)
		setEnv({ PASSWORD_LOGIN: 'off' })
		expect(statusOf(await post(demoUser('admin').email))).toBe(403)
	} finally {
		setEnv({ PASSWORD_LOGIN: undefined })
	}
})

test('single sign-on settings are checked at start-up, each problem named', () => {
	const check = (values: Record<string, string | undefined>) => configurationProblem(values, resetOidc)
	expect(check({ OIDC_CLIENT_SECRET: undefined })).toContain('OIDC_CLIENT_SECRET: is needed with OIDC_ISSUER')
	expect(check({ OIDC_ISSUER: 'http://idp.aurora-bank.example' })).toContain('OIDC_ISSUER: must be an https URL')
	expect(check({ OIDC_SCOPES: 'email profile' })).toContain('OIDC_SCOPES: must include openid')
	expect(check({ SSO_ROLE_MAP: 'voce-managers=boss' })).toContain('SSO_ROLE_MAP: "voce-managers=boss" must be group=role')
	expect(check({ OIDC_ISSUER: undefined, PASSWORD_LOGIN: 'off' })).toContain('PASSWORD_LOGIN: can only be admins or off')
	expect(check({}), check({})).toBe('')
})
