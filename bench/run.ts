// npm run bench [-- path/to/scale.db]: the production server on the reference data set,
// measured with autocannon on 127.0.0.1. Prints a table and writes bench/results.json.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { counterDrift } from '#tests/counters.ts'
import { serverNodeFlags } from '#tests/server.ts'
import { emergingQuality, printEmergingQuality } from './emerging.ts'
import { duplicateQuality, printDuplicateQuality } from './quality.ts'
import { printSpikeQuality, spikeQuality } from './signals.ts'
import { printTagQuality, tagQuality } from './tags.ts'

const root = path.resolve(import.meta.dirname, '..')
const source = path.resolve(process.argv[2] ?? process.env.BENCH_DB ?? path.join(root, 'data', 'scale.db'))
const copy = path.join(root, 'data', 'bench-run.db')
const PORT = Number(process.env.BENCH_PORT ?? 3400)
const BASE = `http://127.0.0.1:${PORT}`
const CONNECTIONS = 10
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const WRITES = Number(process.env.BENCH_WRITES ?? 12_000)
// BENCH_ONLY=search,vote measures only the scenarios whose names contain one of the words
// (the floor always runs); BENCH_PROFILE=1 writes a CPU profile of the server to data/profiles.
const ONLY = (process.env.BENCH_ONLY ?? '')
	.split(',')
	.map((w) => w.trim())
	.filter(Boolean)
const PROFILE = process.env.BENCH_PROFILE === '1'

function step(message: string) {
	console.log(`· ${message}`)
}

if (!fs.existsSync(source)) {
	step(`${path.relative(root, source)} is missing: generating the reference data set (about 2.5 minutes)`)
	const seeded = spawnSync('npx', ['tsx', 'db/seed-scale.ts', source], {
		cwd: root,
		stdio: 'inherit',
	})
	if (seeded.status !== 0) process.exit(1)
}
if (!fs.existsSync(path.join(root, 'build', 'server', 'index.js'))) {
	step('building the app')
	if (spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1)
}

// Every run starts from the same file: the write benchmarks change the copy, never the source.
step('copying the data set')
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
fs.copyFileSync(source, copy)

// Sessions, ids and vote pairs are prepared before the server starts, straight in the file.
process.env.DATABASE_PATH = copy
const { createSession, sessionCookie } = await import('#app/utils/session.server.ts')
const { closeDb } = await import('#db/index.ts')
const { toLocalInput } = await import('#app/utils/time.ts')
const db = new Database(copy)
const cookieFor = async (userId: string) => (await sessionCookie.serialize(createSession(userId).token)).split(';')[0]!
const admin = db.prepare<[], { id: string }>("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").get()!
const adminCookie = await cookieFor(admin.id)
const voters = db
	.prepare<[], { id: string }>("SELECT id FROM users WHERE role = 'employee' AND deactivated_at IS NULL ORDER BY random() LIMIT 500")
	.all()
const voterCookies = new Map<string, string>()
for (const v of voters) voterCookies.set(v.id, await cookieFor(v.id))
const anyVoterCookie = [...voterCookies.values()]
const ideaIds = db
	.prepare<[], { id: string }>("SELECT id FROM ideas WHERE hidden_at IS NULL AND status <> 'merged' ORDER BY random() LIMIT 2000")
	.all()
	.map((r) => r.id)
// A decided idea takes no votes (409): votes go to open ones.
const openIdeaIds = db
	.prepare<[], { id: string }>(
		"SELECT id FROM ideas WHERE hidden_at IS NULL AND status IN ('submitted', 'in_review', 'accepted', 'in_progress') ORDER BY random() LIMIT 2000",
	)
	.all()
	.map((r) => r.id)
const stage = db.prepare<[], { id: string }>('SELECT id FROM journey_stages ORDER BY position LIMIT 1 OFFSET 3').get()!.id
const { id: event, stage: eventStage } = db
	.prepare<[], { id: string; stage: string }>('SELECT id, default_stage_id AS stage FROM critical_events ORDER BY name LIMIT 1')
	.get()!
const channel = db.prepare<[], { id: string }>('SELECT id FROM channels ORDER BY name LIMIT 1').get()!.id
const department = db
	.prepare<[], { id: string }>(
		'SELECT department_id AS id FROM users WHERE department_id IS NOT NULL GROUP BY department_id ORDER BY count(*) DESC LIMIT 1',
	)
	.get()!.id
const words = [
	...new Set(
		db
			.prepare<[], { title: string }>('SELECT title FROM ideas ORDER BY random() LIMIT 200')
			.all()
			.flatMap((r) => r.title.toLowerCase().split(/\W+/))
			.filter((w) => w.length >= 5),
	),
].slice(0, 60)
// Vote pairs nobody has voted yet, each used once: every success must add exactly one row.
const hasVote = db.prepare<[string, string], { x: number }>('SELECT 1 AS x FROM votes WHERE idea_id = ? AND user_id = ?')
const pairs: Array<[string, string]> = []
const seen = new Set<string>()
while (pairs.length < WRITES) {
	const ideaId = openIdeaIds[Math.floor(Math.random() * openIdeaIds.length)]!
	const userId = voters[Math.floor(Math.random() * voters.length)]!.id
	const key = `${ideaId}|${userId}`
	if (seen.has(key) || hasVote.get(ideaId, userId)) continue
	seen.add(key)
	pairs.push([ideaId, userId])
}
// An office board for the largest department, as a wall screen signs in.
db.close()
const { createBoardToken } = await import('#app/models/board.server.ts')
const { boardCookie } = await import('#app/utils/session.server.ts')
const boardCookieValue = (
	await boardCookie.serialize(createBoardToken({ name: 'Bench wall', departmentId: department, locale: 'en' }, admin.id).token)
).split(';')[0]!
// Emerging moments (decision 060) are computed in the server's loop, not in a request: their time
// on the whole data set, the first time (reading and counting the 20,000 background insights) and
// with the background kept (every later time within six hours).
const { emergingMoments, resetEmergingMoments } = await import('#app/models/emerging.server.ts')
const timed = (run: () => unknown) => {
	const start = performance.now()
	run()
	return Math.round(performance.now() - start)
}
resetEmergingMoments({ everything: true })
const emergingColdMs = timed(() => emergingMoments())
const emergingWarmMs = Math.min(
	...[0, 1, 2].map(() =>
		timed(() => {
			resetEmergingMoments()
			emergingMoments()
		}),
	),
)
const emerging = { coldMs: emergingColdMs, warmMs: emergingWarmMs, groups: emergingMoments().length }
closeDb()
const db2 = new Database(copy)
const counts = db2
	.prepare<[], Record<string, number>>(
		`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM insights) AS insights, (SELECT count(*) FROM ideas) AS ideas,
			(SELECT count(*) FROM votes) AS votes, (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM insight_recurrences) AS recurrences`,
	)
	.get()!
db2.pragma('wal_checkpoint(TRUNCATE)')
db2.close()
closeDb()

step('starting the production server')
const started = performance.now()
const profileFlags = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, 'data', 'profiles')}`] : []
const server = spawn(process.execPath, [...serverNodeFlags, ...profileFlags, '--import', 'tsx', './server.ts'], {
	cwd: root,
	env: {
		...process.env,
		NODE_ENV: 'production',
		DATABASE_PATH: copy,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		SEED_DEMO_DATA: 'false',
		// A periodic backup of the 1.8 GB copy would run during the measurements.
		BACKUP_INTERVAL_MINUTES: '0',
	},
	// The request log is written as in production (a line a request), to a file.
	stdio: ['ignore', fs.openSync(path.join(root, 'data', 'bench-server.log'), 'w'), 'inherit'],
})
const stop = () => server.kill('SIGTERM')
process.on('exit', stop)
for (;;) {
	try {
		if ((await fetch(`${BASE}/healthz`)).ok) break
	} catch {
		// not listening yet
	}
	if (performance.now() - started > 60_000) throw new Error('The server did not start within 60 s')
	await new Promise((r) => setTimeout(r, 20))
}
const coldStartMs = Math.round(performance.now() - started)
step(`server answered after ${coldStartMs} ms`)

type Scenario = {
	name: string
	group: 'floor' | 'page' | 'search' | 'dashboard' | 'write'
	requests: () => {
		method?: 'GET' | 'POST'
		path: string
		cookie: string
		body?: string
	}
	amount?: number
	success?: (status: number) => boolean
}
const suggestTexts = [
	'Customer called from Lisbon, her wallet was stolen on the tram with all the cards',
	'La carta non viene letta dal bancomat, il chip sembra rovinato',
	'Payment declined at the supermarket and the app said nothing about why',
	'Mutuo rifiutato con una lettera generica, la coppia chiede cosa cambiare',
	'Charged the annual fee twice after the card was replaced',
	'Il volo è stato cancellato e il cliente non trovava un albergo',
]
const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!
const asAdmin = (p: string) => () => ({ path: p, cookie: adminCookie })
let voteIndex = 0
let insightIndex = 0
const scenarios: Scenario[] = [
	{ name: 'bare route (floor)', group: 'floor', requests: asAdmin('/about') },
	{ name: 'feed: trending', group: 'page', requests: asAdmin('/ideas') },
	{
		name: 'feed: newest, stage + department',
		group: 'page',
		requests: asAdmin(`/ideas?sort=newest&stage=${stage}&department=${department}`),
	},
	{
		name: 'idea page',
		group: 'page',
		requests: () => ({ path: `/ideas/${pick(ideaIds)}`, cookie: adminCookie }),
	},
	{ name: 'insight list', group: 'page', requests: asAdmin('/insights') },
	{
		// Issue 19: suggestion p95 < 30 ms. The warm-up trains the model on the data set's insights.
		name: 'tag suggestions while typing',
		group: 'search',
		requests: () => ({
			path: `/resources/suggest-tags?${new URLSearchParams({ text: pick(suggestTexts) })}`,
			cookie: pick(anyVoterCookie),
		}),
	},
	{
		name: 'insight list: event filter',
		group: 'page',
		requests: asAdmin(`/insights?event=${event}`),
	},
	{
		name: 'search',
		group: 'search',
		requests: () => ({
			path: `/search?q=${encodeURIComponent(`${pick(words)} ${pick(words)}`)}`,
			cookie: adminCookie,
		}),
	},
	{
		name: 'dashboard (quarter, everyone)',
		group: 'dashboard',
		requests: asAdmin('/dashboard'),
	},
	{
		name: 'playbook: event (recovery by quarter)',
		group: 'dashboard',
		requests: asAdmin(`/moments/${event}`),
	},
	{
		name: 'playbook: versions and changes',
		group: 'dashboard',
		requests: asAdmin(`/moments/${event}/history?lang=en`),
	},
	{
		name: 'log insight form (playbooks beside it)',
		group: 'page',
		requests: asAdmin(`/insights/new?event=${event}`),
	},
	{
		name: "this week's moments",
		group: 'dashboard',
		requests: asAdmin('/moments/week'),
	},
	{
		name: 'office board (largest department)',
		group: 'dashboard',
		requests: () => ({ path: '/board', cookie: boardCookieValue }),
	},
	{
		name: 'My moments (5 events owned)',
		group: 'dashboard',
		requests: asAdmin('/moments'),
	},
	{
		name: 'heatmap cell (recovery, insights)',
		group: 'dashboard',
		requests: asAdmin(`/dashboard/cell?stage=${eventStage}&event=${event}`),
	},
	{
		name: 'heatmap (quarter, everyone)',
		group: 'dashboard',
		requests: asAdmin('/dashboard/export?table=heatmap'),
	},
	{
		name: 'vote (POST, distinct users)',
		group: 'write',
		amount: WRITES,
		// What the vote button sends: a fetcher's Single Fetch request, answered with data.
		requests: () => {
			const [ideaId, userId] = pairs[voteIndex++ % pairs.length]!
			return {
				method: 'POST',
				path: `/ideas/${ideaId}/vote.data`,
				cookie: voterCookies.get(userId)!,
				body: 'vote=on&fetch=1',
			}
		},
	},
	{
		name: 'log insight (POST)',
		group: 'write',
		amount: Math.round(WRITES / 2),
		success: (status) => status === 302,
		requests: () => {
			const n = insightIndex++
			const body = new URLSearchParams({
				body: `Benchmark insight ${n}: the customer could not reach us after the card was blocked abroad.`,
				channelId: channel,
				stageId: stage,
				eventId: event,
				emotion: String(1 + (n % 5)),
				occurredAt: toLocalInput(new Date(Date.now() - 3_600_000), 'UTC'),
				similarSeen: '1',
			}).toString()
			return {
				method: 'POST',
				path: '/insights/new',
				cookie: pick(anyVoterCookie),
				body,
			}
		},
	},
]

// The server's peak resident memory so far (Linux), read after each scenario to see which one raises it.
const peakRss = () => Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024)

type Result = {
	name: string
	group: string
	requests: number
	rps: number
	p50: number
	p95: number
	p99: number
	errors: number
	ratio?: number
	peakRssMb?: number
}

const round = (ms: number) => Math.round(ms * 10) / 10

function percentile(sorted: number[], p: number) {
	if (!sorted.length) return 0
	return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}

async function measure(scenario: Scenario): Promise<Result> {
	const times: number[] = []
	let errors = 0
	let ok = 0
	const success = scenario.success ?? ((status: number) => status === 200)
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: BASE,
				connections: CONNECTIONS,
				...(scenario.amount ? { amount: scenario.amount } : { duration: DURATION }),
				requests: [
					{
						setupRequest: (request) => {
							const r = scenario.requests()
							return {
								...request,
								method: r.method ?? 'GET',
								path: r.path,
								headers: {
									cookie: r.cookie,
									...(r.body ? { 'content-type': 'application/x-www-form-urlencoded', origin: BASE } : {}),
								},
								body: r.body,
							}
						},
					},
				],
			},
			(error, done) => (error ? reject(error) : resolve(done)),
		)
		instance.on('response', (_client, statusCode, _bytes, responseTime) => {
			times.push(responseTime)
			if (success(statusCode)) ok++
			else errors++
		})
	})
	times.sort((a, b) => a - b)
	const seconds = result.duration
	return {
		name: scenario.name,
		group: scenario.group,
		requests: ok + errors,
		rps: Math.round((ok + errors) / seconds),
		p50: round(percentile(times, 0.5)),
		p95: round(percentile(times, 0.95)),
		p99: round(percentile(times, 0.99)),
		errors: errors + result.errors + result.timeouts,
	}
}

const results: Result[] = []
const chosen = scenarios.filter((s) => s.group === 'floor' || !ONLY.length || ONLY.some((w) => s.name.includes(w)))
for (const scenario of chosen) {
	// A short warm-up so the first figures do not include compiling queries and filling caches.
	if (scenario.group !== 'write')
		await autocannon({
			url: BASE,
			connections: 2,
			amount: 20,
			headers: { cookie: adminCookie },
			requests: [{ setupRequest: (r) => ({ ...r, path: scenario.requests().path }) }],
		})
	step(`measuring ${scenario.name}`)
	results.push({ ...(await measure(scenario)), peakRssMb: peakRss() })
}
const peakRssMb = peakRss()
stop()
await new Promise((r) => server.once('exit', r))

// Nothing lost or doubled: the votes table grew by exactly the successful votes, and every
// stored counter equals its rows.
const check = new Database(copy, { readonly: true })
const after = check
	.prepare<[], { votes: number; insights: number }>(
		'SELECT (SELECT count(*) FROM votes) AS votes, (SELECT count(*) FROM insights) AS insights',
	)
	.get()!
const drift = counterDrift(check)
check.close()
const acknowledged = (name: string) => {
	const r = results.find((r) => r.name.startsWith(name))
	return r ? r.requests - r.errors : 0
}
const verification = {
	votesAdded: after.votes - counts.votes!,
	votesAcknowledged: acknowledged('vote'),
	insightsAdded: after.insights - counts.insights!,
	insightsAcknowledged: acknowledged('log insight'),
	ideasWithWrongCount: drift.ideaVotes,
	ideasWithWrongCommentCount: drift.ideaComments,
	insightsWithWrongRecurrenceCount: drift.insightRecurrences,
}

const floor = results[0]!.rps
for (const r of results) r.ratio = Number((r.rps / floor).toFixed(2))
const machine = {
	cpu: os.cpus()[0]?.model ?? 'unknown',
	cores: os.cpus().length,
	memoryGb: Math.round(os.totalmem() / 1024 ** 3),
	node: process.version,
	os: `${os.type()} ${os.release()}`,
}
const report = {
	date: new Date().toISOString(),
	machine,
	connections: CONNECTIONS,
	seconds: DURATION,
	dataSet: counts,
	coldStartMs,
	peakRssMb,
	results,
	verification,
	emerging,
	quality: { duplicates: duplicateQuality(), spikes: spikeQuality(), tags: tagQuality(), emerging: emergingQuality() },
}
// A partial run (BENCH_ONLY) is printed, never kept as the latest results.
if (!ONLY.length) fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(report, null, 2)}\n`)

console.log(`\n${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}; ${CONNECTIONS} connections`)
console.log(
	`Data set: ${Object.entries(counts)
		.map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
		.join(', ')}\n`,
)
console.log(markdownTable(results))
console.log(`\nCold start ${coldStartMs} ms · peak RSS ${peakRssMb} MB`)
console.log(
	`Votes: ${verification.votesAcknowledged} acknowledged, ${verification.votesAdded} added; insights: ${verification.insightsAcknowledged} acknowledged, ${verification.insightsAdded} added; counters that differ from their rows: ${verification.ideasWithWrongCount} vote, ${verification.ideasWithWrongCommentCount} comment, ${verification.insightsWithWrongRecurrenceCount} "I see this too"`,
)
printDuplicateQuality(report.quality.duplicates)
printSpikeQuality(report.quality.spikes)
printTagQuality(report.quality.tags)
printEmergingQuality(report.quality.emerging)
console.log(
	`  computed on the data set: ${emerging.coldMs} ms the first time, ${emerging.warmMs} ms with the background kept; ${emerging.groups} groups offered (its insights come from templates shared by every moment, so none should be)`,
)
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
// The CSV import's time, on a fresh demo database of its own (bench/import.ts).
if (!ONLY.length || ONLY.some((word) => 'import'.includes(word)))
	spawnSync('npx', ['tsx', 'bench/import.ts'], { cwd: root, stdio: 'inherit' })

function markdownTable(rows: Result[]) {
	const header =
		'| Scenario | req/s | × floor | p50 ms | p95 ms | p99 ms | errors | peak RSS MB |\n|---|---:|---:|---:|---:|---:|---:|---:|'
	return [
		header,
		...rows.map((r) => `| ${r.name} | ${r.rps} | ${r.ratio?.toFixed(2)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.peakRssMb} |`),
	].join('\n')
}
