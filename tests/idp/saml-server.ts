// The SAML IdP of the E2E suite, as a process of its own (stopped by its PID):
// `node --import tsx tests/idp/saml-server.ts PORT ACS_URL SP_ENTITY_ID CERT_FILE`. It writes its
// signing certificate to CERT_FILE for Voce's SAML_IDP_CERT before it answers.
import fs from 'node:fs'
import { startSamlIdp, type SamlAccount } from './saml.ts'

export const E2E_SAML_ACCOUNTS: SamlAccount[] = [
	{ email: 'chiara.bruno@aurora-bank.example', name: 'Chiara Bruno', groups: ['staff'] },
	{ email: 'marta.galli@aurora-bank.example', name: 'Marta Galli', groups: ['staff'], department: 'Roma Prati branch' },
]

const [port, acsUrl, spEntityId, certFile] = process.argv.slice(2)
if (port && acsUrl && spEntityId && certFile) {
	const idp = await startSamlIdp({ port: Number(port), acsUrl, spEntityId, accounts: E2E_SAML_ACCOUNTS })
	fs.writeFileSync(certFile, idp.cert)
	console.log(`SAML IdP at ${idp.ssoUrl}`)
	process.on('SIGTERM', () => void idp.close().then(() => process.exit(0)))
}
