// A consistent copy of the live database, checked, timestamped, rotated (npm run backup: scripts/backup.ts).
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/** Rotated backups are `voce-<UTC time>.db`; copies made before a migration or a restore have a suffix and are never rotated out. */
const ROTATED = /^voce-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.db$/

export function backupName(at: Date, suffix?: string) {
	return `voce-${at.toISOString().replace(/[:.]/g, '-')}${suffix ? `-${suffix}` : ''}.db`
}

/** Why a file is not a sound database, or [] when `PRAGMA integrity_check` says ok. */
export function integrityProblems(file: string): string[] {
	if (!fs.existsSync(file)) return [`${file} does not exist`]
	let db: Database.Database | undefined
	try {
		db = new Database(file, { readonly: true, fileMustExist: true })
		const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>
		return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok')
	} catch (error) {
		return [error instanceof Error ? error.message : String(error)]
	} finally {
		db?.close()
	}
}

/** Flushes a file (or a directory, so a rename in it is durable) to disk. */
export function fsyncPath(file: string) {
	const fd = fs.openSync(file, 'r')
	try {
		fs.fsyncSync(fd)
	} finally {
		fs.closeSync(fd)
	}
}

/**
 * Writes a copy of `db` (a connection to the live file) with VACUUM INTO: one read transaction,
 * so the copy is a consistent snapshot while writers carry on, and it is compact (no WAL, no
 * free pages holding deleted rows). The copy is checked, synced and renamed into place, so a
 * file with the final name is always complete.
 */
export function writeBackup(db: Database.Database, dir: string, name: string) {
	fs.mkdirSync(dir, { recursive: true })
	const file = path.join(dir, name)
	const partial = path.join(dir, `.${name}.partial`)
	fs.rmSync(partial, { force: true })
	const started = performance.now()
	try {
		db.prepare('VACUUM INTO ?').run(partial)
		const problems = integrityProblems(partial)
		if (problems.length) throw new Error(`The copy failed its integrity check: ${problems.slice(0, 5).join('; ')}`)
		fsyncPath(partial)
		fs.renameSync(partial, file)
		fsyncPath(dir)
	} finally {
		fs.rmSync(partial, { force: true })
	}
	return { file, bytes: fs.statSync(file).size, ms: Math.round(performance.now() - started) }
}

/** The rotated backups in `dir`, oldest first (the names sort by time). */
function rotatedBackups(dir: string) {
	return fs.existsSync(dir)
		? fs
				.readdirSync(dir)
				.filter((name) => ROTATED.test(name))
				.sort()
		: []
}

/** Deletes the oldest rotated backups beyond `keep`; returns the names deleted. */
export function rotateBackups(dir: string, keep: number) {
	const rotated = rotatedBackups(dir)
	const removed = rotated.slice(0, Math.max(0, rotated.length - keep))
	for (const name of removed) fs.rmSync(path.join(dir, name))
	return removed
}

/** When the newest rotated backup was taken, or null when there is none. */
export function newestBackupAt(dir: string): Date | null {
	const newest = rotatedBackups(dir).at(-1)
	return newest ? fs.statSync(path.join(dir, newest)).mtime : null
}

/** A rotated backup of the database file at `source`, taken from a connection of its own. */
export function backupDatabase({ source, dir, keep, now = new Date() }: { source: string; dir: string; keep: number; now?: Date }) {
	if (!fs.existsSync(source)) throw new Error(`There is no database at ${source} (DATABASE_PATH).`)
	const db = new Database(source, { fileMustExist: true })
	try {
		db.pragma('busy_timeout = 5000')
		const written = writeBackup(db, dir, backupName(now))
		return { ...written, removed: rotateBackups(dir, keep) }
	} finally {
		db.close()
	}
}
