import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { removeDatabase, startServer } from '../server.ts'
import { opsDir, runToExit } from './http.ts'

const PORT = 3113
const dir = path.join(opsDir, 'startup')

/** Starts the server and waits for it to give up: its exit code and everything it printed. */
function startExpectingExit(env: Record<string, string>) {
	return runToExit(
		process.execPath,
		['--import', 'tsx', 'server.ts'],
		{ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(PORT), BACKUP_INTERVAL_MINUTES: '0', ...env },
		20_000,
	)
}

test('a bad setting stops start-up with a message naming each bad variable', async () => {
	const { code, output } = await startExpectingExit({
		PORT: 'eighty',
		MIN_GROUP_SIZE: '1',
		BACKUP_KEEP: 'all',
		DATABASE_PATH: path.join(dir, 'unused.db'),
	})
	expect(code).toBe(1)
	expect(output).toContain('Invalid configuration in environment variables')
	for (const name of ['PORT', 'MIN_GROUP_SIZE', 'BACKUP_KEEP']) expect(output).toContain(`${name}:`)
})

test('a database upgraded by a newer Voce is not opened: start-up stops and says what to do', async () => {
	const database = path.join(dir, 'newer.db')
	removeDatabase(database)
	// A real installation first, then a migration this code does not know.
	const server = await startServer({ port: PORT, database, logFile: path.join(dir, 'server.log') })
	await server.stop()
	const db = new Database(database)
	db.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-a-newer-voce', ?)").run(Date.UTC(2099, 0, 1))
	db.close()
	const { code, output } = await startExpectingExit({ DATABASE_PATH: database })
	expect(code).toBe(1)
	expect(output).toContain('Voce is not starting')
	expect(output).toContain('was upgraded by a newer version of Voce')
	expect(output).toContain('restore a backup taken before that upgrade')
})
