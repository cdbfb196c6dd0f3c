// A real OpenID provider for the tests: oidc-provider (the certified Node implementation) on
// 127.0.0.1, with a login page of its own, a signing key made here, and a switch that makes its
// token endpoint misbehave (wrong issuer, audience, expiry, signature or nonce) so each refusal
// of Voce's client can be tested against a real protocol peer.
import http from 'node:http'
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose'
import Provider, { type Configuration } from 'oidc-provider'

export type IdpAccount = { email: string; name: string; email_verified?: boolean; groups?: string[]; department?: string }
/** resign: the same claims signed again with the real key, the control that shows a rewrite alone is accepted. */
export type Tamper = 'none' | 'resign' | 'issuer' | 'audience' | 'expired' | 'signature' | 'nonce'

export const IDP_PASSWORD = 'idp-password-2026'
export const IDP_CLIENT = { id: 'voce', secret: 'voce-oidc-test-secret-2026' }

const page = (body: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Aurora ID</title></head><body><main><h1>Aurora ID</h1>${body}</main></body></html>`

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * Starts the provider. `accounts` is by e-mail (the login); `redirectUri` is Voce's callback.
 * Set `tamper` to make the next token responses misbehave.
 */
export async function startOidcProvider({
	redirectUri,
	accounts,
	port = 0,
}: {
	redirectUri: string
	accounts: IdpAccount[]
	port?: number
}) {
	const { privateKey } = await generateKeyPair('RS256', { extractable: true })
	const signing = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' } as JWK
	const stranger = (await generateKeyPair('RS256', { extractable: true })).privateKey
	const byEmail = new Map(accounts.map((a) => [a.email, a]))
	const state = { tamper: 'none' as Tamper }

	const server = http.createServer()
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
	const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`

	const configuration: Configuration = {
		clients: [
			{
				client_id: IDP_CLIENT.id,
				client_secret: IDP_CLIENT.secret,
				redirect_uris: [redirectUri],
				post_logout_redirect_uris: [new URL('/login', redirectUri).href],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_basic',
			},
		],
		jwks: { keys: [signing] },
		cookies: { keys: ['voce-test-idp-cookie-key'] },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups', 'department'] },
		// Scope claims in the ID token itself, as Entra ID and Okta send them.
		conformIdTokenClaims: false,
		pkce: { required: () => true },
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		findAccount: (_ctx, sub) => {
			const account = byEmail.get(sub)
			return account
				? {
						accountId: sub,
						claims: () => ({
							sub,
							email: account.email,
							email_verified: account.email_verified ?? true,
							name: account.name,
							groups: account.groups,
							department: account.department,
						}),
					}
				: undefined
		},
		ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
	}
	const provider = new Provider(issuer, configuration)

	// The token endpoint's answer, rewritten when told to misbehave: the real ID token's claims,
	// changed, and signed again with the real key (or a stranger's).
	provider.use(async (ctx, next) => {
		await next()
		const body = ctx.body as { id_token?: string } | undefined
		if (ctx.path !== '/token' || state.tamper === 'none' || !body?.id_token) return
		const claims = decodeJwt(body.id_token)
		const now = Math.floor(Date.now() / 1000)
		const changed = {
			...claims,
			...(state.tamper === 'issuer' ? { iss: 'http://127.0.0.1:9/not-the-issuer' } : {}),
			...(state.tamper === 'audience' ? { aud: 'another-application' } : {}),
			...(state.tamper === 'expired' ? { iat: now - 7200, exp: now - 3600 } : {}),
			...(state.tamper === 'nonce' ? { nonce: 'a-nonce-nobody-sent' } : {}),
		}
		const key = state.tamper === 'signature' ? stranger : privateKey
		ctx.body = {
			...body,
			id_token: await new SignJWT(changed).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' }).sign(key),
		}
	})

	const callback = provider.callback()
	server.on('request', (req, res) => {
		const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '')
		if (!match) return callback(req, res)
		void (async () => {
			try {
				const details = await provider.interactionDetails(req, res)
				if (req.method !== 'POST') {
					res.setHeader('Content-Type', 'text/html; charset=utf-8')
					res.end(
						page(
							`<form method="post" action="/interaction/${details.uid}"><p><label>E-mail <input name="login" type="email" autocomplete="username"></label></p><p><label>Password <input name="password" type="password"></label></p><button type="submit">Sign in to Aurora ID</button></form>`,
						),
					)
					return
				}
				let raw = ''
				for await (const chunk of req) raw += String(chunk)
				const form = new URLSearchParams(raw)
				const account = byEmail.get(form.get('login') ?? '')
				if (!account || form.get('password') !== IDP_PASSWORD) {
					res.statusCode = 401
					res.setHeader('Content-Type', 'text/html; charset=utf-8')
					res.end(page(`<p role="alert">Wrong e-mail or password for ${escape(form.get('login') ?? '')}.</p>`))
					return
				}
				const grant = new provider.Grant({ accountId: account.email, clientId: String(details.params.client_id) })
				grant.addOIDCScope(String(details.params.scope))
				const grantId = await grant.save()
				await provider.interactionFinished(
					req,
					res,
					{ login: { accountId: account.email }, consent: { grantId } },
					{ mergeWithLastSubmission: false },
				)
			} catch (error) {
				res.statusCode = 400
				res.end(page(`<p>${escape(String(error))}</p>`))
			}
		})()
	})

	return {
		issuer,
		state,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}

/**
 * Goes through the provider's login as a browser would, without one: from the authorization URL
 * to Voce's callback URL (with its code and state), keeping the provider's cookies.
 */
export async function signInAtIdp(authorizationUrl: string, login: string, password = IDP_PASSWORD) {
	const jar = new Map<string, string>()
	const keep = (response: Response) => {
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';')
			const at = pair!.indexOf('=')
			jar.set(pair!.slice(0, at), pair!.slice(at + 1))
		}
	}
	const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
	const go = async (url: string, init: RequestInit = {}) => {
		const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, Cookie: cookies() } })
		keep(response)
		return response
	}
	let response = await go(authorizationUrl)
	let location = new URL(response.headers.get('Location')!, authorizationUrl).href
	response = await go(location, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ login, password }),
	})
	if (response.status === 401) return { refused: true as const }
	for (let hops = 0; hops < 5; hops++) {
		location = new URL(response.headers.get('Location')!, location).href
		if (!location.startsWith(new URL(authorizationUrl).origin)) return { refused: false as const, callback: location }
		response = await go(location)
	}
	throw new Error('The provider did not send the browser back')
}
