import { SAML, ValidateInResponseTo, type Profile } from '@node-saml/node-saml'
import { redirect } from '@remix-run/node'
import { firstUseOfAssertion, type Identity } from '#app/models/sso.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'

// Single sign-on with SAML 2.0 (decision 063), SP-initiated, by @node-saml/node-saml: the Assertion's
// signature checked against SAML_IDP_CERT, audience, NotBefore/NotOnOrAfter with a small clock skew,
// InResponseTo one of our own recent requests; here also the recipient, the issuer, and each
// assertion id used once.

export const ACS_PATH = '/sso/saml/acs'
export const METADATA_PATH = '/sso/saml/metadata'
/** How long an AuthnRequest of ours may wait for its answer. */
const REQUEST_TTL_MS = 10 * 60_000

const appOrigin = () => new URL(getEnv().APP_URL).origin
export const spEntityId = () => getEnv().SAML_SP_ENTITY_ID ?? `${appOrigin()}${METADATA_PATH}`
const acsUrl = () => `${appOrigin()}${ACS_PATH}`

export function samlEnabled() {
	return Boolean(getEnv().SAML_IDP_SSO_URL)
}

// One instance per process: it remembers the ids of the requests it sent (InResponseTo).
let saml: SAML | undefined
function samlClient() {
	const env = getEnv()
	saml ??= new SAML({
		entryPoint: env.SAML_IDP_SSO_URL!,
		idpCert: env.SAML_IDP_CERT!,
		idpIssuer: env.SAML_IDP_ENTITY_ID,
		issuer: spEntityId(),
		audience: spEntityId(),
		callbackUrl: acsUrl(),
		wantAssertionsSigned: true,
		wantAuthnResponseSigned: false,
		acceptedClockSkewMs: env.SAML_CLOCK_SKEW_SECONDS * 1000,
		validateInResponseTo: ValidateInResponseTo.always,
		requestIdExpirationPeriodMs: REQUEST_TTL_MS,
		identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
		disableRequestedAuthnContext: true,
		signatureAlgorithm: 'sha256',
		digestAlgorithm: 'sha256',
		...(env.SAML_SP_PRIVATE_KEY ? { privateKey: env.SAML_SP_PRIVATE_KEY, publicCert: env.SAML_SP_CERT } : {}),
	})
	return saml
}

/** Forgets the client and the requests it remembers (tests). */
export function resetSaml() {
	saml = undefined
}

/** Sends the browser to the IdP with an AuthnRequest (signed when Voce has a key); the page asked for travels as RelayState. */
export async function startSaml(redirectTo: string | null) {
	const url = await samlClient().getAuthorizeUrlAsync(redirectTo ? safeRedirect(redirectTo) : '', undefined, {})
	return redirect(url)
}

/** Voce's service provider metadata, at a stable URL for the IdP's administrator. */
export function samlMetadata() {
	return samlClient().generateServiceProviderMetadata(null, getEnv().SAML_SP_CERT ?? null)
}

export type SamlResult =
	| { ok: true; identity: Identity; redirectTo: string | null }
	| { ok: false; reason: 'sso.errors.failed' | 'sso.errors.noEmail' | 'sso.errors.replayed' }

type Node = { $?: Record<string, string>; _?: string } & Record<string, unknown>
const first = (node: unknown, key: string) => ((node as Record<string, Node[] | undefined> | undefined)?.[key] ?? [])[0]
const text = (value: unknown) => (typeof value === 'string' ? value : null)
const list = (value: unknown) => (Array.isArray(value) ? value.map(text) : [text(value)]).filter((v): v is string => Boolean(v))

/** Checks the IdP's POSTed answer and returns who signed in; every failure is a reason, never a throw. */
export async function finishSaml(form: FormData): Promise<SamlResult> {
	const response = form.get('SAMLResponse')
	const relayState = text(form.get('RelayState'))
	if (typeof response !== 'string' || !response) return { ok: false, reason: 'sso.errors.failed' }
	let profile: Profile | null
	try {
		;({ profile } = await samlClient().validatePostResponseAsync({ SAMLResponse: response }))
	} catch (error) {
		logger().warn({ reason: (error as Error).message }, 'SAML sign-in refused')
		return { ok: false, reason: 'sso.errors.failed' }
	}
	if (!profile) return { ok: false, reason: 'sso.errors.failed' }
	// From the assertion whose signature was checked: its id, its recipient and when it expires.
	const assertion = (profile.getAssertion?.() as { Assertion?: Node } | undefined)?.Assertion
	const confirmation = first(first(first(assertion, 'Subject'), 'SubjectConfirmation'), 'SubjectConfirmationData')
	const id = assertion?.$?.ID
	const notOnOrAfter = confirmation?.$?.NotOnOrAfter ?? first(assertion, 'Conditions')?.$?.NotOnOrAfter
	if (!id || !notOnOrAfter || confirmation?.$?.Recipient !== acsUrl()) {
		logger().warn({ reason: 'assertion without an id, an expiry or this recipient' }, 'SAML sign-in refused')
		return { ok: false, reason: 'sso.errors.failed' }
	}
	// node-saml checks the issuer of logout messages only: the signed assertion's is checked here.
	const idpEntityId = getEnv().SAML_IDP_ENTITY_ID
	if (idpEntityId && profile.issuer !== idpEntityId) {
		logger().warn({ reason: 'assertion from another issuer' }, 'SAML sign-in refused')
		return { ok: false, reason: 'sso.errors.failed' }
	}
	if (!firstUseOfAssertion(id, new Date(notOnOrAfter))) {
		logger().warn({ reason: 'assertion replayed' }, 'SAML sign-in refused')
		return { ok: false, reason: 'sso.errors.replayed' }
	}
	const env = getEnv()
	const email = text(profile[env.SAML_EMAIL_ATTRIBUTE]) ?? (profile.nameID?.includes('@') ? profile.nameID : null)
	if (!email) return { ok: false, reason: 'sso.errors.noEmail' }
	return {
		ok: true,
		redirectTo: relayState ? safeRedirect(relayState) : null,
		identity: {
			email,
			name: text(profile[env.SAML_NAME_ATTRIBUTE]),
			department: env.SAML_DEPARTMENT_ATTRIBUTE ? text(profile[env.SAML_DEPARTMENT_ATTRIBUTE]) : null,
			groups: list(profile[env.SAML_GROUPS_ATTRIBUTE]),
			via: 'saml',
		},
	}
}
