import path from 'node:path'
import type Database from 'better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { backupName, writeBackup } from './backup.ts'
import { getDb, type DB } from './index.ts'

export const migrationsFolder = path.join(import.meta.dirname, '..', 'migrations')

type Options = {
	migrationsFolder?: string
	/** Where to copy an existing database before changing it; no copy without it. */
	backupDir?: string
}

/** The newest migration this code knows, and the newest the file has been through (null: a new file). */
function versions(sqlite: Database.Database, folder: string) {
	const known = readMigrationFiles({ migrationsFolder: folder })
	const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get()
	const row = hasTable ? sqlite.prepare<[], { at: number }>('SELECT max(created_at) AS at FROM __drizzle_migrations').get() : undefined
	const applied = row?.at == null ? null : Number(row.at)
	const latest = Math.max(...known.map((m) => m.folderMillis))
	return { applied, latest, pending: known.filter((m) => applied === null || m.folderMillis > applied).length }
}

const when = (millis: number) => new Date(millis).toISOString()

function newerProblem(file: string, { applied, latest }: { applied: number | null; latest: number }) {
	if (applied === null || applied <= latest) return null
	return (
		`${file} was upgraded by a newer version of Voce (its newest migration is from ${when(applied)}; ` +
		`this version knows migrations up to ${when(latest)}). Run the newer version, or restore a backup taken before that upgrade.`
	)
}

/** Why this code must not open the file (it was migrated by a newer Voce), or null. */
export function schemaVersionProblem(sqlite: Database.Database, file: string, folder = migrationsFolder) {
	return newerProblem(file, versions(sqlite, folder))
}

/**
 * Applies pending migrations, all in one transaction (drizzle's migrator: BEGIN, every
 * statement, COMMIT, or ROLLBACK on the first error). Refuses a file migrated by newer code.
 * An existing database is first copied to `backupDir` (`voce-<time>-before-migration.db`).
 */
export function runMigrations(db: DB = getDb(), options: Options = {}) {
	const folder = options.migrationsFolder ?? migrationsFolder
	const found = versions(db.$client, folder)
	const problem = newerProblem(db.$client.name, found)
	if (problem) throw new Error(problem)
	const { applied, pending } = found
	if (!pending) return { applied: 0, backup: null }
	const backup =
		applied !== null && options.backupDir
			? writeBackup(db.$client, options.backupDir, backupName(new Date(), 'before-migration')).file
			: null
	migrate(db, { migrationsFolder: folder })
	return { applied: pending, backup }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
	const { getEnv } = await import('#app/utils/env.server.ts')
	try {
		const { applied, backup } = runMigrations(getDb(), { backupDir: getEnv().BACKUP_DIR })
		if (backup) console.log(`The database as it was is kept at ${backup}.`)
		console.log(applied ? `Migrations applied: ${applied}.` : 'The database is up to date.')
	} catch (error) {
		console.error(error instanceof Error ? error.message : error)
		process.exit(1)
	}
}
