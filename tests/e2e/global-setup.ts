import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { E2E_OUTBOX, E2E_PORT, E2E_SAML_PORT } from '../../playwright.config.ts'
import { IDP_CLIENT } from '../idp/oidc.ts'
import { removeDatabase, root, startServer } from '../server.ts'

const IDP_PORT = E2E_PORT + 1
const APP_URL = `http://127.0.0.1:${E2E_PORT}`
const SAML_APP_URL = `http://127.0.0.1:${E2E_SAML_PORT}`
const SAML_IDP_PORT = E2E_SAML_PORT + 1

/** A test IdP in a process of its own, answering `ready` before this returns; stopped by its PID. */
async function startIdp(script: string, args: string[], ready: string, logFile: string) {
	const log = fs.openSync(logFile, 'a')
	const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, stdio: ['ignore', log, log] })
	fs.closeSync(log)
	for (let waited = 0; ; waited += 100) {
		try {
			if ((await fetch(ready)).ok) break
		} catch {
			// not listening yet
		}
		if (waited > 20_000) throw new Error(`${script} did not start; see ${logFile}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	return () => void process.kill(child.pid!, 'SIGTERM')
}

/** Starts the built production server on a fresh database, signing in through the tests' IdP too; the returned function stops both by PID. */
export default async function globalSetup() {
	const database = path.join(root, 'tests', '.tmp', 'e2e.db')
	removeDatabase(database)
	fs.rmSync(E2E_OUTBOX, { recursive: true, force: true })
	const logFile = path.join(root, 'tests', '.tmp', 'e2e-server.log')
	fs.rmSync(logFile, { force: true })
	const tmp = path.join(root, 'tests', '.tmp')
	const issuer = `http://127.0.0.1:${IDP_PORT}`
	const stopOidc = await startIdp(
		'tests/idp/oidc-server.ts',
		[String(IDP_PORT), `${APP_URL}/sso/oidc/callback`],
		`${issuer}/.well-known/openid-configuration`,
		path.join(tmp, 'e2e-idp.log'),
	)
	const samlCert = path.join(tmp, 'e2e-saml-idp.pem')
	fs.rmSync(samlCert, { force: true })
	const stopSaml = await startIdp(
		'tests/idp/saml-server.ts',
		[String(SAML_IDP_PORT), `${SAML_APP_URL}/sso/saml/acs`, `${SAML_APP_URL}/sso/saml/metadata`, samlCert],
		`http://127.0.0.1:${SAML_IDP_PORT}/sso`,
		path.join(tmp, 'e2e-saml-idp.log'),
	)
	// Figures computed fresh on every request: a journey sees its own changes on the dashboard at once.
	const server = await startServer({
		port: E2E_PORT,
		database,
		logFile,
		env: {
			DASHBOARD_CACHE_SECONDS: '0',
			OUTBOX_DIR: E2E_OUTBOX,
			APP_URL,
			OIDC_ISSUER: issuer,
			OIDC_CLIENT_ID: IDP_CLIENT.id,
			OIDC_CLIENT_SECRET: IDP_CLIENT.secret,
			OIDC_DEPARTMENT_CLAIM: 'department',
			SSO_NAME: 'Aurora ID',
			SSO_CREATE_ACCOUNTS: 'true',
			SSO_ROLE_MAP: 'voce-managers=manager',
		},
	})
	// A second Voce, signing in over SAML (one protocol per installation), on a database of its own.
	const samlDatabase = path.join(tmp, 'e2e-saml.db')
	removeDatabase(samlDatabase)
	const samlServer = await startServer({
		port: E2E_SAML_PORT,
		database: samlDatabase,
		logFile: path.join(tmp, 'e2e-saml-server.log'),
		env: {
			APP_URL: SAML_APP_URL,
			OUTBOX_DIR: path.join(tmp, 'e2e-saml-outbox'),
			SAML_IDP_SSO_URL: `http://127.0.0.1:${SAML_IDP_PORT}/sso`,
			SAML_IDP_CERT: samlCert,
			SAML_DEPARTMENT_ATTRIBUTE: 'department',
			SSO_NAME: 'Aurora ID',
			SSO_CREATE_ACCOUNTS: 'true',
		},
	})
	return async () => {
		await Promise.all([server.stop(), samlServer.stop()])
		stopOidc()
		stopSaml()
	}
}
