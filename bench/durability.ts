// npm run bench:durability [-- file]: write throughput of the real vote and insight writes
// (the model functions the server calls, one transaction each) with synchronous = FULL, the
// setting Voce runs with, next to NORMAL. Works on a copy of the file (default: a fresh demo
// database), so the source is never changed.
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const copy = path.join(root, 'data', 'bench-durability.db')
const source = process.argv[2] ? path.resolve(process.argv[2]) : null
const WRITES = Number(process.env.BENCH_WRITES ?? 3_000)
const remove = () => {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
}

remove()
process.env.DATABASE_PATH = copy
process.env.LOG_LEVEL = 'silent'
const { getDb, closeDb } = await import('#db/index.ts')
const { runMigrations } = await import('#db/migrate.ts')
const { seedDemoData } = await import('#db/seed.ts')
const { setVote } = await import('#app/models/idea.server.ts')
const { createInsight } = await import('#app/models/insight.server.ts')

if (source) fs.copyFileSync(source, copy)
else {
	runMigrations()
	await seedDemoData()
	closeDb()
}
const pristine = `${copy}.pristine`
fs.copyFileSync(copy, pristine)

function measure(level: 'FULL' | 'NORMAL') {
	remove()
	fs.copyFileSync(pristine, copy)
	const db = getDb().$client
	db.pragma(`synchronous = ${level}`)
	const people = db
		.prepare<[], { id: string; departmentId: string | null }>(
			'SELECT id, department_id AS departmentId FROM users WHERE deactivated_at IS NULL',
		)
		.all()
	const ideas = db.prepare<[], string>("SELECT id FROM ideas WHERE status <> 'merged'").pluck().all()
	const channelId = db.prepare<[], string>('SELECT id FROM channels LIMIT 1').pluck().get()!
	const stageId = db.prepare<[], string>('SELECT id FROM journey_stages LIMIT 1').pluck().get()!
	// Vote and withdraw in turn, so every call writes (a vote that exists already writes nothing).
	let started = performance.now()
	for (let i = 0; i < WRITES; i++) {
		const person = people[i % people.length]!
		setVote(ideas[Math.floor(i / people.length) % ideas.length]!, person.id, Math.floor(i / (people.length * ideas.length)) % 2 === 0)
	}
	const votes = WRITES / ((performance.now() - started) / 1000)
	started = performance.now()
	for (let i = 0; i < WRITES; i++) {
		createInsight(people[i % people.length]!, {
			body: `Durability benchmark ${i}: the customer was charged twice at the pharmacy.`,
			channelId,
			stageId,
			eventId: null,
			emotion: 2,
			occurredAt: new Date(),
			anonymous: i % 10 === 0,
		})
	}
	const insights = WRITES / ((performance.now() - started) / 1000)
	closeDb()
	return { level, votesPerSecond: Math.round(votes), insightsPerSecond: Math.round(insights) }
}

const results = [measure('FULL'), measure('NORMAL'), measure('FULL'), measure('NORMAL')]
remove()
fs.rmSync(pristine, { force: true })
console.log(
	`${WRITES} writes of each kind on ${source ? path.relative(root, source) : 'the demo database'}, one transaction each, journal_mode = WAL`,
)
console.log('| synchronous | votes/s | insights/s |\n|---|---:|---:|')
for (const r of results) console.log(`| ${r.level} | ${r.votesPerSecond} | ${r.insightsPerSecond} |`)
