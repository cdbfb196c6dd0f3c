import path from 'node:path'
import Database from 'better-sqlite3'
import { eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { listChannels, listStages } from '#app/models/taxonomy.server.ts'
import { changeStatus } from '#app/models/triage.server.ts'
import { action as loginAction } from '#app/routes/_auth+/login.tsx'
import { action as voteAction } from '#app/routes/ideas+/$ideaId_.vote.tsx'
import { action as ideaAction } from '#app/routes/ideas+/$ideaId.tsx'
import { action as newIdeaAction } from '#app/routes/ideas+/new.tsx'
import { action as insightAction } from '#app/routes/insights+/$insightId.tsx'
import { action as newInsightAction, loader as newInsightLoader } from '#app/routes/insights+/new.tsx'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { startOfDay } from '#app/utils/time.ts'
import { writeBackup } from '#db/backup.ts'
import { getDb } from '#db/index.ts'
import { departments, users } from '#db/schema.ts'
import { context, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

// The adversary holds the database file, or a backup of it, and wants to know who wrote each
// anonymous item. This file plays them over a realistic week driven through the real routes
// (logins, idle gaps, named work, votes withdrawn, comments deleted, anonymous submissions made
// at the worst moments), then runs every linking query we could think of. A new table or column
// is checked here without being named: the checks read the schema. See
// docs/decisions/001-anonymity-against-a-database-reader.md for what is and is not promised.

const TZ = 'Europe/Rome'
process.env.TIME_ZONE = TZ
process.env.MIN_GROUP_SIZE = '5'
resetEnvCache()

const PASSWORD = 'claims-desk-2026'
const DEPT = 'adv-claims'
const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] as const
type Who = (typeof PEOPLE)[number]
const idOf = (who: Who) => `adv-${who}`

/** The truth the adversary must not recover: each anonymous item and its author. */
const anonymousAuthor = new Map<string, Who>()
/** Everyone who did named work this week: the only people who may carry an activity mark. */
const namedWorkers = new Set<Who>()
const cookies = new Map<Who, string>()
let raw: Database.Database
let backup: Database.Database

const at = (iso: string) => vi.setSystemTime(new Date(iso))

async function login(who: Who) {
	const response = (await loginAction({
		request: formRequest('/login', { email: `${who}@claims.example`, password: PASSWORD }),
		context,
		params: {},
	})) as Response
	expect(response.status).toBe(302)
	cookies.set(who, response.headers.get('Set-Cookie')!.split(';')[0]!)
}

/** Opening the capture form: a GET, the request that may move the session's window. */
async function openForm(who: Who) {
	expect(
		statusOf(await settle(() => newInsightLoader({ request: getRequest('/insights/new', cookies.get(who)), context, params: {} }))),
	).toBe(200)
}

function insightFields(body: string, anonymous: boolean) {
	return {
		body,
		channelId: listChannels()[0]!.id,
		stageId: listStages()[2]!.id,
		emotion: '4',
		similarSeen: '1',
		...(anonymous ? { anonymous: 'on' } : {}),
	}
}

/**
 * The tables an adversary reads: all but SQLite's own and FTS5's segment store (search_data,
 * search_idx, search_config), whose newest segments are the residual the decision record names.
 */
function tablesOf(db: Database.Database, withRowidOnly = false) {
	return db
		.prepare<[], { name: string; sql: string }>(
			"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('search_data', 'search_idx', 'search_config', '__drizzle_migrations')",
		)
		.all()
		.filter((t) => !withRowidOnly || !/WITHOUT ROWID/i.test(t.sql))
		.map((t) => t.name)
}

/** Every row of every table, keyed by rowid (or by the whole row in a WITHOUT ROWID table). */
function snapshot(db: Database.Database) {
	const tables = tablesOf(db)
	return new Map(
		tables.map((table) => {
			let rows: Array<Record<string, unknown>>
			let withRowid = true
			try {
				rows = db.prepare(`SELECT rowid AS __rowid, * FROM "${table}"`).all() as Array<Record<string, unknown>>
			} catch {
				withRowid = false
				rows = db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>
			}
			return [table, { withRowid, rows: new Map(rows.map((r) => [withRowid ? String(r.__rowid) : JSON.stringify(r), r])) }]
		}),
	)
}

const isDayStart = (ms: number) => ms % 86_400_000 === 0 || startOfDay(new Date(ms), TZ).getTime() === ms

/**
 * Posts an anonymous submission and checks what that one request wrote: every new or changed row
 * of every table keeps no time finer than a day, sits at a negative rowid (or in a WITHOUT ROWID
 * table), and holds nothing of its author. Returns the new item's id.
 */
async function postAnonymously(who: Who, post: () => Promise<unknown>, table: 'insights' | 'ideas') {
	const sqlite = getDb().$client
	const before = snapshot(sqlite)
	const response = (await post()) as Response
	expect(response instanceof Response ? response.status : JSON.stringify(response), 'the anonymous submission is saved').toBe(302)
	expect(response.headers.get('Location')).toBe('/receipts')
	const after = snapshot(sqlite)
	const author = getDb()
		.select()
		.from(users)
		.where(eq(users.id, idOf(who)))
		.get()!
	const written: Array<{ table: string; row: Record<string, unknown> }> = []
	for (const [name, { withRowid, rows }] of after) {
		for (const [key, row] of rows) {
			const old = before.get(name)?.rows.get(key)
			if (old && JSON.stringify(old) === JSON.stringify(row)) continue
			written.push({ table: name, row })
			if (withRowid) expect(Number(row.__rowid), `${name}: a row written with an anonymous item has an unordered rowid`).toBeLessThan(0)
			for (const [column, value] of Object.entries(row)) {
				if (column.endsWith('_at') && typeof value === 'number') expect(isDayStart(value), `${name}.${column} keeps only a day`).toBe(true)
				expect([author.id, author.email, author.name], `${name}.${column} holds nothing of the author`).not.toContain(value)
			}
		}
	}
	// Nothing else than the item, its links, its receipt and its search entry changed.
	expect(new Set(written.map((w) => w.table))).toEqual(
		new Set(
			table === 'insights'
				? ['insights', 'receipts', 'search_docs', 'search', 'search_content', 'search_docsize']
				: [
						'ideas',
						'idea_stages',
						'receipts',
						'search_docs',
						'search',
						'search_content',
						'search_docsize',
						...(written.some((w) => w.table === 'idea_insights') ? ['idea_insights'] : []),
					],
		),
	)
	expect(sqlite.prepare('PRAGMA wal_checkpoint(PASSIVE)').get(), 'the WAL was emptied').toMatchObject({ log: 0 })
	const id = String(written.find((w) => w.table === table)!.row.id)
	anonymousAuthor.set(id, who)
	return id
}

async function namedInsight(who: Who, body: string) {
	namedWorkers.add(who)
	const r = (await newInsightAction({
		request: formRequest('/insights/new', insightFields(body, false), cookies.get(who)),
		context,
		params: {},
	})) as Response
	expect(r.status).toBe(302)
	return r.headers.get('Location')!.split('/').pop()!.split('?')[0]!
}

async function vote(who: Who, ideaId: string, on: boolean) {
	namedWorkers.add(who)
	const r = await voteAction({
		request: formRequest(`/ideas/${ideaId}/vote`, { vote: on ? 'on' : 'off' }, cookies.get(who)),
		context,
		params: { ideaId },
	})
	expect(statusOf(r)).toBe(302)
}

beforeAll(async () => {
	vi.useFakeTimers({ toFake: ['Date'] })
	at('2026-11-15T10:00:00Z')
	const db = getDb()
	const root = db.select().from(departments).where(isNull(departments.parentId)).get()!
	db.insert(departments).values({ id: DEPT, name: 'Claims Desk', parentId: root.id }).run()
	const passwordHash = await hashPassword(PASSWORD)
	for (const who of PEOPLE) {
		db.insert(users)
			.values({ id: idOf(who), email: `${who}@claims.example`, name: `Claims ${who.toUpperCase()}`, passwordHash, departmentId: DEPT })
			.run()
	}

	// Monday. p1 logs in and at once submits anonymously (62 ms later).
	at('2026-11-16T07:58:00.000Z')
	await login('p1')
	at('2026-11-16T07:58:00.062Z')
	await postAnonymously(
		'p1',
		() =>
			newInsightAction({
				request: formRequest(
					'/insights/new',
					insightFields('Customer abroad could not block a stolen card by phone at night.', true),
					cookies.get('p1'),
				),
				context,
				params: {},
			}),
		'insights',
	)
	at('2026-11-16T08:10:00Z')
	await login('p2')
	const p2Insight = await namedInsight('p2', 'Customer waited forty minutes to report a lost card.')
	at('2026-11-16T08:40:00Z')
	await login('p4')
	namedWorkers.add('p4')
	const named = (await newIdeaAction({
		request: formRequest(
			'/ideas/new',
			{
				title: 'Block a card from the website',
				problem: 'Customers cannot reach us by phone abroad.',
				proposal: 'A block button on the website.',
				benefit: 'Fewer losses.',
				stageIds: listStages()[2]!.id,
				similarSeen: '1',
			},
			cookies.get('p4'),
		),
		context,
		params: {},
	})) as Response
	const namedIdea = named.headers.get('Location')!.split('/').pop()!
	at('2026-11-16T09:05:00Z')
	await login('p3')
	await vote('p3', namedIdea, true)
	at('2026-11-16T10:00:00Z')
	await login('p5')
	namedWorkers.add('p5')
	expect(
		statusOf(
			await ideaAction({
				request: formRequest(`/ideas/${namedIdea}`, { intent: 'comment', body: 'We see this every night shift.' }, cookies.get('p5')),
				context,
				params: { ideaId: namedIdea },
			}),
		),
	).toBe(302)
	const { id: commentId } = getDb().$client.prepare('SELECT id FROM comments WHERE author_id = ?').get(idOf('p5')) as { id: string }
	at('2026-11-16T10:03:00Z')
	expect(
		statusOf(
			await ideaAction({
				request: formRequest(`/ideas/${namedIdea}`, { intent: 'delete-comment', commentId }, cookies.get('p5')),
				context,
				params: { ideaId: namedIdea },
			}),
		),
	).toBe(302)
	at('2026-11-16T11:30:00Z')
	await login('p6')
	await vote('p6', namedIdea, true)
	at('2026-11-16T11:31:00Z')
	await vote('p6', namedIdea, false)

	// Tuesday. p2 comes back after a night idle: opening the form moves the session, and the
	// anonymous insight follows one millisecond later; a named vote four seconds after that.
	at('2026-11-17T13:00:00.000Z')
	await openForm('p2')
	at('2026-11-17T13:00:00.001Z')
	await postAnonymously(
		'p2',
		() =>
			newInsightAction({
				request: formRequest('/insights/new', insightFields('Declined at checkout while the account had funds.', true), cookies.get('p2')),
				context,
				params: {},
			}),
		'insights',
	)
	at('2026-11-17T13:00:04Z')
	await vote('p2', namedIdea, true)
	// p3 proposes anonymously, with p2's named insight as evidence.
	at('2026-11-17T15:20:00Z')
	await openForm('p3')
	at('2026-11-17T15:24:00Z')
	const anonymousIdea = await postAnonymously(
		'p3',
		() =>
			newIdeaAction({
				request: formRequest(
					'/ideas/new',
					{
						title: 'A night line for lost cards',
						problem: 'Nobody answers at night.',
						proposal: 'Route night calls to the fraud desk.',
						benefit: 'Cards blocked at once.',
						stageIds: listStages()[2]!.id,
						insightIds: p2Insight,
						anonymous: 'on',
						similarSeen: '1',
					},
					cookies.get('p3'),
				),
				context,
				params: {},
			}),
		'ideas',
	)

	// Wednesday. p7 logs in for the only time this week and submits anonymously.
	at('2026-11-18T15:00:00Z')
	await login('p7')
	at('2026-11-18T15:01:10Z')
	await postAnonymously(
		'p7',
		() =>
			newInsightAction({
				request: formRequest(
					'/insights/new',
					insightFields('Flight cancelled, the customer was told to call back tomorrow.', true),
					cookies.get('p7'),
				),
				context,
				params: {},
			}),
		'insights',
	)
	at('2026-11-18T15:30:00Z')
	await vote('p1', anonymousIdea, true)

	// Thursday. Colleagues react to the anonymous items; a manager answers the anonymous idea.
	at('2026-11-19T09:00:00Z')
	await login('p4')
	const [firstAnonymousInsight] = [...anonymousAuthor.keys()]
	namedWorkers.add('p4')
	expect(
		statusOf(
			await insightAction({
				request: formRequest(`/insights/${firstAnonymousInsight}`, { intent: 'see' }, cookies.get('p4')),
				context,
				params: { insightId: firstAnonymousInsight },
			}),
		),
	).toBe(302)
	at('2026-11-19T10:00:00Z')
	const manager = getDb().select().from(users).where(eq(users.role, 'admin')).get()!
	expect(changeStatus(anonymousIdea, manager, 'in_review', null)).toEqual({ ok: true })

	// Friday: the backup the adversary steals.
	at('2026-11-20T02:00:00Z')
	const dir = path.join(process.cwd(), 'tests', '.tmp', `adversary-${process.pid}`)
	const { file } = writeBackup(getDb().$client, dir, 'stolen.db')
	raw = new Database(getDb().$client.name, { readonly: true })
	backup = new Database(file, { readonly: true })
	vi.useRealTimers()
})

afterAll(() => {
	raw?.close()
	backup?.close()
})

const members = (db: Database.Database, departmentId: string) =>
	db
		.prepare<[string], { id: string }>(
			'WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id) SELECT u.id FROM users u WHERE u.department_id IN (SELECT id FROM sub)',
		)
		.all(departmentId)
		.map((r) => r.id)

/** Every (person, time) the file holds: each table's columns that refer to users, with each of its time columns. */
function personTimes(db: Database.Database) {
	const out: Array<{ table: string; user: string; at: number }> = []
	for (const name of tablesOf(db)) {
		const userColumns = (db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Array<{ table: string; from: string }>)
			.filter((f) => f.table === 'users')
			.map((f) => f.from)
		if (name === 'users') userColumns.push('id')
		const timeColumns = (db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>)
			.map((c) => c.name)
			.filter((c) => c.endsWith('_at'))
		for (const u of userColumns) {
			for (const t of timeColumns) {
				for (const row of db
					.prepare(`SELECT "${u}" AS user, "${t}" AS at FROM "${name}" WHERE "${u}" IS NOT NULL AND "${t}" IS NOT NULL`)
					.all() as Array<{ user: string; at: number }>) {
					out.push({ table: `${name}.${t}`, ...row })
				}
			}
		}
	}
	return out
}

type Item = { id: string; kind: 'insight' | 'idea'; departmentId: string; times: number[]; rowid: number }
function anonymousItems(db: Database.Database): Item[] {
	const insights = db
		.prepare('SELECT rowid, id, department_id AS departmentId, created_at, occurred_at FROM insights WHERE anonymous = 1')
		.all() as Array<Record<string, number | string>>
	const ideas = db.prepare('SELECT rowid, id, department_id AS departmentId, created_at FROM ideas WHERE anonymous = 1').all() as Array<
		Record<string, number | string>
	>
	return [
		...insights.map((r) => ({
			id: String(r.id),
			kind: 'insight' as const,
			departmentId: String(r.departmentId),
			times: [Number(r.created_at), Number(r.occurred_at)],
			rowid: Number(r.rowid),
		})),
		...ideas.map((r) => ({
			id: String(r.id),
			kind: 'idea' as const,
			departmentId: String(r.departmentId),
			times: [Number(r.created_at)],
			rowid: Number(r.rowid),
		})),
	].filter((item) => anonymousAuthor.has(item.id))
}

for (const [label, file] of [
	['the live database', () => raw],
	['a backup', () => backup],
] as const) {
	test(`${label}: no time in any table lines an anonymous item up with its author`, () => {
		const db = file()
		const items = anonymousItems(db)
		expect(items).toHaveLength(anonymousAuthor.size)
		const times = personTimes(db)
		for (const item of items) {
			const group = new Set(members(db, item.departmentId))
			expect(group.size, 'the item is filed under a group of at least five').toBeGreaterThanOrEqual(5)
			expect(group.has(idOf(anonymousAuthor.get(item.id)!))).toBe(true)
			// The nearest named time to any of the item's times, per person of its group.
			const nearest = new Map<string, number>()
			for (const t of times) {
				if (!group.has(t.user)) continue
				for (const mine of item.times) nearest.set(t.user, Math.min(nearest.get(t.user) ?? Infinity, Math.abs(t.at - mine)))
			}
			const ranked = [...nearest.entries()].sort((a, b) => a[1] - b[1])
			const [best, second] = ranked
			const singledOut = best && best[1] < 60 * 60_000 && (!second || second[1] > best[1])
			expect(singledOut ? best[0] : null, `${item.kind} by ${anonymousAuthor.get(item.id)}: a time join singles out someone`).toBeNull()
			// The join that named authors before: a session touched within a second of the item.
			for (const column of ['created_at', 'last_verified_at']) {
				const hits = db.prepare(`SELECT user_id FROM sessions WHERE abs(${column} - ?) < 1000`).all(item.times[0]!) as Array<{
					user_id: string
				}>
				expect(hits.filter((h) => h.user_id === idOf(anonymousAuthor.get(item.id)!))).toEqual([])
			}
		}
	})

	test(`${label}: no rowid, sequence or index order places an anonymous item among named rows`, () => {
		const db = file()
		const tablesWithRowid = tablesOf(db, true)
		for (const item of anonymousItems(db)) {
			const author = idOf(anonymousAuthor.get(item.id)!)
			// Every row that belongs to the item: the item, its links, its receipt, its search entry.
			const own: Array<{ table: string; rowid: number }> = [{ table: `${item.kind}s`, rowid: item.rowid }]
			for (const table of tablesWithRowid) {
				// Rows that name a person (a vote, an "I see this too", a notification) are named work, not the item's.
				if ((db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Array<{ table: string }>).some((f) => f.table === 'users')) continue
				const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name)
				for (const column of columns.filter((c) => c === `${item.kind}_id` || c === 'item_id')) {
					for (const r of db.prepare(`SELECT rowid AS r FROM "${table}" WHERE "${column}" = ?`).all(item.id) as Array<{ r: number }>)
						own.push({ table, rowid: r.r })
				}
			}
			const doc = db.prepare('SELECT id FROM search_docs WHERE item_id = ?').get(item.id) as { id: number }
			own.push({ table: 'search', rowid: doc.id })
			for (const { table, rowid } of own) {
				// Its neighbours by rowid, and who wrote them, is what an order attack reads.
				const neighbours = db
					.prepare(
						`SELECT * FROM "${table}" WHERE rowid IN ((SELECT max(rowid) FROM "${table}" WHERE rowid < ?), (SELECT min(rowid) FROM "${table}" WHERE rowid > ?))`,
					)
					.all(rowid, rowid) as Array<Record<string, unknown>>
				for (const n of neighbours) expect(Object.values(n), `${table}: a neighbour by rowid names the author`).not.toContain(author)
				if (label === 'the live database') expect(rowid, `${table}: the rowid is unordered`).toBeLessThan(0)
			}
			// Rows of the item's own tables written around it (by time) have no place next to it by rowid.
			const neighbour = db.prepare(`SELECT max(rowid) AS r FROM "${item.kind}s" WHERE rowid < ?`).get(item.rowid) as { r: number | null }
			if (neighbour.r !== null)
				expect(db.prepare(`SELECT anonymous FROM "${item.kind}s" WHERE rowid = ?`).get(neighbour.r)).toEqual({ anonymous: 1 })
		}
	})

	test(`${label}: activity marks and their counts per department and week say nothing of anonymous work`, () => {
		const db = file()
		const marked = new Set(
			(db.prepare("SELECT user_id FROM activity_weeks WHERE user_id LIKE 'adv-%'").all() as Array<{ user_id: string }>).map(
				(r) => r.user_id,
			),
		)
		// Only named work marks a person: the mark set equals the people who did named work.
		expect(marked).toEqual(new Set([...namedWorkers].map(idOf)))
		// Subtraction: a mark with no named row that week. Only the vote withdrawn (p6) and the
		// comment deleted (p5) are left over, and neither of them submitted anything anonymously.
		const named = new Set(
			(
				db
					.prepare(
						`SELECT user_id AS u FROM votes UNION SELECT author_id FROM comments UNION SELECT user_id FROM insight_recurrences
						 UNION SELECT author_id FROM insights WHERE author_id IS NOT NULL UNION SELECT author_id FROM ideas WHERE author_id IS NOT NULL`,
					)
					.all() as Array<{ u: string }>
			).map((r) => r.u),
		)
		const suspects = [...marked].filter((u) => !named.has(u))
		expect(suspects.sort()).toEqual([idOf('p5'), idOf('p6')])
		for (const author of anonymousAuthor.values()) expect(suspects).not.toContain(idOf(author))
		// p7 did nothing but an anonymous insight: no trace of them at all beyond their login day.
		expect(marked.has(idOf('p7'))).toBe(false)
		const p7rows = personTimes(db).filter((t) => t.user === idOf('p7') && !t.table.startsWith('users.'))
		expect(p7rows.map((t) => t.table).sort()).toEqual(['sessions.created_at', 'sessions.last_verified_at'])
		for (const t of p7rows) expect(isDayStart(t.at), `${t.table} keeps only a day`).toBe(true)
	})
}

test('an anonymous idea with evidence under one’s own name asks first, then keeps or drops it as chosen', async () => {
	const cookie = await sessionCookieFor(idOf('p2'))
	const own = raw.prepare('SELECT id FROM insights WHERE author_id = ?').get(idOf('p2')) as { id: string }
	const fields = {
		title: 'Call back customers whose card was declined',
		problem: 'They think the bank blocked them.',
		proposal: 'A call within the hour.',
		benefit: 'Trust kept.',
		stageIds: listStages()[2]!.id,
		insightIds: own.id,
		anonymous: 'on',
		similarSeen: '1',
	}
	const asked = (await newIdeaAction({ request: formRequest('/ideas/new', fields, cookie), context, params: {} })) as unknown as {
		data: { ownEvidence: string[]; result: { initialValue: Record<string, unknown> } }
		init: { status: number }
	}
	expect(asked.init.status).toBe(422)
	expect(asked.data.ownEvidence).toEqual([own.id])
	// Everything typed comes back.
	expect(asked.data.result.initialValue).toMatchObject({ title: fields.title, insightIds: own.id, anonymous: 'on' })
	const count = () => (getDb().$client.prepare('SELECT count(*) AS n FROM ideas WHERE anonymous = 1').get() as { n: number }).n
	const before = count()
	// Dropped: submitted again without the insight, saved without asking.
	const { insightIds: _dropped, ...withoutOwn } = fields
	expect(((await newIdeaAction({ request: formRequest('/ideas/new', withoutOwn, cookie), context, params: {} })) as Response).status).toBe(
		302,
	)
	// Kept: the confirmation the notice carries saves it with the evidence.
	const kept = (await newIdeaAction({
		request: formRequest('/ideas/new', { ...fields, title: `${fields.title} soon`, ownEvidenceConfirmed: '1' }, cookie),
		context,
		params: {},
	})) as Response
	expect(kept.status).toBe(302)
	expect(count()).toBe(before + 2)
})
