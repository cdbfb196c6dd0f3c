import path from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { type DB, getDb } from './index.ts'

export const migrationsFolder = path.join(import.meta.dirname, '..', 'migrations')

/** Applies pending migrations; drizzle runs them in one transaction. */
export function runMigrations(db: DB = getDb()) {
	migrate(db, { migrationsFolder })
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
	runMigrations()
	console.log('Migrations applied.')
}
