// The reference data set of PRODUCT.md ("Fast at enterprise scale") in a separate SQLite
// file, for benchmarks: npm run seed:scale [-- path]. Deterministic (fixed random seed).
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { unorderedRowid } from '#app/models/anonymity.server.ts'
import { TREND_EPOCH, TREND_HALF_LIFE_MS } from '#app/models/idea.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { isoWeek } from '#app/utils/time.ts'
import { migrationsFolder } from './migrate.ts'
import * as schema from './schema.ts'
import { DEMO_PASSWORD, seedTaxonomy } from './seed.ts'

export const SCALE = { users: 20_000, insights: 300_000, ideas: 100_000, votes: 2_000_000, comments: 400_000, recurrences: 600_000 }
const DAY = 86_400_000
const dayOf = (at: number) => at - (at % DAY)
const YEARS = 3

// mulberry32: small, fast and repeatable.
let state = 20261122
function random() {
	state = (state + 0x6d2b79f5) | 0
	let t = Math.imul(state ^ (state >>> 15), 1 | state)
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const int = (n: number) => Math.floor(random() * n)
/** Zipf-like skew: small indexes are much more likely (a few hot items, a long tail). */
const skewed = (n: number, power = 1.3) => Math.min(n - 1, Math.floor(n * random() ** (power * 2)))
const pick = <T>(list: readonly T[]) => list[int(list.length)]!
const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(6, '0')}`

const DOMAIN =
	'card stolen abroad blocked payment declined checkout loan refused mortgage flight cancelled delivery late billing error fee refund app branch phone chat queue waited hour customer angry furious confused travel hotel ATM swallowed fraud alert account locked weekend Monday PIN limit contactless statement transfer IBAN overdraft interest advisor appointment hold transfer online password login SMS code'.split(
		' ',
	)
const SYLLABLES =
	'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu'.split(
		' ',
	)
const VOCABULARY = [
	...DOMAIN,
	...Array.from(
		{ length: 6000 },
		(_, i) => SYLLABLES[i % 45]! + SYLLABLES[(i * 7) % 45]! + SYLLABLES[(i * 13) % 45]! + (i % 3 ? SYLLABLES[(i * 17) % 45] : ''),
	),
]
const sentence = (words: number) => Array.from({ length: words }, () => VOCABULARY[skewed(VOCABULARY.length, 1.1)]).join(' ')

export async function seedScale(file: string) {
	const started = Date.now()
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
	fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
	const sqlite = new Database(file)
	sqlite.pragma('journal_mode = OFF')
	sqlite.pragma('synchronous = OFF')
	sqlite.pragma('foreign_keys = OFF')
	const db = drizzle(sqlite, { schema })
	migrate(db, { migrationsFolder })
	seedTaxonomy(db)
	const stages = sqlite.prepare('SELECT id FROM journey_stages ORDER BY position').all() as Array<{ id: string }>
	const events = sqlite.prepare('SELECT id, default_stage_id AS stage FROM critical_events').all() as Array<{ id: string; stage: string }>
	const channels = sqlite.prepare('SELECT id FROM channels').all() as Array<{ id: string }>
	const now = Date.now()
	const since = now - YEARS * 365 * DAY
	// Activity grows over time: more recent items are more likely.
	const when = () => Math.floor(now - (now - since) * random() ** 1.6)
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	// The search index is filled in one pass at the end: its triggers are set aside meanwhile.
	const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_%'").all() as Array<{
		name: string
		sql: string
	}>
	for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`)

	const phase = (label: string) => console.log(`${label.padEnd(24)} ${((Date.now() - started) / 1000).toFixed(1)} s`)
	const load = sqlite.transaction(() => {
		// Departments: 1 company, 8 divisions, 48 areas, 240 teams.
		const insDept = sqlite.prepare('INSERT INTO departments (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)')
		insDept.run('dep-root', 'Scale Bank', null, since)
		const teams: string[] = []
		for (let d = 0; d < 8; d++) {
			insDept.run(`dep-${d}`, `Division ${d + 1}`, 'dep-root', since)
			for (let a = 0; a < 6; a++) {
				insDept.run(`dep-${d}-${a}`, `Area ${d + 1}.${a + 1}`, `dep-${d}`, since)
				for (let t = 0; t < 5; t++) {
					insDept.run(`dep-${d}-${a}-${t}`, `Team ${d + 1}.${a + 1}.${t + 1}`, `dep-${d}-${a}`, since)
					teams.push(`dep-${d}-${a}-${t}`)
				}
			}
		}
		const insUser = sqlite.prepare(
			'INSERT INTO users (id, email, name, password_hash, role, department_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
		)
		const userDept: string[] = []
		for (let u = 0; u < SCALE.users; u++) {
			const role = u < 10 ? 'admin' : u < 60 ? 'leader' : u % 13 === 0 ? 'manager' : 'employee'
			const dept = teams[u % teams.length]!
			userDept.push(dept)
			insUser.run(id('u', u), `user${u}@scale.example`, `User ${u}`, passwordHash, role, dept, since)
		}
		const areaOf = (dept: string) => dept.split('-').slice(0, 3).join('-')
		const activity = sqlite.prepare('INSERT OR IGNORE INTO activity_weeks (user_id, week) VALUES (?, ?)')
		// isoWeek() goes through Intl; a million calls are cheaper cached per day.
		const weeks = new Map<number, string>()
		const weekOf = (at: number) => {
			const day = Math.floor(at / DAY)
			let week = weeks.get(day)
			if (!week) weeks.set(day, (week = isoWeek(new Date(day * DAY + DAY / 2), 'UTC')))
			return week
		}
		const mark = (user: number, at: number) => activity.run(id('u', user), weekOf(at))

		phase('people')
		// Insights: hot moments of truth and stages; one in ten anonymous, stored as the app stores
		// them (app/models/anonymity.server.ts): their day only, an unordered rowid, no activity mark.
		const insInsight = sqlite.prepare(
			'INSERT INTO insights (rowid, id, body, channel_id, stage_id, event_id, emotion, end_emotion, resolved_first_contact, wait_minutes, occurred_at, author_id, anonymous, department_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
		)
		// How moments end: each event has its own chance that a distressed customer ends calm
		// (one in five to two in three); a fix implemented later improves it (below).
		const recoveryOf = new Map(events.map((e) => [e.id, 0.2 + random() * 0.45]))
		for (let i = 0; i < SCALE.insights; i++) {
			const author = skewed(SCALE.users, 0.8)
			const event = random() < 0.7 ? events[skewed(events.length, 1.2)]! : null
			const anonymous = random() < 0.1
			const at = anonymous ? dayOf(when()) : when()
			const peak = 1 + Math.min(4, Math.floor(random() * 5 * (event ? 1.2 : 0.8)))
			// Three in four say how it ended; a distressed peak ends calm at the event's rate.
			const calm = random() < (event ? recoveryOf.get(event.id)! : 0.4)
			const end = random() < 0.75 ? (peak >= 4 ? (calm ? 1 + int(2) : 3 + int(3)) : Math.max(1, peak - int(2))) : null
			const firstContact = random() < 0.8 ? (random() < (calm ? 0.7 : 0.35) ? 1 : 0) : null
			insInsight.run(
				anonymous ? unorderedRowid() : null,
				id('n', i),
				sentence(18 + int(30)),
				channels[skewed(channels.length)]!.id,
				event?.stage ?? stages[skewed(stages.length)]!.id,
				event?.id ?? null,
				peak,
				end,
				firstContact,
				random() < 0.5 ? 1 + int(60) : null,
				at,
				anonymous ? null : id('u', author),
				anonymous ? 1 : 0,
				anonymous ? areaOf(userDept[author]!) : userDept[author]!,
				at,
			)
			if (!anonymous) mark(author, at)
		}

		phase('insights')
		// Ideas in every status, linked to stages, events and insights.
		const insIdea = sqlite.prepare(
			'INSERT INTO ideas (rowid, id, title, problem, proposal, benefit, author_id, anonymous, department_id, status, trend_score, first_action_at, decided_at, closed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)',
		)
		const insStage = sqlite.prepare('INSERT OR IGNORE INTO idea_stages (rowid, idea_id, stage_id) VALUES (?, ?, ?)')
		const insEvent = sqlite.prepare('INSERT OR IGNORE INTO idea_events (rowid, idea_id, event_id) VALUES (?, ?, ?)')
		const insLink = sqlite.prepare('INSERT OR IGNORE INTO idea_insights (rowid, idea_id, insight_id) VALUES (?, ?, ?)')
		const insUpdate = sqlite.prepare(
			'INSERT INTO idea_updates (id, idea_id, actor_id, from_status, to_status, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
		)
		const PATH = ['submitted', 'in_review', 'accepted', 'in_progress', 'implemented'] as const
		const ideaCreated: number[] = []
		for (let i = 0; i < SCALE.ideas; i++) {
			const author = skewed(SCALE.users, 0.8)
			const anonymous = random() < 0.08
			const at = anonymous ? dayOf(when()) : when()
			// A link row of an anonymous idea is unordered too.
			const rowid = () => (anonymous ? unorderedRowid() : null)
			ideaCreated.push(at)
			// Older ideas are further along; some are declined, a few merged.
			const age = (now - at) / (now - since)
			const roll = random()
			const status =
				roll < 0.08 * age
					? 'declined'
					: roll < 0.1 * age
						? 'merged'
						: PATH[Math.min(4, Math.floor(age * 5 * random() + (roll > 0.7 ? 1 : 0)))]!
			const steps =
				status === 'declined' || status === 'merged' ? ['submitted', 'in_review', status] : PATH.slice(0, PATH.indexOf(status) + 1)
			let stepAt = at
			const manager = id('u', 13 * (1 + int(1500)))
			// The idea's columns agree with its timeline: first response, decision, closure.
			let firstAction: number | null = null
			let decided: number | null = null
			for (let s = 1; s < steps.length; s++) {
				stepAt = Math.min(now, stepAt + DAY * (1 + int(20)))
				firstAction ??= stepAt
				if (['accepted', 'declined', 'merged'].includes(steps[s]!)) decided ??= stepAt
				insUpdate.run(
					id(`t${i}x`, s),
					id('d', i),
					manager,
					steps[s - 1],
					steps[s],
					status === 'declined' && s === steps.length - 1 ? sentence(12) : null,
					stepAt,
				)
			}
			const closed = ['implemented', 'declined', 'merged'].includes(status) ? stepAt : null
			insIdea.run(
				rowid(),
				id('d', i),
				sentence(6 + int(6)),
				sentence(30),
				sentence(30),
				sentence(12),
				anonymous ? null : id('u', author),
				anonymous ? 1 : 0,
				anonymous ? areaOf(userDept[author]!) : userDept[author]!,
				status,
				firstAction,
				decided,
				closed,
				at,
			)
			const event = events[skewed(events.length, 1.2)]!
			insStage.run(rowid(), id('d', i), event.stage)
			if (random() < 0.3) insStage.run(rowid(), id('d', i), pick(stages).id)
			insEvent.run(rowid(), id('d', i), event.id)
			for (let l = int(4); l > 0; l--) insLink.run(rowid(), id('d', i), id('n', int(SCALE.insights)))
			if (!anonymous) mark(author, at)
		}

		phase('ideas')
		// A fix works: after an event's first idea implemented in the second half of the data, two in five of its distressed
		// moments that would have ended badly end calm instead (chosen by rowid, reproducibly).
		const fixes = sqlite
			.prepare(
				`SELECT ie.event_id AS event, min(i.closed_at) AS at FROM ideas i JOIN idea_events ie ON ie.idea_id = i.id
				WHERE i.status = 'implemented' AND i.closed_at >= ? GROUP BY ie.event_id`,
			)
			.all((since + now) / 2) as Array<{ event: string; at: number }>
		const improve = sqlite.prepare(
			'UPDATE insights SET end_emotion = 1 + rowid % 2 WHERE event_id = ? AND created_at >= ? AND emotion >= 4 AND end_emotion > 2 AND rowid * 7919 % 100 < 40',
		)
		for (const fix of fixes) improve.run(fix.event, fix.at)
		phase('fixes working')
		// Votes: a few hot ideas, most with a handful; one vote per person per idea.
		const insVote = sqlite.prepare('INSERT OR IGNORE INTO votes (idea_id, user_id, created_at) VALUES (?, ?, ?)')
		let votes = 0
		while (votes < SCALE.votes) {
			const idea = skewed(SCALE.ideas, 1.4)
			const user = int(SCALE.users)
			const at = Math.min(now, ideaCreated[idea]! + Math.floor(DAY * 30 * random() ** 3))
			votes += insVote.run(id('d', idea), id('u', user), at).changes
			if (votes % 10 === 0) mark(user, at)
		}
		phase('votes')
		const insComment = sqlite.prepare('INSERT INTO comments (id, idea_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)')
		for (let c = 0; c < SCALE.comments; c++) {
			const idea = skewed(SCALE.ideas, 1.2)
			const user = skewed(SCALE.users, 0.8)
			const at = Math.min(now, ideaCreated[idea]! + Math.floor(DAY * 20 * random() ** 2))
			insComment.run(id('c', c), id('d', idea), id('u', user), sentence(8 + int(25)), at)
			mark(user, at)
		}
		phase('comments')
		const insSeen = sqlite.prepare('INSERT OR IGNORE INTO insight_recurrences (insight_id, user_id, created_at) VALUES (?, ?, ?)')
		let seen = 0
		while (seen < SCALE.recurrences) {
			seen += insSeen.run(id('n', skewed(SCALE.insights, 1.3)), id('u', int(SCALE.users)), when()).changes
		}
		phase('recurrences')
		// Counters kept on the rows, as the app keeps them: from the facts, in one pass each.
		sqlite.exec(`
			UPDATE ideas SET vote_count = (SELECT count(*) FROM votes v WHERE v.idea_id = ideas.id);
			UPDATE ideas SET comment_count = (SELECT count(*) FROM comments c WHERE c.idea_id = ideas.id);
			UPDATE insights SET recurrence_count = (SELECT count(*) FROM insight_recurrences r WHERE r.insight_id = insights.id);
		`)
		phase('counters')
		// Moment owners: each event owned by a team, every other one also by a person; the admin
		// (user0) owns the first five, so the bench's "My moments" has a full page.
		const owner = sqlite.prepare('UPDATE critical_events SET owner_department_id = ?, owner_user_id = ? WHERE id = ?')
		events.forEach((e, i) => owner.run(teams[(i * 37) % teams.length]!, i < 5 ? id('u', 0) : i % 2 ? id('u', 13 * (i + 1)) : null, e.id))
		// Divisions 1–3 meet customers (branches, contact centres): their people get the weekly digest only if they ask.
		sqlite.exec("UPDATE departments SET customer_facing = 1 WHERE id IN ('dep-0', 'dep-1', 'dep-2')")
		// "Handled well": one in twenty recovered moments (peak 4–5, end 1–2) thanked by one to three colleagues.
		const recovered = sqlite
			.prepare('SELECT id, created_at AS at FROM insights WHERE emotion >= 4 AND end_emotion <= 2 AND rowid * 7919 % 20 = 0')
			.all() as Array<{ id: string; at: number }>
		const insThanks = sqlite.prepare('INSERT OR IGNORE INTO insight_thanks (insight_id, user_id, note, created_at) VALUES (?, ?, ?, ?)')
		for (const r of recovered) {
			for (let k = 1 + int(3); k > 0; k--) insThanks.run(r.id, id('u', int(SCALE.users)), sentence(12), Math.min(now, r.at + int(5) * DAY))
		}
		sqlite.exec(
			'UPDATE insights SET thanks_count = (SELECT count(*) FROM insight_thanks t WHERE t.insight_id = insights.id) WHERE id IN (SELECT insight_id FROM insight_thanks)',
		)
		// Living playbooks: every event has three English versions and one Italian, as full as an owner writes them.
		const insVersion = sqlite.prepare(
			'INSERT INTO playbook_versions (id, event_id, locale, version, content, note, author_id, idea_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)',
		)
		const lines = (n: number, words: number) => Array.from({ length: n }, () => sentence(words))
		let versionRow = 0
		for (const [i, e] of events.entries()) {
			for (const [locale, version] of [
				['en', 1],
				['en', 2],
				['en', 3],
				['it', 1],
			] as const) {
				const content = {
					steps: lines(5 + int(4), 14),
					say: lines(2, 12),
					avoid: lines(2, 8),
					promise: sentence(12),
					selfService: lines(2, 6),
					links: [{ label: sentence(4), url: `https://intranet.example/playbooks/${i}` }],
				}
				insVersion.run(
					id('p', versionRow++),
					e.id,
					locale,
					version,
					JSON.stringify(content),
					sentence(10),
					id('u', 0),
					now - (4 - version) * 60 * DAY,
				)
			}
		}
		// trend = log2 Σ 2^((t − epoch)/H) over the submission and the votes, shifted by the
		// largest term so nothing overflows (as trendScore() in app/models/idea.ts).
		sqlite.exec(`
			CREATE TEMP TABLE trend_terms AS
				SELECT id AS idea_id, (created_at - ${TREND_EPOCH}) * 1.0 / ${TREND_HALF_LIFE_MS} AS x FROM ideas
				UNION ALL SELECT idea_id, (created_at - ${TREND_EPOCH}) * 1.0 / ${TREND_HALF_LIFE_MS} FROM votes;
			CREATE TEMP TABLE trend_max AS SELECT idea_id, max(x) AS m FROM trend_terms GROUP BY idea_id;
			CREATE INDEX temp.trend_max_idx ON trend_max (idea_id);
			CREATE TEMP TABLE trend AS
				SELECT t.idea_id, m.m + log2(sum(pow(2, t.x - m.m))) AS score
				FROM trend_terms t JOIN trend_max m ON m.idea_id = t.idea_id GROUP BY t.idea_id;
			CREATE INDEX temp.trend_idx ON trend (idea_id);
			UPDATE ideas SET trend_score = (SELECT score FROM trend WHERE trend.idea_id = ideas.id);
		`)
	})
	load()
	phase('trend')
	sqlite.exec(`
		INSERT INTO search_docs (id, kind, item_id) SELECT CASE WHEN anonymous THEN -1 - (random() & 4503599627370495) END, 'insight', id FROM insights;
		INSERT INTO search_docs (id, kind, item_id) SELECT CASE WHEN anonymous THEN -1 - (random() & 4503599627370495) END, 'idea', id FROM ideas;
		INSERT INTO search_docs (kind, item_id) SELECT 'comment', id FROM comments;
		INSERT INTO search (rowid, kind, item_id, title, body)
			SELECT d.id, 'insight', x.id, '', x.body FROM insights x JOIN search_docs d ON d.kind = 'insight' AND d.item_id = x.id;
		INSERT INTO search (rowid, kind, item_id, title, body)
			SELECT d.id, 'idea', x.id, x.title, x.problem || ' ' || x.proposal || ' ' || x.benefit FROM ideas x JOIN search_docs d ON d.kind = 'idea' AND d.item_id = x.id;
		INSERT INTO search (rowid, kind, item_id, title, body)
			SELECT d.id, 'comment', x.id, '', x.body FROM comments x JOIN search_docs d ON d.kind = 'comment' AND d.item_id = x.id;
	`)
	for (const t of triggers) sqlite.exec(t.sql)
	phase('search index')
	sqlite.pragma('journal_mode = WAL')
	sqlite.exec('ANALYZE')
	phase('analyze')
	sqlite.close()
	return { seconds: (Date.now() - started) / 1000, bytes: fs.statSync(file).size }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
	const file = process.argv[2] ?? 'data/scale.db'
	const { seconds, bytes } = await seedScale(file)
	console.log(`Reference data set written to ${file} in ${seconds.toFixed(1)} s (${(bytes / 1e6).toFixed(0)} MB).`)
	console.log(`Log in as user0@scale.example (admin), user60@scale.example (employee), password ${DEMO_PASSWORD}.`)
}
