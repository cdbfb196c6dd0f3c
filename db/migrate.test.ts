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

function journalLength() {
	return (JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal).entries.length
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
	old.$client
		.prepare("INSERT INTO search (rowid, kind, item_id, title, body) VALUES (7, 'insight', 'n1', '', 'Card swallowed abroad')")
		.run()
	const { applied, backup } = runMigrations(old, { backupDir: backups })
	// Every migration since: 0006 onwards.
	expect(applied).toBe(journalLength() - 6)
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
		{
			tag: '0100_broken',
			sql: 'ALTER TABLE ideas ADD probe_column integer;\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);',
		},
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

test('anonymous items written before 0009 move to unordered rowids and keep only their day; sessions keep their day', async () => {
	const { trendScore } = await import('#app/models/idea.ts')
	fs.mkdirSync(work, { recursive: true })
	const db = openDatabase(path.join(work, 'anonymous.db'))
	runMigrations(db, { migrationsFolder: migrationsCopy('before-0009', 9) })
	const run = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).run(...params)
	const at = Date.UTC(2026, 2, 4, 10, 11, 12, 345)
	const vote = Date.UTC(2026, 2, 6, 8, 0, 0, 1)
	run("INSERT INTO users (id, email, name, role, email_digest, created_at) VALUES ('u1', 'u1@x.example', 'U One', 'employee', 'daily', 0)")
	run("INSERT INTO journey_stages (id, name, position, created_at) VALUES ('s1', 'Use', 1, 0)")
	run("INSERT INTO channels (id, name, created_at) VALUES ('c1', 'Phone', 0)")
	const insight = (id: string, anonymous: number, body: string) =>
		run(
			"INSERT INTO insights (id, body, channel_id, stage_id, emotion, occurred_at, author_id, anonymous, created_at) VALUES (?, ?, 'c1', 's1', 3, ?, ?, ?, ?)",
			id,
			body,
			at - 60_000,
			anonymous ? null : 'u1',
			anonymous,
			at,
		)
	insight('n1', 0, 'Named before')
	insight('a1', 1, 'Anonymous swallowed card')
	insight('n2', 0, 'Named after')
	run(
		"INSERT INTO ideas (id, title, problem, proposal, benefit, anonymous, status, vote_count, comment_count, trend_score, created_at) VALUES ('i1', 'Anonymous idea', 'p', 'q', 'r', 1, 'submitted', 1, 0, ?, ?)",
		trendScore([at, vote]),
		at,
	)
	run("INSERT INTO idea_stages (idea_id, stage_id) VALUES ('i1', 's1')")
	run("INSERT INTO votes (idea_id, user_id, created_at) VALUES ('i1', 'u1', ?)", vote)
	run("INSERT INTO receipts (code_hash, insight_id) VALUES ('h1', 'a1')")
	run("INSERT INTO sessions (id, user_id, secret_hash, last_verified_at, created_at) VALUES ('s', 'u1', x'00', ?, ?)", at + 5, at - 62)

	expect(runMigrations(db, { migrationsFolder: migrationsCopy('through-0009', 10) }).applied).toBe(1)
	const get = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T
	const day = Date.UTC(2026, 2, 4)
	expect(get('SELECT rowid AS r, created_at AS c, occurred_at AS o FROM insights WHERE id = ?', 'a1')).toEqual({
		r: expect.any(Number),
		c: day,
		o: day,
	})
	expect(get<{ r: number }>('SELECT rowid AS r FROM insights WHERE id = ?', 'a1').r).toBeLessThan(0)
	// Named rows keep their rowids and times.
	expect(db.$client.prepare("SELECT rowid FROM insights WHERE id IN ('n1', 'n2') ORDER BY rowid").pluck().all()).toEqual([1, 3])
	expect(get('SELECT created_at AS c FROM insights WHERE id = ?', 'n2')).toEqual({ c: at })
	for (const sql of [
		"SELECT rowid FROM ideas WHERE id = 'i1'",
		"SELECT rowid FROM idea_stages WHERE idea_id = 'i1'",
		"SELECT rowid FROM receipts WHERE code_hash = 'h1'",
	]) {
		expect(db.$client.prepare(sql).pluck().get()).toBeLessThan(0)
	}
	// The trend score no longer carries the exact time: it is the day's, with the vote.
	expect(get<{ t: number }>("SELECT trend_score AS t FROM ideas WHERE id = 'i1'").t).toBeCloseTo(trendScore([day, vote]), 9)
	// The search entry moved with it and is still found; the named ones stayed.
	const found = db.$client.prepare("SELECT rowid FROM search WHERE search MATCH 'swallo*'").pluck().all() as number[]
	expect(found).toHaveLength(1)
	expect(found[0]).toBeLessThan(0)
	expect(get('SELECT id FROM search_docs WHERE item_id = ?', 'a1')).toEqual({ id: found[0] })
	expect(db.$client.prepare("SELECT rowid FROM search WHERE search MATCH 'named' ORDER BY rowid").pluck().all()).toEqual([1, 3])
	expect(get('SELECT created_at AS c, last_verified_at AS l FROM sessions')).toEqual({ c: day, l: day })
	// New anonymous rows get an unordered search entry from the trigger.
	insight('a2', 1, 'Another anonymous one')
	expect(get<{ id: number }>("SELECT id FROM search_docs WHERE item_id = 'a2'").id).toBeLessThan(0)
	insight('n3', 0, 'Named later')
	expect(get<{ id: number }>("SELECT id FROM search_docs WHERE item_id = 'n3'").id).toBeGreaterThan(0)
	expect(integrityProblems(db.$client.name)).toEqual([])
	db.$client.close()
})

test('Italian taxonomy names written before 0010 move into names, and name_it is gone', () => {
	fs.mkdirSync(work, { recursive: true })
	const db = openDatabase(path.join(work, 'names.db'))
	runMigrations(db, { migrationsFolder: migrationsCopy('before-0010', 10) })
	const run = (sql: string) => db.$client.prepare(sql).run()
	run(
		"INSERT INTO journey_stages (id, name, name_it, position, created_at) VALUES ('s1', 'Pay', 'Pagamento', 1, 0), ('s2', 'Renew', NULL, 2, 0)",
	)
	run(
		"INSERT INTO critical_events (id, name, name_it, default_stage_id, created_at) VALUES ('e1', 'Payment declined', 'Pagamento rifiutato', 's1', 0)",
	)
	run("INSERT INTO channels (id, name, name_it, created_at) VALUES ('c1', 'Phone', '', 0)")
	// 0010 and every migration since.
	expect(runMigrations(db).applied).toBe(journalLength() - 10)
	const names = (table: string) => db.$client.prepare(`SELECT id, names FROM ${table} ORDER BY id`).all()
	expect(names('journey_stages')).toEqual([
		{ id: 's1', names: '{"it":"Pagamento"}' },
		{ id: 's2', names: '{}' },
	])
	expect(names('critical_events')).toEqual([{ id: 'e1', names: '{"it":"Pagamento rifiutato"}' }])
	expect(names('channels')).toEqual([{ id: 'c1', names: '{}' }])
	for (const table of ['journey_stages', 'critical_events', 'channels']) expect(columns(db.$client, table)).not.toContain('name_it')
	db.$client.close()
})

test('0015 moves impact and effort into the scores, with the weighted score where both were given', () => {
	fs.mkdirSync(work, { recursive: true })
	const db = openDatabase(path.join(work, 'scores.db'))
	runMigrations(db, { migrationsFolder: migrationsCopy('before-0015', 15) })
	expect(columns(db.$client, 'ideas')).toContain('impact')
	const idea = (id: string, impact: number | null, effort: number | null) =>
		db.$client
			.prepare(
				"INSERT INTO ideas (id, title, problem, proposal, benefit, anonymous, status, vote_count, comment_count, trend_score, impact, effort, created_at) VALUES (?, 't', 'p', 'q', 'r', 0, 'submitted', 0, 0, 0, ?, ?, 0)",
			)
			.run(id, impact, effort)
	idea('both', 5, 2)
	idea('impact', 3, null)
	idea('none', null, null)
	runMigrations(db)
	expect(columns(db.$client, 'ideas')).not.toContain('impact')
	const rows = db.$client.prepare('SELECT id, scores, score FROM ideas ORDER BY id').all()
	expect(rows).toEqual([
		{ id: 'both', scores: '{"impact":5,"effort":2}', score: 4.5 },
		{ id: 'impact', scores: '{"impact":3}', score: null },
		{ id: 'none', scores: null, score: null },
	])
	db.$client.close()
})
