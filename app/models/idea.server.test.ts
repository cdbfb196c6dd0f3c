import { fork } from 'node:child_process'
import { count, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { addComment, COMMENTS_PAGE_SIZE, deleteComment, editComment, listComments } from '#app/models/comment.server.ts'
import { countUnvoted, getIdea, listFeed, setFollow, setVote, UNVOTED_CAP, updateIdea } from '#app/models/idea.server.ts'
import { addToTrend, commentSegments, TREND_HALF_LIFE_MS, trendScore } from '#app/models/idea.ts'
import { listStages } from '#app/models/taxonomy.server.ts'
import { listUsers } from '#app/models/user.server.ts'
import { getDb } from '#db/index.ts'
import { ideas, notifications, votes } from '#db/schema.ts'
import { makeIdea } from '#tests/factories.ts'
import { demoUser } from '#tests/utils.ts'

/** An idea with this file's wording, through the shared factory. */
function newIdea(
	author: { id: string; departmentId: string | null } = demoUser('employee'),
	overrides: Parameters<typeof makeIdea>[1] = {},
	now = new Date(),
) {
	const id = makeIdea(
		author,
		{
			title: 'Freeze a stolen card from the app',
			problem: 'Customers abroad wait on hold to block a stolen card.',
			proposal: 'A freeze button in the app that works without calling.',
			benefit: 'Fewer fraud losses and calmer customers.',
			...overrides,
		},
		now,
	)
	return { id }
}

const storedCount = (ideaId: string) => getDb().select({ n: ideas.voteCount }).from(ideas).where(eq(ideas.id, ideaId)).get()!.n
const realCount = (ideaId: string) => getDb().select({ n: count() }).from(votes).where(eq(votes.ideaId, ideaId)).get()!.n

test('one vote per person under 50 concurrent attempts', async () => {
	const { id } = newIdea()
	const voter = demoUser('manager')
	const results = await Promise.all(Array.from({ length: 50 }, () => Promise.resolve().then(() => setVote(id, voter.id, true))))
	expect(new Set(results)).toEqual(new Set([1]))
	expect(realCount(id)).toBe(1)
	expect(storedCount(id)).toBe(1)
})

test('many people voting and withdrawing at once leave the stored count equal to the votes table', async () => {
	const { id } = newIdea()
	const people = listUsers({}).rows.slice(0, 20)
	await Promise.all(
		people.flatMap((p, i) => [
			Promise.resolve().then(() => setVote(id, p.id, true)),
			Promise.resolve().then(() => setVote(id, p.id, i % 2 === 0)),
			Promise.resolve().then(() => setVote(id, p.id, true)),
		]),
	)
	expect(realCount(id)).toBe(20)
	expect(storedCount(id)).toBe(20)
	for (const p of people.slice(0, 5)) setVote(id, p.id, false)
	setVote(id, people[0]!.id, false) // withdrawing twice changes nothing
	expect(realCount(id)).toBe(15)
	expect(storedCount(id)).toBe(15)
	setVote(id, people[0]!.id, true)
	expect(storedCount(id)).toBe(16)
	expect(storedCount(id)).toBe(realCount(id))
})

test('trending: a vote counts half as much after each half-life, and the stored score follows the votes', () => {
	const t0 = Date.UTC(2026, 5, 1)
	// Two fresh votes weigh as much as four votes one half-life older.
	expect(trendScore([t0, t0])).toBeCloseTo(
		trendScore([t0 - TREND_HALF_LIFE_MS, t0 - TREND_HALF_LIFE_MS, t0 - TREND_HALF_LIFE_MS, t0 - TREND_HALF_LIFE_MS]),
		9,
	)
	const old = newIdea(demoUser('employee'), {}, new Date(Date.now() - 10 * TREND_HALF_LIFE_MS))
	const fresh = newIdea(demoUser('employee'), { title: 'A fresh idea nobody voted for' })
	const people = listUsers({}).rows.slice(0, 6)
	for (const p of people) setVote(old.id, p.id, true, new Date(Date.now() - 10 * TREND_HALF_LIFE_MS))
	const feed = listFeed({ sort: 'trending', filters: {}, viewerId: people[0]!.id }).ideas.map((i) => i.id)
	// Six votes ten half-lives ago weigh 7/1024 of a vote today: the fresh idea ranks higher.
	expect(feed.indexOf(fresh.id)).toBeLessThan(feed.indexOf(old.id))
	const top = listFeed({ sort: 'top', filters: {}, viewerId: people[0]!.id }).ideas.map((i) => i.id)
	expect(top.indexOf(old.id)).toBeLessThan(top.indexOf(fresh.id))
})

test('adding a vote to the stored score equals recomputing it from every vote', () => {
	const times = [Date.UTC(2026, 0, 1), Date.UTC(2026, 5, 1), Date.UTC(2026, 5, 2)]
	expect(addToTrend(trendScore(times.slice(0, 2)), times[2]!)).toBeCloseTo(trendScore(times), 9)
	// An old vote barely moves a fresh score; a new one dominates an old score.
	expect(addToTrend(trendScore([Date.UTC(2026, 5, 1)]), Date.UTC(2020, 0, 1))).toBeCloseTo(trendScore([Date.UTC(2026, 5, 1)]), 9)
	expect(addToTrend(trendScore([Date.UTC(2020, 0, 1)]), Date.UTC(2026, 5, 1))).toBeCloseTo(
		trendScore([Date.UTC(2020, 0, 1), Date.UTC(2026, 5, 1)]),
		9,
	)
})

test('cursor pagination walks the whole feed once, without repeats', () => {
	const author = listUsers({ query: 'davide.ricci' }).rows.map((u) => ({ id: u.id, departmentId: null }))[0]!
	const created = Array.from(
		{ length: 7 },
		(_, i) => newIdea(author, { title: `Paged idea number ${i}` }, new Date(2026, 0, 1, 0, 0, i % 3)).id,
	)
	for (const sort of ['newest', 'top', 'trending'] as const) {
		const seen: string[] = []
		let cursor: string | null = null
		do {
			const page = listFeed({ sort, filters: { mine: true }, viewerId: author.id, cursor, pageSize: 3 })
			seen.push(...page.ideas.map((i) => i.id))
			cursor = page.nextCursor
		} while (cursor)
		expect(seen.length).toBe(new Set(seen).size)
		expect(new Set(seen)).toEqual(new Set(created))
	}
})

test('"needs your vote" leaves out what I voted for', () => {
	const { id } = newIdea()
	const me = demoUser('leader')
	const before = listFeed({ sort: 'unvoted', filters: {}, viewerId: me.id }).ideas.map((i) => i.id)
	expect(before).toContain(id)
	const counted = countUnvoted(me.id)
	setVote(id, me.id, true)
	expect(listFeed({ sort: 'unvoted', filters: {}, viewerId: me.id }).ideas.map((i) => i.id)).not.toContain(id)
	expect(countUnvoted(me.id)).toBe(counted - 1)
})

test('"needs your vote" stops counting at its cap', () => {
	const me = demoUser('leader')
	for (let i = countUnvoted(me.id); i <= UNVOTED_CAP; i++) newIdea()
	expect(countUnvoted(me.id)).toBe(UNVOTED_CAP)
})

test('an idea page shows the latest comments; earlier ones a page at a time, none twice or lost', () => {
	const { id } = newIdea()
	const author = demoUser('employee')
	const start = Date.now() - 3_600_000
	const written = Array.from(
		{ length: COMMENTS_PAGE_SIZE + 7 },
		(_, i) => addComment(id, author.id, `Comment number ${i}`, new Date(start + i * 1000))!.id,
	)
	const latest = listComments(id)
	expect(latest.rows.map((c) => c.id)).toEqual(written.slice(7))
	const earlier = listComments(id, { before: latest.earlier })
	expect(earlier.rows.map((c) => c.id)).toEqual(written.slice(0, 7))
	expect(earlier.earlier).toBeNull()
	expect(listComments(id, { before: 'not-a-cursor' }).rows).toHaveLength(COMMENTS_PAGE_SIZE)
})

test('the author can edit until a manager first acts on the idea', () => {
	const author = demoUser('employee')
	const { id } = newIdea(author)
	const input = {
		title: 'Freeze a stolen card from the app, also abroad',
		problem: 'Customers abroad wait on hold to block a stolen card.',
		proposal: 'A freeze button in the app.',
		benefit: 'Fewer fraud losses.',
		stageIds: [listStages()[1]!.id],
		eventIds: [],
		insightIds: [],
		campaignId: null,
	}
	expect(updateIdea(id, demoUser('manager').id, input)).toBe(false)
	expect(updateIdea(id, author.id, input)).toBe(true)
	expect(getIdea(id, author.id)?.title).toBe('Freeze a stolen card from the app, also abroad')
	getDb().update(ideas).set({ status: 'in_review', firstActionAt: new Date() }).where(eq(ideas.id, id)).run()
	expect(updateIdea(id, author.id, { ...input, title: 'Changed after triage' })).toBe(false)
	expect(getIdea(id, author.id)?.title).toBe('Freeze a stolen card from the app, also abroad')
})

test('a comment notifies followers once, a mention notifies the colleague named, never the commenter', () => {
	const author = demoUser('employee')
	const { id } = newIdea(author)
	const voter = demoUser('leader')
	setVote(id, voter.id, true) // voting follows
	const unfollower = demoUser('admin')
	setVote(id, unfollower.id, true)
	setFollow(id, unfollower.id, false)
	setVote(id, unfollower.id, false)
	setVote(id, unfollower.id, true) // voting again does not undo the unfollow
	const manager = demoUser('manager')
	addComment(id, manager.id, 'Good point, @giulia.rossi and @elena.marino. See https://aurora-bank.example/policy.')
	const rows = getDb()
		.select({ userId: notifications.userId, kind: notifications.kind })
		.from(notifications)
		.where(eq(notifications.ideaId, id))
		.all()
	expect(rows.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
		[
			{ userId: author.id, kind: 'mention' },
			{ userId: voter.id, kind: 'mention' },
		].sort((a, b) => a.userId.localeCompare(b.userId)),
	)
	addComment(id, author.id, 'Thanks!')
	const second = getDb()
		.select({ userId: notifications.userId, kind: notifications.kind })
		.from(notifications)
		.where(eq(notifications.ideaId, id))
		.all()
	expect(
		second
			.filter((n) => n.kind === 'comment')
			.map((n) => n.userId)
			.sort(),
	).toEqual([voter.id, manager.id].sort())
	expect(getIdea(id, author.id)?.commentCount).toBe(2)
})

test('comments can be edited and deleted by their author only, within the window', () => {
	const { id } = newIdea()
	const me = demoUser('manager')
	const t = new Date()
	const { id: commentId } = addComment(id, me.id, 'First thought', t)!
	expect(editComment(commentId, demoUser('employee').id, 'Hijack', t)).toBe(false)
	expect(editComment(commentId, me.id, 'Second thought', new Date(t.getTime() + 60_000))).toBe(true)
	expect(deleteComment(commentId, me.id, new Date(t.getTime() + 16 * 60_000))).toBe(false)
	expect(deleteComment(commentId, me.id, new Date(t.getTime() + 5 * 60_000))).toBe(true)
	expect(getIdea(id, me.id)?.commentCount).toBe(0)
})

test('comment text becomes text, links and known mentions, never markup', () => {
	const segments = commentSegments('<b>hi</b> @giulia.rossi, see https://x.example/a?b=1. @nobody', new Set(['giulia.rossi']))
	expect(segments).toEqual([
		{ kind: 'text', text: '<b>hi</b> ' },
		{ kind: 'mention', handle: 'giulia.rossi', text: '@giulia.rossi' },
		{ kind: 'text', text: ', see ' },
		{ kind: 'link', href: 'https://x.example/a?b=1', text: 'https://x.example/a?b=1' },
		{ kind: 'text', text: '. @nobody' },
	])
})

test('separate connections racing to vote (as several server processes would) still record one vote each', async () => {
	const { id } = newIdea()
	const people = listUsers({})
		.rows.slice(0, 10)
		.map((u) => u.id)
	const run = () =>
		new Promise<string[]>((resolve, reject) => {
			const child = fork('tests/workers/vote.ts', [JSON.stringify({ ideaId: id, userIds: people, attempts: 5 })], {
				execArgv: ['--import', 'tsx'],
			})
			child.once('message', (errors) => resolve(errors as string[]))
			child.once('error', reject)
		})
	const errors = (await Promise.all(Array.from({ length: 5 }, run))).flat()
	expect(errors).toEqual([])
	expect(realCount(id)).toBe(10)
	expect(storedCount(id)).toBe(10)
})
