import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { E2E_PORT } from '../../playwright.config.ts'

const root = path.resolve(import.meta.dirname, '..', '..')

/** Starts the built production server on a fresh database; the returned function stops it by PID. */
export default async function globalSetup() {
	if (!fs.existsSync(path.join(root, 'build', 'server', 'index.js'))) {
		throw new Error('No production build: run `npm run build` before the end-to-end tests.')
	}
	const dbPath = path.join(root, 'tests', '.tmp', 'e2e.db')
	fs.mkdirSync(path.dirname(dbPath), { recursive: true })
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true })
	const logPath = path.join(root, 'tests', '.tmp', 'e2e-server.log')
	const log = fs.openSync(logPath, 'w')
	const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
		cwd: root,
		env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(E2E_PORT), DATABASE_PATH: dbPath },
		stdio: ['ignore', log, log],
	})
	const stop = async () => {
		if (server.exitCode !== null) return
		const exited = new Promise((resolve) => server.once('exit', resolve))
		process.kill(server.pid!, 'SIGTERM')
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
		if (server.exitCode === null) process.kill(server.pid!, 'SIGKILL')
	}
	const deadline = Date.now() + 30_000
	while (Date.now() < deadline) {
		if (server.exitCode !== null) break
		try {
			const response = await fetch(`http://127.0.0.1:${E2E_PORT}/healthz`)
			if (response.ok) return stop
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
	await stop()
	throw new Error(`The server did not start; see ${logPath}:\n${fs.readFileSync(logPath, 'utf8')}`)
}
