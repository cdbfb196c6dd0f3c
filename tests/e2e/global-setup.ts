import fs from 'node:fs'
import path from 'node:path'
import { E2E_OUTBOX, E2E_PORT } from '../../playwright.config.ts'
import { removeDatabase, root, startServer } from '../server.ts'

/** Starts the built production server on a fresh database; the returned function stops it by PID. */
export default async function globalSetup() {
	const database = path.join(root, 'tests', '.tmp', 'e2e.db')
	removeDatabase(database)
	fs.rmSync(E2E_OUTBOX, { recursive: true, force: true })
	const logFile = path.join(root, 'tests', '.tmp', 'e2e-server.log')
	fs.rmSync(logFile, { force: true })
	// Figures computed fresh on every request: a journey sees its own changes on the dashboard at once.
	const server = await startServer({
		port: E2E_PORT,
		database,
		logFile,
		env: { DASHBOARD_CACHE_SECONDS: '0', OUTBOX_DIR: E2E_OUTBOX, APP_URL: `http://127.0.0.1:${E2E_PORT}` },
	})
	return server.stop
}
