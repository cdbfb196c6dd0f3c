import { and, count, eq, isNull } from 'drizzle-orm'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { addComment, deleteComment, editComment } from '#app/models/comment.server.ts'
import { hide, restore } from '#app/models/moderation.server.ts'
import { action as voteAction } from '#app/routes/ideas+/$ideaId_.vote.tsx'
import { action as ideaAction } from '#app/routes/ideas+/$ideaId.tsx'
import { action as insightAction } from '#app/routes/insights+/$insightId.tsx'
import { getDb } from '#db/index.ts'
import { comments, follows, ideas, insightRecurrences, notifications, votes } from '#db/schema.ts'
import { makeIdea, makeInsight, person } from '#tests/factories.ts'
import { context, demoUser, formRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

const n = (table: typeof votes | typeof follows | typeof notifications | typeof insightRecurrences, where: ReturnType<typeof eq>) =>
	getDb().select({ n: count() }).from(table).where(where).get()!.n

test('a hidden idea refuses votes, comments and follows with 404 and stores nothing; moderation still works on it', async () => {
	const admin = demoUser('admin')
	const ideaId = makeIdea(person('laura.barbieri'), { title: 'An idea a moderator hid' })
	addComment(ideaId, person('marco.ferri').id, 'A comment before it was hidden')
	expect(hide('idea', ideaId, admin, 'Off topic')).toBe(true)
	const before = {
		votes: n(votes, eq(votes.ideaId, ideaId)),
		follows: n(follows, eq(follows.ideaId, ideaId)),
		notifications: n(notifications, eq(notifications.ideaId, ideaId)),
	}
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const posts: Array<Record<string, string>> = [
		{ vote: 'on' },
		{ intent: 'comment', body: 'Still here?' },
		{ intent: 'follow' },
		{ intent: 'unfollow' },
		{ vote: 'on', fetch: '1' },
	]
	for (const fields of posts) {
		const url = 'vote' in fields ? `/ideas/${ideaId}/vote` : `/ideas/${ideaId}`
		const args = { request: formRequest(url, fields, cookie), context, params: { ideaId } }
		const result = await settle((): Promise<unknown> => ('vote' in fields ? voteAction(args) : ideaAction(args)))
		expect(statusOf(result), JSON.stringify(fields)).toBe(404)
	}
	expect({
		votes: n(votes, eq(votes.ideaId, ideaId)),
		follows: n(follows, eq(follows.ideaId, ideaId)),
		notifications: n(notifications, eq(notifications.ideaId, ideaId)),
	}).toEqual(before)
	expect(getDb().select({ c: ideas.commentCount, v: ideas.voteCount }).from(ideas).where(eq(ideas.id, ideaId)).get()).toEqual({
		c: 1,
		v: 0,
	})
	// The moderator's restore is the one write it takes.
	const adminCookie = await sessionCookieFor(admin.id)
	const byAdmin = await settle(() =>
		ideaAction({
			request: formRequest(`/ideas/${ideaId}`, { intent: 'restore', kind: 'idea', targetId: ideaId }, adminCookie),
			context,
			params: { ideaId },
		}),
	)
	expect(statusOf(byAdmin)).toBe(302)
	expect(getDb().select({ h: ideas.hiddenAt }).from(ideas).where(eq(ideas.id, ideaId)).get()).toEqual({ h: null })
	expect(
		statusOf(
			await settle(() =>
				voteAction({ request: formRequest(`/ideas/${ideaId}/vote`, { vote: 'on' }, cookie), context, params: { ideaId } }),
			),
		),
	).toBe(302)
})

test('a hidden insight refuses "I see this too" with 404 and stores nothing', async () => {
	const insightId = makeInsight(person('laura.barbieri'), { body: 'An insight a moderator hid for customer data.' })
	expect(hide('insight', insightId, demoUser('admin'), 'Customer data')).toBe(true)
	const cookie = await sessionCookieFor(demoUser('employee').id)
	for (const intent of ['see', 'unsee']) {
		const result = await settle(() =>
			insightAction({ request: formRequest(`/insights/${insightId}`, { intent }, cookie), context, params: { insightId } }),
		)
		expect(statusOf(result), intent).toBe(404)
	}
	expect(n(insightRecurrences, eq(insightRecurrences.insightId, insightId))).toBe(0)
})

type Op = { kind: 'hide' | 'restore' | 'edit' | 'delete'; comment: number } | { kind: 'add' }

test('property: in every order of hide, restore, edit and delete, the comment count equals the visible comments, and a hidden comment keeps the text its moderator saw', () => {
	const moderator = demoUser('admin')
	const author = person('marco.ferri')
	const op: fc.Arbitrary<Op> = fc.oneof(
		fc.record({
			kind: fc.constantFrom('hide' as const, 'restore' as const, 'edit' as const, 'delete' as const),
			comment: fc.integer({ min: 0, max: 3 }),
		}),
		fc.constant({ kind: 'add' as const }),
	)
	fc.assert(
		fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
			const ideaId = makeIdea(person('laura.barbieri'), { title: 'Property idea' })
			const ids = [0, 1, 2].map((i) => addComment(ideaId, author.id, `Comment ${i}`)!.id)
			const seenByModerator = new Map<string, string>()
			for (const step of ops) {
				if (step.kind === 'add') {
					ids.push(addComment(ideaId, author.id, 'Another comment')!.id)
					continue
				}
				const id = ids[step.comment % ids.length]!
				const row = getDb().select({ body: comments.body, hiddenAt: comments.hiddenAt }).from(comments).where(eq(comments.id, id)).get()
				if (step.kind === 'hide' && hide('comment', id, moderator, 'Rude')) seenByModerator.set(id, row!.body)
				if (step.kind === 'restore') restore('comment', id, moderator)
				if (step.kind === 'edit') {
					const edited = editComment(id, author.id, `Edited ${Math.random()}`)
					if (row?.hiddenAt) expect(edited).toBe(false)
				}
				if (step.kind === 'delete') {
					const deleted = deleteComment(id, author.id)
					if (row?.hiddenAt) expect(deleted).toBe(false)
				}
				const stored = getDb().select({ c: ideas.commentCount }).from(ideas).where(eq(ideas.id, ideaId)).get()!.c
				const visible = getDb()
					.select({ n: count() })
					.from(comments)
					.where(and(eq(comments.ideaId, ideaId), isNull(comments.hiddenAt)))
					.get()!.n
				expect(stored).toBe(visible)
				for (const [hiddenId, body] of seenByModerator) {
					const now = getDb()
						.select({ body: comments.body, hiddenAt: comments.hiddenAt })
						.from(comments)
						.where(eq(comments.id, hiddenId))
						.get()
					if (now?.hiddenAt) expect(now.body).toBe(body)
				}
			}
		}),
		{ seed: 20261203, numRuns: 60 },
	)
})
