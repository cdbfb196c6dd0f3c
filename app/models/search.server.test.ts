import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { addComment } from '#app/models/comment.server.ts'
import { hide } from '#app/models/moderation.server.ts'
import { search, similarIdeas, similarInsights } from '#app/models/search.server.ts'
import { highlightSegments, toFtsQuery } from '#app/models/search.ts'
import { listStages } from '#app/models/taxonomy.server.ts'
import { getDb } from '#db/index.ts'
import { ideas } from '#db/schema.ts'
import { makeIdea, makeInsight, person } from '#tests/factories.ts'
import { demoUser } from '#tests/utils.ts'

const byEmail = person
const stage = (name: string) => listStages().find((s) => s.name === name)!
const idea = (title: string, body: string, extra: Parameters<typeof makeIdea>[1] = {}, author = person('luca.romano')) =>
	makeIdea(author, { title, problem: body, stageIds: [stage('Pay').id], ...extra })
const insight = (body: string, extra: Parameters<typeof makeInsight>[1] = {}, author = person('sara.colombo')) =>
	makeInsight(author, { body, stageId: stage('Use').id, ...extra })

// A fixed corpus; words like "zanzibar" do not occur in the demo data.
const inTitle = idea('Zanzibar travel card freeze', 'Travellers need a freeze.')
const inBody = idea('Help for travellers', 'A zanzibar trip went wrong when the card was swallowed.')
const insightHit = insight('Customer in zanzibar could not pay: carta bloccata, perché nessuno ha risposto.')
const commentHit = addComment(inBody, byEmail('marco.ferri').id, 'Zanzibar again? We should call the processor.')!.id

test('ranking puts a title match above a body match; all three kinds are found; snippets mark the words', () => {
	const rows = search('zanzibar').rows
	const ids = rows.map((r) => r.id)
	expect(ids.indexOf(inTitle)).toBeLessThan(ids.indexOf(inBody))
	expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['idea', 'insight', 'comment']))
	const comment = rows.find((r) => r.id === commentHit)!
	expect(comment).toMatchObject({ ideaId: inBody, title: 'Help for travellers', authorName: 'Marco Ferri' })
	expect(
		highlightSegments(rows.find((r) => r.id === insightHit)!.snippet)
			.filter((s) => s.marked)
			.map((s) => s.text.toLowerCase()),
	).toContain('zanzibar')
})

test('filters: kind, stage and period', () => {
	expect(search('zanzibar', { kind: 'insight' }).rows.map((r) => r.id)).toEqual([insightHit])
	expect(search('zanzibar', { kind: 'comment' }).rows.map((r) => r.id)).toEqual([commentHit])
	const payOnly = search('zanzibar', { stageId: stage('Pay').id }).rows.map((r) => r.id)
	expect(payOnly).toEqual(expect.arrayContaining([inTitle, inBody, commentHit]))
	expect(payOnly).not.toContain(insightHit)
	expect(search('zanzibar', { period: '7d' }, 1, new Date(Date.now() + 30 * 86_400_000)).rows).toEqual([])
})

test('accents and case do not matter, in Italian and English; words are matched by prefix', () => {
	expect(search('PERCHE bloccata').rows.map((r) => r.id)).toEqual([insightHit])
	expect(search('perché').rows.map((r) => r.id)).toContain(insightHit)
	expect(search('zanzib').rows.length).toBeGreaterThanOrEqual(4)
	expect(search('swallow').rows.map((r) => r.id)).toContain(inBody)
})

test('the last word also finds longer words it starts, the others only themselves', () => {
	const exact = idea('Kestrel alerts for travel cards', 'Kestrel.')
	const longer = insight('The kestrels app would not load the card.')
	expect(search('kestrel').rows.map((r) => r.id)).toEqual(expect.arrayContaining([exact, longer]))
	expect(search('kestrel card').rows.map((r) => r.id)).toEqual([exact])
	expect(search('card kestrel').rows.map((r) => r.id)).toEqual([longer])
	expect(search('kestrels').rows.map((r) => r.id)).toEqual([longer])
})

test('hostile input never errors: operators, quotes, SQL, emoji and 5,000 characters', () => {
	const inputs = [
		'"',
		'"unbalanced',
		'zanzibar" OR "x',
		'NEAR(zanzibar card, 2)',
		'title:zanzibar',
		'zanzibar AND NOT card',
		"'; DROP TABLE ideas; --",
		'* ^ - + ( ) { } : ,',
		'🙂🔥💳',
		'',
		'   ',
		'a'.repeat(5000),
		`zanzibar ${'x '.repeat(2500)}`,
		'\u0000\u0002\u0003',
	]
	for (const input of inputs) {
		expect(() => search(input), JSON.stringify(input.slice(0, 40))).not.toThrow()
		expect(() => similarIdeas(input, demoUser('employee').id)).not.toThrow()
	}
	expect(search('🙂🔥💳').rows).toEqual([])
	expect(search("'; DROP TABLE ideas; --").rows).toEqual([])
	expect(getDb().select().from(ideas).all().length).toBeGreaterThan(0)
	expect(toFtsQuery('zanzibar" OR "x')).toBe('{title body} : ("zanzibar" "or" "x"*)')
	// The kind column is ours: searching for the word "idea" does not match every idea.
	expect(search('insight').rows).toEqual([])
})

test('hidden content, merged ideas and anonymous authors are respected', () => {
	const secret = idea('Quokka pilot for branch queues', 'Quokka is the code name.', {}, byEmail('chiara.bruno'))
	const anonymousInsight = insight('Quokka customers waited an hour.', { anonymous: true }, byEmail('matteo.gallo'))
	const row = search('quokka').rows.find((r) => r.id === anonymousInsight)!
	expect(row.authorName).toBeNull()
	expect(JSON.stringify(search('quokka'))).not.toContain('Matteo')
	hide('idea', secret, demoUser('admin'), 'Test.')
	expect(search('quokka').rows.map((r) => r.id)).toEqual([anonymousInsight])
})

test('similar ideas and insights while typing: the same problem in other words, open ideas only', () => {
	const open = idea('Refund duplicate annual fee on the first call', 'Customers pay the annual fee twice.')
	const declined = idea('Refund duplicate fee by post', 'Letters.')
	getDb().update(ideas).set({ status: 'declined' }).where(eq(ideas.id, declined)).run()
	const found = similarIdeas('duplicate fee refund', demoUser('employee').id).map((r) => r.id)
	expect(found[0]).toBe(open)
	expect(found).not.toContain(declined)
	expect(similarIdeas('ab', demoUser('employee').id)).toEqual([])
	expect(similarInsights('In zanzibar the customer could not pay, the card was blocked').map((r) => r.id)).toContain(insightHit)
	// One shared word is not enough any more.
	expect(similarInsights('zanzibar holiday photos').map((r) => r.id)).not.toContain(insightHit)
})

test('the index follows edits and deletes', async () => {
	const id = idea('Walrus queue idea', 'Walrus.')
	getDb().update(ideas).set({ title: 'Narwhal queue idea', problem: 'Narwhal.' }).where(eq(ideas.id, id)).run()
	expect(search('walrus').rows).toEqual([])
	expect(search('narwhal').rows.map((r) => r.id)).toEqual([id])
	const { deleteComment } = await import('#app/models/comment.server.ts')
	const c = addComment(id, byEmail('marco.ferri').id, 'Platypus comment.')!
	expect(search('platypus').rows.map((r) => r.id)).toEqual([c.id])
	deleteComment(c.id, byEmail('marco.ferri').id)
	expect(search('platypus').rows).toEqual([])
})

test('an anonymous item is found even when more named items match than the ranking window holds', async () => {
	const { RANK_WINDOW } = await import('#app/models/search.ts')
	const anonymousInsight = insight('Wombat-shaped card reader swallowed the card.', { anonymous: true }, byEmail('matteo.gallo'))
	const db = getDb().$client
	// Named matches written after it, more than the window of most recent matches.
	db.transaction(() => {
		for (let i = 0; i <= RANK_WINDOW; i++) insight(`Wombat complaint number ${i} about the branch queue.`)
	})()
	const found: string[] = []
	for (let page = 1; page <= Math.ceil((RANK_WINDOW + 60) / 20); page++) found.push(...search('wombat', {}, page).rows.map((r) => r.id))
	expect(found).toContain(anonymousInsight)
	expect(db.prepare('SELECT id FROM search_docs WHERE item_id = ?').pluck().get(anonymousInsight)).toBeLessThan(0)
})

test('similar insights are the same moment, not any insight sharing a word', async () => {
	const { similarInsights } = await import('#app/models/search.server.ts')
	const shown = similarInsights(
		'A tourist had both cards stolen abroad and could not block them because the SMS code goes to the stolen phone.',
	).map((i) => i.body)
	expect(shown.some((b) => /stolen/i.test(b))).toBe(true)
	for (const body of shown) expect(body).not.toMatch(/mortgage|annual card fee|fee charged/i)
})
