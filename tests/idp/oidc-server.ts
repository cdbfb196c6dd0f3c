// The OpenID provider of the E2E suite, as a process of its own (stopped by its PID):
// `node --import tsx tests/idp/oidc-server.ts PORT REDIRECT_URI`. Its people are below.
import { startOidcProvider, type IdpAccount } from './oidc.ts'

/** People at the IdP: a newcomer Voce does not know yet, and a demo employee. */
export const E2E_IDP_ACCOUNTS: IdpAccount[] = [
	{ email: 'bianca.neri@aurora-bank.example', name: 'Bianca Neri', groups: ['staff', 'voce-managers'], department: 'Contact Centre Bari' },
	{ email: 'luca.romano@aurora-bank.example', name: 'Luca Romano', groups: ['staff'] },
]

const [port, redirectUri] = process.argv.slice(2)
if (port && redirectUri) {
	const idp = await startOidcProvider({ port: Number(port), redirectUri, accounts: E2E_IDP_ACCOUNTS })
	console.log(`OpenID provider at ${idp.issuer}`)
	process.on('SIGTERM', () => void idp.close().then(() => process.exit(0)))
}
