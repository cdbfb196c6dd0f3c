import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')

/**
 * The Node options of `npm start` (the V8 heap cap), so that tests and the bench run the
 * server as production does. package.json is their one source.
 */
export const serverNodeFlags: string[] =
	(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.match(
		/--max-old-space-size=\d+/g,
	) ?? []

export type RunningServer = {
	process: ChildProcess
	url: string
	/** SIGTERM, then SIGKILL after 5 s: the graceful stop. */
	stop: () => Promise<void>
	/** SIGKILL at once: a crash. */
	kill: () => Promise<void>
	/** Everything the server has written to stdout and stderr so far. */
	output: () => string
}

export function removeDatabase(file: string) {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
}

/**
 * Starts the built production server on 127.0.0.1 and waits for /healthz. Test servers never
 * back up on their own unless asked (BACKUP_INTERVAL_MINUTES in `env`).
 */
export async function startServer({
	port,
	database,
	logFile,
	env = {},
}: {
	port: number
	database: string
	logFile: string
	env?: Record<string, string>
}) {
	if (!fs.existsSync(path.join(root, 'build', 'server', 'index.js'))) {
		throw new Error('No production build: run `npm run build` before these tests.')
	}
	fs.mkdirSync(path.dirname(logFile), { recursive: true })
	const log = fs.openSync(logFile, 'a')
	const child = spawn(process.execPath, [...serverNodeFlags, '--import', 'tsx', 'server.ts'], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			DATABASE_PATH: database,
			BACKUP_INTERVAL_MINUTES: '0',
			BACKUP_DIR: path.join(path.dirname(database), 'backups'),
			...env,
		},
		stdio: ['ignore', log, log],
	})
	fs.closeSync(log)
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
	const signal = async (name: NodeJS.Signals, wait: number) => {
		if (child.exitCode !== null || child.signalCode !== null) return
		process.kill(child.pid!, name)
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, wait))])
	}
	const server: RunningServer = {
		process: child,
		url: `http://127.0.0.1:${port}`,
		stop: async () => {
			await signal('SIGTERM', 5_000)
			await signal('SIGKILL', 5_000)
		},
		kill: () => signal('SIGKILL', 5_000),
		output: () => fs.readFileSync(logFile, 'utf8'),
	}
	const deadline = Date.now() + 30_000
	while (Date.now() < deadline && child.exitCode === null) {
		try {
			if ((await fetch(`${server.url}/healthz`)).ok) return server
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 50))
	}
	await server.stop()
	throw new Error(`The server did not start; see ${logFile}:\n${server.output()}`)
}
