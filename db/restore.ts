// Puts a backup in place of DATABASE_PATH, with Voce stopped (npm run restore: scripts/restore.ts).
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { backupName, fsyncPath, integrityProblems, writeBackup } from './backup.ts'
import { schemaVersionProblem } from './migrate.ts'

export class RestoreError extends Error {}

function counts(file: string) {
	const db = new Database(file, { readonly: true, fileMustExist: true })
	try {
		const tables = new Set(
			db
				.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
				.all()
				.map((r) => r.name),
		)
		for (const table of ['__drizzle_migrations', 'users', 'insights', 'ideas', 'votes']) {
			if (!tables.has(table)) throw new RestoreError(`${file} is a SQLite file but not a Voce database (no ${table} table).`)
		}
		const problem = schemaVersionProblem(db, file)
		if (problem) throw new RestoreError(problem)
		return db
			.prepare<[], { users: number; insights: number; ideas: number; votes: number }>(
				`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM insights) AS insights,
					(SELECT count(*) FROM ideas) AS ideas, (SELECT count(*) FROM votes) AS votes`,
			)
			.get()!
	} finally {
		db.close()
	}
}

/**
 * Checks `file` (integrity, a Voce schema this code can run), makes sure nothing has the
 * database open, keeps a copy of the current database beside the backups, then puts a copy
 * of `file` in its place. Migrations newer than the backup are applied at the next start.
 */
export function restoreDatabase({
	file,
	target,
	backupDir,
	now = new Date(),
}: {
	file: string
	target: string
	backupDir: string
	now?: Date
}) {
	if (!fs.existsSync(file)) throw new RestoreError(`There is no file at ${file}; nothing was changed.`)
	const problems = integrityProblems(file)
	if (problems.length) throw new RestoreError(`${file} is not a sound database, nothing was changed: ${problems.slice(0, 5).join('; ')}`)
	const restored = counts(file)

	let previous: string | null = null
	if (fs.existsSync(target)) {
		// Exclusive locking mode keeps the lock after the check; a running server holds the file
		// open in WAL mode, which makes BEGIN EXCLUSIVE fail at once.
		const current = new Database(target, { fileMustExist: true, timeout: 0 })
		try {
			current.pragma('locking_mode = EXCLUSIVE')
			current.exec('BEGIN EXCLUSIVE')
			current.exec('COMMIT')
		} catch {
			current.close()
			throw new RestoreError(`${target} is in use: stop Voce before restoring (nothing was changed).`)
		}
		try {
			previous = writeBackup(current, backupDir, backupName(now, 'before-restore')).file
		} finally {
			current.close()
		}
	}
	fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true })
	const partial = `${target}.restoring`
	fs.copyFileSync(file, partial)
	fsyncPath(partial)
	for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true })
	fs.renameSync(partial, target)
	fsyncPath(path.dirname(path.resolve(target)))
	return { restored, previous }
}
