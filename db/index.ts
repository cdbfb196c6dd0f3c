import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { getEnv } from '#app/utils/env.server.ts'
import * as schema from './schema.ts'

export function openDatabase(file: string) {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
	const sqlite = new Database(file)
	sqlite.pragma('journal_mode = WAL')
	// FULL: a write the user was told succeeded survives a machine crash (STACK.md measured NORMAL losing it).
	sqlite.pragma('synchronous = FULL')
	sqlite.pragma('foreign_keys = ON')
	sqlite.pragma('busy_timeout = 5000')
	// A deleted or moved row leaves no readable copy in the pages it was in (a moved anonymous
	// row would otherwise stay where it was written, among its neighbours). FAST costs no extra I/O.
	sqlite.pragma('secure_delete = FAST')
	return drizzle(sqlite, { schema })
}

export type DB = ReturnType<typeof openDatabase>

// One connection per process: the Remix bundle and server.ts both import this
// module, so the handle lives on globalThis rather than in module scope.
const globalForDb = globalThis as unknown as { __voceDb?: DB }

export function getDb(): DB {
	globalForDb.__voceDb ??= openDatabase(getEnv().DATABASE_PATH)
	return globalForDb.__voceDb
}

export function closeDb() {
	globalForDb.__voceDb?.$client.close()
	globalForDb.__voceDb = undefined
}

export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

/**
 * A write transaction that takes the write lock at BEGIN. A deferred one reads first and
 * then fails with SQLITE_BUSY, without waiting, when another connection wrote meanwhile.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
	return getDb().transaction(fn, { behavior: 'immediate' })
}

/**
 * Copies the write-ahead log into the database file and empties it. Called after an anonymous
 * submission: the WAL keeps each commit's pages together, in order, so until the next
 * checkpoint it would show the anonymous row written with (or right after) rows that name its
 * author (the weekly activity mark, a session touch). Never waits for readers: when one holds
 * an old snapshot (a long backup), it tries again every 2 s, up to a minute.
 */
export function emptyWal(attempt = 0) {
	const sqlite = getDb().$client
	if (sqlite.memory) return
	sqlite.pragma('busy_timeout = 0')
	let done = false
	try {
		const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
		done = result?.busy === 0
	} catch {
		// SQLITE_BUSY or LOCKED: another connection is in the way; try again below.
	} finally {
		sqlite.pragma('busy_timeout = 5000')
	}
	if (!done && attempt < 30) setTimeout(() => emptyWal(attempt + 1), 2_000).unref()
}
