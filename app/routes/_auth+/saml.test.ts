import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { generate } from 'selfsigned'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getUserById } from '#app/models/user.server.ts'
import { resetSaml } from '#app/routes/_auth+/__saml.server.ts'
import { loader as loginLoader } from '#app/routes/_auth+/login.tsx'
import { action as acsAction } from '#app/routes/_auth+/sso.saml_.acs.tsx'
import { loader as metadataLoader } from '#app/routes/_auth+/sso.saml_.metadata.tsx'
import { loader as startLoader } from '#app/routes/_auth+/sso.saml.tsx'
import { sessionCookie, validateSessionToken } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { users } from '#db/schema.ts'
import { readAuthnRequest, SAML_IDP_ENTITY, startSamlIdp, type SamlFlaw } from '#tests/idp/saml.ts'
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

const ACS = `${BASE}/sso/saml/acs`
const SP = `${BASE}/sso/saml/metadata`
const NEWCOMER = 'dario.fontana@aurora-bank.example'
let idp: Awaited<ReturnType<typeof startSamlIdp>>
let keys: string[] = []

const setEnv = (values: Record<string, string | undefined>) => setVariables(values, resetSaml)

beforeAll(async () => {
	idp = await startSamlIdp({
		acsUrl: ACS,
		spEntityId: SP,
		accounts: [
			{ email: demoUser('employee').email, name: 'Giulia Rossi' },
			{ email: NEWCOMER, name: 'Dario Fontana', groups: ['voce-admins'], department: 'Lending' },
		],
	})
	const values = {
		APP_URL: BASE,
		SAML_IDP_SSO_URL: idp.ssoUrl,
		SAML_IDP_CERT: idp.cert,
		SAML_IDP_ENTITY_ID: SAML_IDP_ENTITY,
		SAML_DEPARTMENT_ATTRIBUTE: 'department',
		SSO_NAME: 'Aurora ID',
		SSO_CREATE_ACCOUNTS: 'true',
		SSO_ROLE_MAP: 'voce-admins=admin',
		SAML_CLOCK_SKEW_SECONDS: '60',
	}
	keys = Object.keys(values)
	setEnv(values)
})
afterAll(async () => {
	setEnv(Object.fromEntries(keys.map((k) => [k, undefined])))
	await idp.close()
})

/** "Sign in with Aurora ID": Voce's AuthnRequest, as the IdP reads it. */
async function startSignIn(redirectTo = '/ideas') {
	const start = (await startLoader({ request: getRequest(`/sso/saml?redirectTo=${redirectTo}`), context, params: {} })) as Response
	expect(start.status).toBe(302)
	const location = new URL(start.headers.get('Location')!)
	expect(location.origin + location.pathname).toBe(idp.ssoUrl)
	const request = readAuthnRequest(location.searchParams.get('SAMLRequest')!)
	expect(request.acs).toBe(ACS)
	return { id: request.id, relayState: location.searchParams.get('RelayState') ?? '' }
}

const post = (fields: Record<string, string>) =>
	settle(() => acsAction({ request: formRequest('/sso/saml/acs', fields), context, params: {} }))

async function sessionUser(response: Response) {
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('voce_session='))
	const token = (await sessionCookie.parse(cookie ?? null)) as string | null
	return token ? validateSessionToken(token)?.user.id : undefined
}

test('a known person signs in through the SAML IdP and lands where they were going; the login page offers it', async () => {
	const { id, relayState } = await startSignIn()
	const response = (await post({ SAMLResponse: idp.respond(demoUser('employee').email, id), RelayState: relayState })) as Response
	expect(response.status).toBe(302)
	expect(response.headers.get('Location')).toBe('/ideas')
	expect(await sessionUser(response)).toBe(demoUser('employee').id)
	const login = (await loginLoader({ request: getRequest('/login'), context, params: {} })) as { sso: { name: string; path: string } }
	expect(login.sso).toEqual({ name: 'Aurora ID', path: '/sso/saml' })
})

test('a newcomer gets an account from their attributes: an admin of Lending, through SAML', async () => {
	const { id } = await startSignIn()
	const response = (await post({ SAMLResponse: idp.respond(NEWCOMER, id), RelayState: '' })) as Response
	const created = getUserById((await sessionUser(response))!)!
	expect(created).toMatchObject({ email: NEWCOMER, name: 'Dario Fontana', role: 'admin' })
	expect(response.headers.get('Location')).toBe('/')
})

test('a replayed assertion is refused, even within its validity', async () => {
	const { id } = await startSignIn()
	const once = idp.respond(demoUser('employee').email, id)
	expect(statusOf(await post({ SAMLResponse: once }))).toBe(302)
	const again = (await post({ SAMLResponse: once })) as { data: { reason: string } }
	expect(statusOf(again)).toBe(400)
})

test('unsigned, tampered, foreign-signed, misaddressed, expired, early and unsolicited responses sign nobody in', async () => {
	const flaws: SamlFlaw[] = ['unsigned', 'tampered', 'otherKey', 'audience', 'recipient', 'expired', 'notYet', 'inResponseTo', 'issuer']
	for (const flaw of flaws) {
		const { id } = await startSignIn()
		const refused = (await post({ SAMLResponse: idp.respond(demoUser('employee').email, id, flaw) })) as {
			data: { reason: string }
		}
		expect(statusOf(refused), flaw).toBe(400)
		expect(refused.data.reason, flaw).toBe('sso.errors.failed')
	}
	// Garbage and nothing at all are refused the same way, never a 500.
	expect(statusOf(await post({ SAMLResponse: Buffer.from('<not-saml/>').toString('base64') }))).toBe(400)
	expect(statusOf(await post({}))).toBe(400)
	// Nobody was created or signed in as Elena by the tampered one.
	expect(getDb().select().from(users).where(eq(users.email, 'elena.marino@aurora-bank.example')).all()).toHaveLength(1)
})

test('clocks may differ by the allowed skew, not by more', async () => {
	const { id } = await startSignIn()
	// 'skewed' is five minutes ahead: beyond 60 s of skew, but within 10 minutes.
	expect(statusOf(await post({ SAMLResponse: idp.respond(demoUser('employee').email, id, 'skewed') }))).toBe(400)
	setEnv({ SAML_CLOCK_SKEW_SECONDS: '300' })
	try {
		const later = await startSignIn()
		expect(statusOf(await post({ SAMLResponse: idp.respond(demoUser('employee').email, later.id, 'skewed') }))).toBe(302)
	} finally {
		setEnv({ SAML_CLOCK_SKEW_SECONDS: '60' })
	}
})

test('the SP metadata names Voce’s entity id and assertion consumer service at a stable URL', async () => {
	const response = (await metadataLoader()) as Response
	expect(response.headers.get('Content-Type')).toContain('application/samlmetadata+xml')
	const xml = await response.text()
	expect(xml).toContain(`entityID="${SP}"`)
	expect(xml).toContain(`Location="${ACS}"`)
})

test('with a key of its own, Voce signs its AuthnRequests and its metadata names the certificate', async () => {
	const sp = await generate([{ name: 'commonName', value: 'Voce SP' }], { keySize: 2048, algorithm: 'sha256' })
	setEnv({ SAML_SP_PRIVATE_KEY: sp.private, SAML_SP_CERT: sp.cert })
	try {
		const start = (await startLoader({ request: getRequest('/sso/saml'), context, params: {} })) as Response
		const location = new URL(start.headers.get('Location')!)
		expect(location.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')
		// The Redirect binding signs the query string: SAMLRequest, RelayState and SigAlg, in that order.
		const signed = location.search.slice(1).split('&Signature=')[0]!
		const verifier = crypto.createVerify('RSA-SHA256').update(signed)
		expect(verifier.verify(sp.cert, location.searchParams.get('Signature')!, 'base64')).toBe(true)
		const xml = await ((await metadataLoader()) as Response).text()
		expect(xml).toContain(sp.cert.replace(/-----[^-]+-----|\s/g, '').slice(0, 60))
	} finally {
		setEnv({ SAML_SP_PRIVATE_KEY: undefined, SAML_SP_CERT: undefined })
	}
})

test('SAML settings are checked at start-up', () => {
	const check = (values: Record<string, string | undefined>) => configurationProblem(values, resetSaml)
	expect(check({ SAML_IDP_CERT: undefined })).toContain('SAML_IDP_CERT: is needed with SAML_IDP_SSO_URL')
	expect(check({ SAML_IDP_CERT: 'not a certificate' })).toContain('SAML_IDP_CERT: must be a PEM certificate')
	expect(check({ OIDC_ISSUER: 'https://login.example', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' })).toContain(
		'choose one single sign-on protocol',
	)
	expect(check({ SAML_SP_CERT: idp.cert })).toContain('SAML_SP_CERT: and SAML_SP_PRIVATE_KEY go together')
	expect(check({})).toBe('')
})
