import fs from 'node:fs'
import path from 'node:path'

export const TEMPLATE_DB = path.join(process.cwd(), 'tests', '.tmp', 'template.db')

/** Migrates and seeds one template database; every test file works on its own copy. */
export default async function setup() {
	fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true })
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(TEMPLATE_DB + suffix, { force: true })
	process.env.DATABASE_PATH = TEMPLATE_DB
	const { runMigrations } = await import('#db/migrate.ts')
	const { seedDemoData } = await import('#db/seed.ts')
	const { closeDb, getDb } = await import('#db/index.ts')
	runMigrations()
	await seedDemoData()
	// Fold the WAL into the main file so a plain copy carries everything.
	getDb().$client.pragma('wal_checkpoint(TRUNCATE)')
	closeDb()
}
