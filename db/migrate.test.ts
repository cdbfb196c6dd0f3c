import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import { integrityProblems } from './backup.ts'
import { openDatabase } from './index.ts'
import { migrationsFolder, runMigrations } from './migrate.ts'

const work = path.join(process.cwd(), 'tests', '.tmp', `migrate-${crypto.randomUUID()}`)
afterEach(() => fs.rmSync(work, { recursive: true, force: true }))

type Journal = { entries: Array<{ idx: number; when: number; tag: string; version: string; breakpoints: boolean }> }

/** A copy of the migrations folder with the journal cut to `keep` entries and `extra` SQL files added. */
function migrationsCopy(name: string, keep?: number, extra: Array<{ tag: string; sql: string }> = []) {
	const folder = path.join(work, name)
	fs.cpSync(migrationsFolder, folder, { recursive: true })
	const journalFile = path.join(folder, 'meta', '_journal.json')
	const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal
	journal.entries = journal.entries.slice(0, keep ?? journal.entries.length)
	for (const { tag, sql } of extra) {
		const last = journal.entries.at(-1)!
		journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1_000, tag })
		fs.writeFileSync(path.join(folder, `${tag}.sql`), sql)
	}
	fs.writeFileSync(journalFile, JSON.stringify(journal))
	return folder
}

function columns(db: Database.Database, table: string) {
	return (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name)
}

test('an older database is backed up, then upgraded with its data kept', () => {
	fs.mkdirSync(work, { recursive: true })
	const file = path.join(work, 'old.db')
	const old = openDatabase(file)
	// The schema as it was before the dashboard migrations (0006, 0007) and the search prefixes (0008).
	runMigrations(old, { migrationsFolder: migrationsCopy('old', 6) })
	expect(columns(old.$client, 'ideas')).not.toContain('closed_at')
	old.$client.prepare("INSERT INTO departments (id, name, created_at) VALUES ('d1', 'Contact Centre Bari', 0)").run()

	const backups = path.join(work, 'backups')
	old.$client.prepare("INSERT INTO search_docs (id, kind, item_id) VALUES (7, 'insight', 'n1')").run()
	old.$client.prepare("INSERT INTO search (rowid, kind, item_id, title, body) VALUES (7, 'insight', 'n1', '', 'Card swallowed abroad')").run()
	const { applied, backup } = runMigrations(old, { backupDir: backups })
	expect(applied).toBe(3)
	expect(columns(old.$client, 'ideas')).toContain('closed_at')
	// The search index was rebuilt with its prefix indexes, its rows and its triggers kept.
	expect(old.$client.prepare("SELECT sql FROM sqlite_master WHERE name = 'search'").pluck().get()).toContain("prefix = '2 3 4 5 6 7 8'")
	expect(old.$client.prepare("SELECT rowid FROM search WHERE search MATCH 'swallo*'").pluck().all()).toEqual([7])
	expect(old.$client.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_%'").pluck().get()).toBe(9)
	expect(old.$client.prepare('SELECT name FROM departments').pluck().all()).toEqual(['Contact Centre Bari'])
	old.$client.close()

	// The copy taken first is the database as it was: sound, with the data, without the new column.
	expect(backup).toMatch(/voce-.*-before-migration\.db$/)
	expect(integrityProblems(backup!)).toEqual([])
	const copy = new Database(backup!, { readonly: true })
	expect(copy.prepare('SELECT name FROM departments').pluck().all()).toEqual(['Contact Centre Bari'])
	expect(columns(copy, 'ideas')).not.toContain('closed_at')
	copy.close()

	// Starting again finds nothing to do and takes no copy.
	const again = openDatabase(file)
	expect(runMigrations(again, { backupDir: backups })).toEqual({ applied: 0, backup: null })
	again.$client.close()
	expect(fs.readdirSync(backups)).toHaveLength(1)
})

test('a migration that fails part-way leaves the database as it was', () => {
	fs.mkdirSync(work, { recursive: true })
	const file = path.join(work, 'current.db')
	const db = openDatabase(file)
	runMigrations(db)
	const before = db.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()
	const broken = migrationsCopy('broken', undefined, [
		{ tag: '0099_probe', sql: 'CREATE TABLE probe (x integer);' },
		{ tag: '0100_broken', sql: 'ALTER TABLE ideas ADD probe_column integer;\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);' },
	])
	expect(() => runMigrations(db, { migrationsFolder: broken })).toThrowError(/no_such_table/)
	expect(db.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'probe'").pluck().get()).toBe(0)
	expect(columns(db.$client, 'ideas')).not.toContain('probe_column')
	expect(db.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(before)
	db.$client.close()
})

test('a database upgraded by a newer Voce is refused with a message that says what to do', () => {
	fs.mkdirSync(work, { recursive: true })
	const file = path.join(work, 'newer.db')
	const db = openDatabase(file)
	runMigrations(db)
	db.$client.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', ?)").run(Date.UTC(2099, 0, 1))
	expect(() => runMigrations(db)).toThrowError(
		/newer-?.*was upgraded by a newer version of Voce \(its newest migration is from 2099-01-01T00:00:00.000Z.*Run the newer version, or restore a backup/,
	)
	db.$client.close()
})
