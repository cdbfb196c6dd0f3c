import { fork } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import { counterDrift } from '#tests/counters.ts'
import { demoUser } from '#tests/utils.ts'
import { backupDatabase, backupName, integrityProblems, newestBackupAt } from './backup.ts'
import { getDb } from './index.ts'
import { restoreDatabase, RestoreError } from './restore.ts'

const work = path.join(process.cwd(), 'tests', '.tmp', `backup-${crypto.randomUUID()}`)
const live = () => process.env.DATABASE_PATH!
afterEach(() => fs.rmSync(work, { recursive: true, force: true }))

const NO_DRIFT = { ideaVotes: 0, ideaComments: 0, insightRecurrences: 0 }
const count = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get() as number
const insightsIn = (file: string) => {
	const db = new Database(file, { readonly: true })
	try {
		return {
			insights: count(db, 'SELECT count(*) FROM insights'),
			// Stored counters that disagree with their rows: a torn copy would show them.
			drift: counterDrift(db),
		}
	} finally {
		db.close()
	}
}

test('a backup taken while another process writes is a sound, consistent snapshot', async () => {
	const before = count(getDb().$client, 'SELECT count(*) FROM insights')
	const writer = fork(
		'tests/workers/insights.ts',
		[JSON.stringify({ authorId: demoUser('employee').id, seerId: demoUser('manager').id, count: 1500, signalAfter: 100 })],
		{
			execArgv: ['--import', 'tsx'],
		},
	)
	const done = new Promise<void>((resolve, reject) => {
		writer.on('message', (m) => m === 'done' && resolve())
		writer.once('error', reject)
		writer.once('exit', (code) => (code ? reject(new Error(`writer exited with ${code}`)) : resolve()))
	})
	await new Promise<void>((resolve) => writer.on('message', (m) => m === 'writing' && resolve()))

	const result = backupDatabase({ source: live(), dir: work, keep: 5 })
	await done
	const after = count(getDb().$client, 'SELECT count(*) FROM insights')

	expect(path.basename(result.file)).toMatch(/^voce-\d{4}-\d\d-\d\dT[\d-]+Z\.db$/)
	expect(integrityProblems(result.file)).toEqual([])
	const copy = insightsIn(result.file)
	expect(copy.drift).toEqual(NO_DRIFT)
	// Taken mid-stream: more than the writer had written when it signalled, fewer than in the end.
	expect(copy.insights).toBeGreaterThan(before + 100)
	expect(copy.insights).toBeLessThan(after)
	expect(after).toBe(before + 1500)
	expect(insightsIn(live()).drift).toEqual(NO_DRIFT)
})

test('backups are rotated: the newest N are kept, copies made before an upgrade or a restore are never deleted', () => {
	fs.mkdirSync(work, { recursive: true })
	fs.writeFileSync(path.join(work, backupName(new Date('2026-01-01T00:00:00Z'), 'before-migration')), '')
	const days = [1, 2, 3, 4, 5].map((d) => new Date(Date.UTC(2026, 1, d, 3)))
	for (const now of days) backupDatabase({ source: live(), dir: work, keep: 3, now })
	expect(fs.readdirSync(work).sort()).toEqual([
		'voce-2026-01-01T00-00-00-000Z-before-migration.db',
		'voce-2026-02-03T03-00-00-000Z.db',
		'voce-2026-02-04T03-00-00-000Z.db',
		'voce-2026-02-05T03-00-00-000Z.db',
	])
	expect(newestBackupAt(work)).toBeInstanceOf(Date)
	expect(newestBackupAt(path.join(work, 'none'))).toBeNull()
})

test('restore puts a backup in place, keeps the database it replaces, and refuses a database in use', () => {
	const backup = backupDatabase({ source: live(), dir: work, keep: 5 }).file
	const expected = insightsIn(backup).insights

	// The live test database is open in this process, as a running server holds it.
	const liveBytes = fs.readFileSync(live())
	expect(() => restoreDatabase({ file: backup, target: live(), backupDir: work })).toThrowError(/is in use: stop Voce before restoring/)
	expect(fs.readFileSync(live()).equals(liveBytes)).toBe(true)

	// A stopped installation whose database has since changed.
	const target = path.join(work, 'installed', 'voce.db')
	fs.mkdirSync(path.dirname(target))
	fs.copyFileSync(backup, target)
	const changed = new Database(target)
	changed.pragma('journal_mode = WAL')
	changed.exec("UPDATE insights SET body = 'Changed after the backup.'")
	changed.close()

	const { restored, previous } = restoreDatabase({ file: backup, target, backupDir: work })
	expect(restored.insights).toBe(expected)
	expect(integrityProblems(target)).toEqual([])
	const db = new Database(target, { readonly: true })
	expect(count(db, "SELECT count(*) FROM insights WHERE body = 'Changed after the backup.'")).toBe(0)
	db.close()
	expect(fs.existsSync(`${target}-wal`)).toBe(false)
	const kept = new Database(previous!, { readonly: true })
	expect(count(kept, "SELECT count(*) FROM insights WHERE body = 'Changed after the backup.'")).toBe(expected)
	kept.close()
})

test('restore refuses a damaged file, a file that is not a Voce database, and one from a newer Voce, changing nothing', () => {
	const backup = backupDatabase({ source: live(), dir: work, keep: 5 }).file
	const target = path.join(work, 'installed.db')
	fs.copyFileSync(backup, target)
	const original = fs.readFileSync(target)

	// A page in the middle overwritten with junk, as a bad disk or an interrupted copy leaves it.
	const damaged = path.join(work, 'damaged.db')
	const bytes = Buffer.from(original)
	const pageSize = bytes.readUInt16BE(16)
	crypto.randomFillSync(bytes, pageSize * 3, pageSize * 2)
	fs.writeFileSync(damaged, bytes)
	const truncated = path.join(work, 'truncated.db')
	fs.writeFileSync(truncated, original.subarray(0, Math.floor(original.length / 2)))
	const text = path.join(work, 'notes.db')
	fs.writeFileSync(text, 'not a database at all')
	const other = path.join(work, 'other.db')
	const otherDb = new Database(other)
	otherDb.exec('CREATE TABLE t (x)')
	otherDb.close()
	const newer = path.join(work, 'newer.db')
	fs.copyFileSync(backup, newer)
	const newerDb = new Database(newer)
	newerDb.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)").run(Date.UTC(2099, 0, 1))
	newerDb.close()

	for (const [file, message] of [
		[damaged, /not a sound database/],
		[truncated, /not a sound database/],
		[text, /not a sound database/],
		[other, /not a Voce database/],
		[newer, /newer version of Voce/],
		[path.join(work, 'missing.db'), /There is no file at/],
	] as const) {
		expect(() => restoreDatabase({ file, target, backupDir: work }), file).toThrowError(RestoreError)
		expect(() => restoreDatabase({ file, target, backupDir: work }), file).toThrowError(message)
	}
	expect(fs.readFileSync(target).equals(original)).toBe(true)
})
