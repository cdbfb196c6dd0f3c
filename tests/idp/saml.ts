// A SAML 2.0 identity provider for the tests, on 127.0.0.1: it reads Voce's AuthnRequest (the
// HTTP-Redirect binding), shows a login page, and posts a Response whose Assertion it signs with
// xml-crypto and a key made by `selfsigned` here. `respond` builds a Response on its own, and can
// make it wrong in each way Voce must refuse.
import crypto from 'node:crypto'
import http from 'node:http'
import zlib from 'node:zlib'
import { generate } from 'selfsigned'
import { SignedXml } from 'xml-crypto'

export type SamlAccount = { email: string; name: string; groups?: string[]; department?: string }
export type SamlFlaw =
	'none' | 'unsigned' | 'tampered' | 'otherKey' | 'audience' | 'recipient' | 'expired' | 'notYet' | 'inResponseTo' | 'issuer' | 'skewed'

export const SAML_IDP_PASSWORD = 'saml-idp-password-2026'
export const SAML_IDP_ENTITY = 'https://idp.aurora-bank.example/saml'

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** The ID and AssertionConsumerServiceURL of a deflated, base64 AuthnRequest. */
export function readAuthnRequest(samlRequest: string) {
	const xml = zlib.inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8')
	return { id: /\sID="([^"]+)"/.exec(xml)![1]!, acs: /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1] ?? null, xml }
}

export async function startSamlIdp({
	acsUrl,
	spEntityId,
	accounts,
	port = 0,
}: {
	acsUrl: string
	spEntityId: string
	accounts: SamlAccount[]
	port?: number
}) {
	const own = await generate([{ name: 'commonName', value: 'Aurora ID test IdP' }], { keySize: 2048, algorithm: 'sha256' })
	const stranger = await generate([{ name: 'commonName', value: 'Someone else' }], { keySize: 2048, algorithm: 'sha256' })
	const byEmail = new Map(accounts.map((a) => [a.email, a]))

	/** A signed Response for `email`, answering the request `inResponseTo`; `flaw` makes it wrong one way. */
	function respond(email: string, inResponseTo: string, flaw: SamlFlaw = 'none') {
		const account = byEmail.get(email) ?? { email, name: email }
		const now = Date.now()
		const skew = flaw === 'skewed' ? 5 * 60_000 : 0
		const notBefore = flaw === 'notYet' ? now + 10 * 60_000 : now - 60_000 + skew
		const notOnOrAfter = flaw === 'expired' ? now - 10 * 60_000 : now + 5 * 60_000 + skew
		const assertionId = `_a${crypto.randomUUID().replace(/-/g, '')}`
		const attribute = (name: string, values: string[]) =>
			values.length
				? `<saml:Attribute Name="${name}">${values.map((v) => `<saml:AttributeValue>${escape(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`
				: ''
		const issuer = flaw === 'issuer' ? 'https://impostor.example/saml' : SAML_IDP_ENTITY
		const audience = flaw === 'audience' ? 'https://another-app.example/saml' : spEntityId
		const recipient = flaw === 'recipient' ? 'https://another-app.example/acs' : acsUrl
		const answering = flaw === 'inResponseTo' ? '_not-a-request-of-yours' : inResponseTo
		const assertion =
			`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${iso(now + skew)}">` +
			`<saml:Issuer>${issuer}</saml:Issuer>` +
			`<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escape(account.email)}</saml:NameID>` +
			`<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${answering}" NotOnOrAfter="${iso(notOnOrAfter)}" Recipient="${recipient}"/></saml:SubjectConfirmation></saml:Subject>` +
			`<saml:Conditions NotBefore="${iso(notBefore)}" NotOnOrAfter="${iso(notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
			`<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
			`<saml:AttributeStatement>${attribute('email', [account.email])}${attribute('name', [account.name])}${attribute('groups', account.groups ?? [])}${attribute('department', account.department ? [account.department] : [])}</saml:AttributeStatement>` +
			`</saml:Assertion>`
		let signed = assertion
		if (flaw !== 'unsigned') {
			const key = flaw === 'otherKey' ? stranger : own
			const signature = new SignedXml({
				privateKey: key.private,
				publicCert: key.cert,
				signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
				canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
			})
			signature.addReference({
				xpath: "//*[local-name(.)='Assertion']",
				transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
				digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
			})
			signature.computeSignature(assertion, { location: { reference: "//*[local-name(.)='Issuer']", action: 'after' } })
			signed = signature.getSignedXml()
		}
		// Changed after signing: someone else's address in a signed assertion.
		if (flaw === 'tampered') signed = signed.replace(`>${escape(account.email)}<`, '>elena.marino@aurora-bank.example<')
		const xml =
			`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${crypto.randomUUID().replace(/-/g, '')}" Version="2.0" IssueInstant="${iso(now)}" Destination="${acsUrl}" InResponseTo="${answering}">` +
			`<saml:Issuer>${issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${signed}</samlp:Response>`
		return Buffer.from(xml).toString('base64')
	}

	const page = (body: string) =>
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Aurora ID (SAML)</title></head><body><main><h1>Aurora ID</h1>${body}</main></body></html>`

	const server = http.createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://idp')
			res.setHeader('Content-Type', 'text/html; charset=utf-8')
			if (url.pathname !== '/sso') {
				res.statusCode = 404
				res.end(page('<p>Not here.</p>'))
				return
			}
			if (req.method !== 'POST') {
				const samlRequest = url.searchParams.get('SAMLRequest') ?? ''
				const relayState = url.searchParams.get('RelayState') ?? ''
				res.end(
					page(
						`<form method="post" action="/sso"><input type="hidden" name="SAMLRequest" value="${escape(samlRequest)}"><input type="hidden" name="RelayState" value="${escape(relayState)}"><p><label>E-mail <input name="login" type="email"></label></p><p><label>Password <input name="password" type="password"></label></p><button type="submit">Sign in to Aurora ID</button></form>`,
					),
				)
				return
			}
			let raw = ''
			for await (const chunk of req) raw += String(chunk)
			const form = new URLSearchParams(raw)
			const account = byEmail.get(form.get('login') ?? '')
			if (!account || form.get('password') !== SAML_IDP_PASSWORD) {
				res.statusCode = 401
				res.end(page('<p role="alert">Wrong e-mail or password.</p>'))
				return
			}
			const request = readAuthnRequest(form.get('SAMLRequest') ?? '')
			const response = respond(account.email, request.id)
			// The HTTP-POST binding: a form the browser sends on to Voce (at once with scripts on, by a click without).
			res.end(
				page(
					`<form id="to-sp" method="post" action="${escape(request.acs ?? acsUrl)}"><input type="hidden" name="SAMLResponse" value="${response}"><input type="hidden" name="RelayState" value="${escape(form.get('RelayState') ?? '')}"><button type="submit">Continue to Voce</button></form><script>document.getElementById('to-sp').submit()</script>`,
				),
			)
		})().catch((error: unknown) => {
			res.statusCode = 400
			res.end(String(error))
		})
	})
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
	const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
	return {
		ssoUrl: `${base}/sso`,
		cert: own.cert,
		respond,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}
