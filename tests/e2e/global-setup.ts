import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { E2E_OUTBOX, E2E_PORT } from '../../playwright.config.ts'
import { IDP_CLIENT } from '../idp/oidc.ts'
import { removeDatabase, root, startServer } from '../server.ts'

const IDP_PORT = E2E_PORT + 1
const APP_URL = `http://127.0.0.1:${E2E_PORT}`

/** The tests' OpenID provider in a process of its own, answering before this returns; stopped by its PID. */
async function startIdp(logFile: string) {
	const log = fs.openSync(logFile, 'a')
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/idp/oidc-server.ts', String(IDP_PORT), `${APP_URL}/sso/oidc/callback`], {
		cwd: root,
		stdio: ['ignore', log, log],
	})
	fs.closeSync(log)
	const issuer = `http://127.0.0.1:${IDP_PORT}`
	for (let waited = 0; ; waited += 100) {
		try {
			if ((await fetch(`${issuer}/.well-known/openid-configuration`)).ok) break
		} catch {
			// not listening yet
		}
		if (waited > 20_000) throw new Error(`The OpenID provider did not start; see ${logFile}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	return { issuer, stop: () => void process.kill(child.pid!, 'SIGTERM') }
}

/** Starts the built production server on a fresh database, signing in through the tests' IdP too; the returned function stops both by PID. */
export default async function globalSetup() {
	const database = path.join(root, 'tests', '.tmp', 'e2e.db')
	removeDatabase(database)
	fs.rmSync(E2E_OUTBOX, { recursive: true, force: true })
	const logFile = path.join(root, 'tests', '.tmp', 'e2e-server.log')
	fs.rmSync(logFile, { force: true })
	const idp = await startIdp(path.join(root, 'tests', '.tmp', 'e2e-idp.log'))
	// Figures computed fresh on every request: a journey sees its own changes on the dashboard at once.
	const server = await startServer({
		port: E2E_PORT,
		database,
		logFile,
		env: {
			DASHBOARD_CACHE_SECONDS: '0',
			OUTBOX_DIR: E2E_OUTBOX,
			APP_URL,
			OIDC_ISSUER: idp.issuer,
			OIDC_CLIENT_ID: IDP_CLIENT.id,
			OIDC_CLIENT_SECRET: IDP_CLIENT.secret,
			OIDC_DEPARTMENT_CLAIM: 'department',
			SSO_NAME: 'Aurora ID',
			SSO_CREATE_ACCOUNTS: 'true',
			SSO_ROLE_MAP: 'voce-managers=manager',
		},
	})
	return async () => {
		await server.stop()
		idp.stop()
	}
}
