import crypto from 'node:crypto'
import { createCookie, redirect } from '@remix-run/node'
import * as client from 'openid-client'
import { type Identity } from '#app/models/sso.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'

// Single sign-on with OpenID Connect (decision 062): the authorization code flow with PKCE, state
// and nonce, by openid-client. The ID token is checked for issuer, audience, expiry, nonce and
// (non-repudiation checks) its signature against the issuer's JWKS.

export const CALLBACK_PATH = '/sso/oidc/callback'
const TRANSACTION_MAX_AGE_S = 10 * 60

// Signed like the flash cookie; without SESSION_SECRET a per-process secret (a restart mid-sign-in asks to start again).
const transactionCookie = createCookie('voce_sso', {
	httpOnly: true,
	sameSite: 'lax',
	path: '/sso',
	secure: getEnv().NODE_ENV === 'production',
	maxAge: TRANSACTION_MAX_AGE_S,
	secrets: [getEnv().SESSION_SECRET ?? crypto.randomBytes(32).toString('hex')],
})

type Transaction = { verifier: string; state: string; nonce: string; redirectTo: string | null }

export function oidcEnabled() {
	return Boolean(getEnv().OIDC_ISSUER)
}

const appOrigin = () => new URL(getEnv().APP_URL).origin

let config: Promise<client.Configuration> | undefined

/** The IdP's configuration by discovery, once; a failure is forgotten so the next sign-in tries again. */
function oidcConfig() {
	const env = getEnv()
	config ??= client
		.discovery(new URL(env.OIDC_ISSUER!), env.OIDC_CLIENT_ID!, undefined, client.ClientSecretBasic(env.OIDC_CLIENT_SECRET!), {
			execute: [
				client.enableNonRepudiationChecks,
				// Plain http only for an issuer on this machine (env.server.ts refuses it elsewhere): the tests' IdP.
				...(new URL(env.OIDC_ISSUER!).protocol === 'http:' ? [client.allowInsecureRequests] : []),
			],
		})
		.catch((error: unknown) => {
			config = undefined
			throw error
		})
	return config
}

/** Forgets the discovered configuration (tests, which start IdPs of their own). */
export function resetOidc() {
	config = undefined
}

/** Sends the browser to the IdP, keeping what the callback must check in a signed cookie. */
export async function startOidc(redirectTo: string | null) {
	const configuration = await oidcConfig()
	const transaction: Transaction = {
		verifier: client.randomPKCECodeVerifier(),
		state: client.randomState(),
		nonce: client.randomNonce(),
		redirectTo: redirectTo ? safeRedirect(redirectTo) : null,
	}
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: `${appOrigin()}${CALLBACK_PATH}`,
		scope: getEnv().OIDC_SCOPES,
		code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
		code_challenge_method: 'S256',
		state: transaction.state,
		nonce: transaction.nonce,
	})
	return redirect(url.href, { headers: { 'Set-Cookie': await transactionCookie.serialize(transaction) } })
}

export type OidcResult =
	| { ok: true; identity: Identity; redirectTo: string | null }
	| { ok: false; reason: 'sso.errors.expired' | 'sso.errors.cancelled' | 'sso.errors.failed' | 'sso.errors.noEmail' }

const text = (value: unknown) => (typeof value === 'string' ? value : null)

/** Checks the IdP's answer and returns who signed in; every failure is a reason, never a throw. */
export async function finishOidc(request: Request): Promise<OidcResult> {
	const transaction = (await transactionCookie.parse(request.headers.get('Cookie'))) as Transaction | null
	if (!transaction?.state || !transaction.verifier || !transaction.nonce) return { ok: false, reason: 'sso.errors.expired' }
	const incoming = new URL(request.url)
	// The IdP redirected back with an error (the person cancelled, or may not use this application).
	if (incoming.searchParams.has('error') && incoming.searchParams.get('state') === transaction.state)
		return { ok: false, reason: 'sso.errors.cancelled' }
	// The redirect URI the IdP knows is APP_URL's, whatever Host a proxy passed on.
	const current = new URL(`${CALLBACK_PATH}${incoming.search}`, appOrigin())
	try {
		const tokens = await client.authorizationCodeGrant(await oidcConfig(), current, {
			pkceCodeVerifier: transaction.verifier,
			expectedState: transaction.state,
			expectedNonce: transaction.nonce,
			idTokenExpected: true,
		})
		const claims = tokens.claims()!
		const env = getEnv()
		const email = text(claims[env.OIDC_EMAIL_CLAIM])
		if (!email || claims.email_verified === false) return { ok: false, reason: 'sso.errors.noEmail' }
		const groups = claims[env.OIDC_GROUPS_CLAIM]
		return {
			ok: true,
			redirectTo: transaction.redirectTo,
			identity: {
				email,
				name: text(claims[env.OIDC_NAME_CLAIM]),
				department: env.OIDC_DEPARTMENT_CLAIM ? text(claims[env.OIDC_DEPARTMENT_CLAIM]) : null,
				groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : text(groups) ? [text(groups)!] : [],
				via: 'oidc',
			},
		}
	} catch (error) {
		// What failed, never a token: openid-client's errors carry a code and a message.
		const { code, message } = error as { code?: string; message?: string }
		logger().warn({ code, reason: message }, 'OpenID Connect sign-in refused')
		return { ok: false, reason: 'sso.errors.failed' }
	}
}

/** The Set-Cookie that forgets the sign-in in progress. */
export function clearTransaction() {
	return transactionCookie.serialize('', { maxAge: 0 })
}

/**
 * Marks a browser whose session began at the IdP, so "Log out" can end the IdP's session too. It
 * says only that, for as long as a session may last.
 */
const signedInVia = createCookie('voce_sso_via', {
	httpOnly: true,
	sameSite: 'lax',
	path: '/',
	secure: getEnv().NODE_ENV === 'production',
	maxAge: 10 * 24 * 3600,
})

export function markSignedInViaOidc() {
	return signedInVia.serialize('oidc')
}

/**
 * Where "Log out" sends the browser after Voce's session ended: the IdP's end-session endpoint
 * (RP-initiated logout), back to the login page, when the session began there and the IdP has
 * one; otherwise null.
 */
export async function oidcLogoutUrl(request: Request) {
	if (!oidcEnabled() || (await signedInVia.parse(request.headers.get('Cookie'))) !== 'oidc') return null
	try {
		const configuration = await oidcConfig()
		if (!configuration.serverMetadata().end_session_endpoint) return null
		return client.buildEndSessionUrl(configuration, {
			client_id: getEnv().OIDC_CLIENT_ID!,
			post_logout_redirect_uri: `${appOrigin()}/login`,
		}).href
	} catch {
		return null
	}
}

export function forgetSignedInVia() {
	return signedInVia.serialize('', { maxAge: 0 })
}
