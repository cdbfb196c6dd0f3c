import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { STATUS } from '#app/models/idea.ts'
import { changeStatus } from '#app/models/triage.server.ts'
import { action as voteAction } from '#app/routes/ideas+/$ideaId_.vote.tsx'
import { getDb } from '#db/index.ts'
import { ideas, votes } from '#db/schema.ts'
import { makeIdea, person } from '#tests/factories.ts'
import { context, demoUser, formRequest, sessionCookieFor, settle, statusOf, type Thrown } from '#tests/utils.ts'

const voteCount = (ideaId: string) => getDb().select({ n: ideas.voteCount }).from(ideas).where(eq(ideas.id, ideaId)).get()!.n
const rows = (ideaId: string) => getDb().select().from(votes).where(eq(votes.ideaId, ideaId)).all().length

test('a declined or implemented idea takes no vote and loses none: 409 with a message, nothing stored', async () => {
	const manager = demoUser('manager')
	const voter = await sessionCookieFor(person('luca.romano').id)
	const post = (ideaId: string, fields: Record<string, string>) =>
		settle(() => voteAction({ request: formRequest(`/ideas/${ideaId}/vote`, fields, voter), context, params: { ideaId } }))

	const declined = makeIdea(person('giulia.rossi'))
	expect(statusOf(await post(declined, { vote: 'on' }))).toBe(302)
	expect(changeStatus(declined, manager, STATUS.declined, 'Out of scope for this year.').ok).toBe(true)
	// Without JavaScript: a 409 page that says why. With it: 409 data, the page stays.
	const plain = await post(declined, { vote: 'off' })
	expect(statusOf(plain)).toBe(409)
	expect((plain as Thrown).data).toEqual({ message: 'errors.votingClosed' })
	const fetched = await post(declined, { vote: 'off', fetch: '1' })
	expect(statusOf(fetched)).toBe(409)
	expect((fetched as Thrown).data).toEqual({ closed: true })
	expect([voteCount(declined), rows(declined)]).toEqual([1, 1])

	const implemented = makeIdea(person('giulia.rossi'))
	for (const status of [STATUS.in_review, STATUS.accepted, STATUS.in_progress, STATUS.implemented]) {
		expect(changeStatus(implemented, manager, status, 'Step.').ok).toBe(true)
	}
	expect(statusOf(await post(implemented, { vote: 'on' }))).toBe(409)
	expect([voteCount(implemented), rows(implemented)]).toEqual([0, 0])

	// An open idea, even accepted and in progress, still takes votes.
	const inProgress = makeIdea(person('giulia.rossi'))
	for (const status of [STATUS.in_review, STATUS.accepted, STATUS.in_progress]) changeStatus(inProgress, manager, status, 'Step.')
	expect(statusOf(await post(inProgress, { vote: 'on' }))).toBe(302)
	expect(voteCount(inProgress)).toBe(1)
})
