import { data } from '@remix-run/node'
import { accountForIdentity, type Identity } from '#app/models/sso.server.ts'
import { startSession } from '#app/utils/auth.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'

type IdpResult = { ok: true; identity: Identity; redirectTo: string | null } | { ok: false; reason: string }

/**
 * The end of every single sign-on (OpenID Connect's callback, SAML's ACS): the person the IdP
 * vouched for gets a new session, or the page says why not (400 for the IdP's answer, 403 for
 * the account), with `retry` to start again. `cookies` go out either way, `signedIn` only with a session.
 */
export async function answerIdp(
	result: IdpResult,
	retry: string,
	{ cookies = [], signedIn = [] }: { cookies?: string[]; signedIn?: string[] } = {},
) {
	const headers = new Headers()
	for (const cookie of cookies) headers.append('Set-Cookie', cookie)
	if (!result.ok) return data({ reason: result.reason as MessageKey, retry }, { status: 400, headers })
	const account = accountForIdentity(result.identity)
	if (!account.ok) return data({ reason: account.reason as MessageKey, retry }, { status: 403, headers })
	for (const cookie of signedIn) headers.append('Set-Cookie', cookie)
	return startSession(account.userId, result.redirectTo, headers)
}
