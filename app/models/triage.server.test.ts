import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { addComment } from '#app/models/comment.server.ts'
import { setFollow, setVote } from '#app/models/idea.server.ts'
import { IDEA_STATUSES, TRANSITIONS, type IdeaStatus } from '#app/models/idea.ts'
import { changeStatus, ideaInScope, listQueue, mergeIdea, postUpdate } from '#app/models/triage.server.ts'
import { getDb } from '#db/index.ts'
import { follows, ideaInsights, ideas, ideaUpdates, notifications, votes } from '#db/schema.ts'
import { makeIdea, makeInsight, person } from '#tests/factories.ts'
import { demoUser } from '#tests/utils.ts'

const byEmail = person
const newIdea = (author: Parameters<typeof makeIdea>[0] = demoUser('employee'), extra: Parameters<typeof makeIdea>[1] = {}) =>
	makeIdea(author, { title: 'Triage test idea', ...extra })

function wholeQueue(actor: Parameters<typeof listQueue>[0]) {
	const ids: string[] = []
	for (let page = 1, pages = 1; page <= pages; page++) {
		const result = listQueue(actor, {}, 'oldest', page)
		pages = result.pages
		ids.push(...result.rows.map((r) => r.id))
	}
	return ids
}

/** The shortest allowed path from submitted to a status, to set up each case. */
function pathTo(target: IdeaStatus): IdeaStatus[] {
	const queue: IdeaStatus[][] = [['submitted']]
	while (queue.length) {
		const path = queue.shift()!
		const last = path.at(-1)!
		if (last === target) return path.slice(1)
		for (const next of TRANSITIONS[last]) if (!path.includes(next)) queue.push([...path, next])
	}
	throw new Error(`${target} cannot be reached`)
}

test('every allowed transition is accepted and every other one refused, with the status left as it was', () => {
	const manager = demoUser('admin')
	for (const from of IDEA_STATUSES.filter((s) => s !== 'merged')) {
		for (const to of IDEA_STATUSES) {
			const id = newIdea()
			for (const step of pathTo(from)) expect(changeStatus(id, manager, step, 'Setting up the case.').ok).toBe(true)
			const result = changeStatus(id, manager, to, 'A public note for the change.')
			const status = getDb().select({ s: ideas.status }).from(ideas).where(eq(ideas.id, id)).get()!.s
			// Merging has its own action (it needs the idea to keep), so it is never a plain status change.
			if (TRANSITIONS[from].includes(to) && to !== 'merged') {
				expect(result, `${from} → ${to}`).toEqual({ ok: true })
				expect(status).toBe(to)
			} else {
				expect(result, `${from} → ${to}`).toEqual({ ok: false, reason: 'not-allowed' })
				expect(status).toBe(from)
			}
		}
	}
})

test('declining needs a public reason; each change is on the timeline with who, when and the note', () => {
	const manager = demoUser('manager')
	const id = newIdea()
	expect(changeStatus(id, manager, 'declined', null)).toEqual({ ok: false, reason: 'reason-required' })
	const at = new Date('2026-11-20T10:00:00Z')
	expect(changeStatus(id, manager, 'in_review', null, at).ok).toBe(true)
	expect(changeStatus(id, manager, 'declined', 'Already covered by the 2027 app release.', new Date(at.getTime() + 1000)).ok).toBe(true)
	const rows = getDb().select().from(ideaUpdates).where(eq(ideaUpdates.ideaId, id)).all()
	expect(rows.map((r) => [r.actorId, r.fromStatus, r.toStatus, r.note])).toEqual([
		[manager.id, 'submitted', 'in_review', null],
		[manager.id, 'in_review', 'declined', 'Already covered by the 2027 app release.'],
	])
	const idea = getDb().select().from(ideas).where(eq(ideas.id, id)).get()!
	expect(idea.firstActionAt).toEqual(at)
	expect(idea.decidedAt).toEqual(new Date(at.getTime() + 1000))
})

test('a status change reaches the author, voters, followers and linked-insight authors exactly once, never the manager', () => {
	const author = byEmail('luca.romano')
	const insightAuthor = byEmail('sara.colombo')
	const voterAndFollower = byEmail('chiara.bruno')
	const follower = byEmail('matteo.gallo')
	const unfollowed = byEmail('francesca.conti')
	const manager = demoUser('manager')
	const insightId = makeInsight(insightAuthor, { body: 'Customer waited an hour on hold about a blocked card.', emotion: 4 })
	const id = newIdea(author, { insightIds: [insightId] })
	setVote(id, voterAndFollower.id, true)
	setVote(id, author.id, true) // the author voting too still gets one notification
	setFollow(id, follower.id, true)
	setVote(id, unfollowed.id, true) // a voter who unfollowed still hears: they voted
	setFollow(id, unfollowed.id, false)
	setVote(id, manager.id, true)
	addComment(id, follower.id, 'Following this closely.')
	getDb().delete(notifications).run()
	changeStatus(id, manager, 'in_review', 'We are looking at it.')
	const received = getDb()
		.select({ userId: notifications.userId, kind: notifications.kind })
		.from(notifications)
		.where(eq(notifications.ideaId, id))
		.all()
	expect(received.map((r) => r.userId).sort()).toEqual(
		[author.id, insightAuthor.id, voterAndFollower.id, follower.id, unfollowed.id].sort(),
	)
	expect(new Set(received.map((r) => r.kind))).toEqual(new Set(['status']))
	getDb().delete(notifications).run()
	postUpdate(id, manager, 'Design review booked for next week.')
	expect(getDb().select().from(notifications).where(eq(notifications.ideaId, id)).all()).toHaveLength(5)
})

test('a manager’s scope is their department subtree plus ideas assigned to them; an admin sees all', () => {
	const manager = demoUser('manager') // Contact Centre (Milano, Bari)
	const inside = newIdea(demoUser('employee')) // Contact Centre Milano
	const outside = newIdea(byEmail('andrea.moretti')) // Milano Centro branch
	expect(ideaInScope(inside, manager)).toBe(true)
	expect(ideaInScope(outside, manager)).toBe(false)
	expect(ideaInScope(outside, demoUser('admin'))).toBe(true)
	getDb().update(ideas).set({ ownerId: manager.id }).where(eq(ideas.id, outside)).run()
	expect(ideaInScope(outside, manager)).toBe(true)
	const queue = wholeQueue(manager)
	expect(queue).toContain(inside)
	expect(queue).toContain(outside)
	expect(wholeQueue(byEmail('stefano.fontana'))).not.toContain(inside)
})

test('the queue shows days waiting and where each idea stands against the SLA; it filters and sorts by it', () => {
	const manager = demoUser('admin')
	const now = new Date()
	const old = makeIdea(demoUser('employee'), { title: 'An idea nobody answered' }, new Date(now.getTime() - 20 * 86_400_000))
	const fresh = makeIdea(demoUser('employee'), { title: 'An idea from yesterday' }, new Date(now.getTime() - 86_400_000 - 3_600_000))
	// Oldest first: it comes before the fresh one, 6 days past the 14-day target.
	const rows = listQueue(manager, {}, 'oldest', 1, now).rows
	const row = rows.find((r) => r.id === old)!
	expect(rows.indexOf(row)).toBeLessThan(rows.findIndex((r) => r.id === fresh))
	expect(row).toMatchObject({ daysWaiting: 20, sla: { kind: 'overdue', days: 6 } })
	expect(listQueue(manager, {}, 'oldest', 1, now).rows.find((r) => r.id === fresh)?.sla).toMatchObject({ kind: 'due', days: 12 })
	const ids = (sla: 'overdue' | 'due' | 'answered') => listQueue(manager, { sla }, 'oldest', 1, now).rows.map((r) => r.id)
	expect(ids('overdue')).toContain(old)
	expect(ids('overdue')).not.toContain(fresh)
	expect(ids('due')).toContain(fresh)
	expect(ids('due')).not.toContain(old)

	postUpdate(old, manager, 'Sorry for the wait: on it now.')
	expect(listQueue(manager, {}, 'oldest', 1, now).rows.find((r) => r.id === old)).toMatchObject({
		daysWaiting: 20,
		sla: { kind: 'answered' },
	})
	expect(ids('answered')).toContain(old)
	expect(ids('overdue')).not.toContain(old)
	// "Unanswered first" puts the answered idea after every unanswered one.
	const due = listQueue(manager, {}, 'due', 1, now).rows
	const firstAnswered = due.findIndex((r) => r.sla?.kind === 'answered')
	expect(firstAnswered).toBeGreaterThan(0)
	expect(due.slice(firstAnswered).every((r) => r.sla?.kind === 'answered')).toBe(true)
})

test('merging moves votes without double counting, and followers and evidence with them', () => {
	const manager = demoUser('admin')
	const [a, b, c] = ['chiara.bruno', 'matteo.gallo', 'francesca.conti'].map(byEmail)
	const insightId = makeInsight(byEmail('sara.colombo'), { body: 'Evidence on the duplicate only.' })
	const keep = newIdea(demoUser('employee'), { title: 'The idea to keep' })
	const duplicate = newIdea(byEmail('luca.romano'), { title: 'The duplicate', insightIds: [insightId] })
	setVote(keep, a!.id, true)
	setVote(keep, b!.id, true)
	setVote(duplicate, b!.id, true) // voted for both: keeps one vote
	setVote(duplicate, c!.id, true)
	expect(mergeIdea(duplicate, duplicate, manager, 'Same idea.')).toEqual({ ok: false, reason: 'bad-target' })
	expect(mergeIdea(duplicate, keep, manager, 'Same idea as the one kept.')).toEqual({ ok: true })
	const kept = getDb().select().from(ideas).where(eq(ideas.id, keep)).get()!
	expect(kept.voteCount).toBe(3)
	expect(
		getDb()
			.select()
			.from(votes)
			.where(eq(votes.ideaId, keep))
			.all()
			.map((v) => v.userId)
			.sort(),
	).toEqual([a!.id, b!.id, c!.id].sort())
	expect(getDb().select().from(votes).where(eq(votes.ideaId, duplicate)).all()).toEqual([])
	const gone = getDb().select().from(ideas).where(eq(ideas.id, duplicate)).get()!
	expect(gone).toMatchObject({ status: 'merged', mergedIntoId: keep, voteCount: 0 })
	expect(
		getDb()
			.select()
			.from(ideaInsights)
			.where(eq(ideaInsights.ideaId, keep))
			.all()
			.map((l) => l.insightId),
	).toContain(insightId)
	const followers = getDb()
		.select()
		.from(follows)
		.where(and(eq(follows.ideaId, keep), eq(follows.active, true)))
		.all()
		.map((f) => f.userId)
	expect(followers).toEqual(expect.arrayContaining([c!.id, byEmail('luca.romano').id]))
	// A merged idea cannot be merged again.
	expect(mergeIdea(duplicate, keep, manager, 'Again.')).toEqual({ ok: false, reason: 'not-allowed' })
})
