import { and, count, eq, isNull } from 'drizzle-orm'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { addComment, deleteComment, editComment } from '#app/models/comment.server.ts'
import { hide, restore } from '#app/models/moderation.server.ts'
import { action as voteAction } from '#app/routes/ideas+/$ideaId_.vote.tsx'
import { action as ideaAction } from '#app/routes/ideas+/$ideaId.tsx'
import { action as insightAction } from '#app/routes/insights+/$insightId.tsx'
import { getDb } from '#db/index.ts'
import { comments, follows, ideas, insightRecurrences, notifications, reports, votes } from '#db/schema.ts'
import { makeIdea, makeInsight, person } from '#tests/factories.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

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

test('employees report an idea, an insight or a comment with a reason; moderators see the counts and reasons, and each reporter hears the outcome', async () => {
	const { loader: moderationLoader, action: moderationPage } = await import('#app/routes/admin+/moderation.tsx')
	const [insightPage, ideaPage] = [insightAction, ideaAction]
	const author = person('giulia.rossi')
	const [first, second] = [person('luca.romano'), person('chiara.bruno')]
	const insightId = makeInsight(author, { body: 'Rude words about a customer, with his full name.' })
	const ideaId = makeIdea(author, { title: 'An idea with a comment to report' })
	const commentId = addComment(ideaId, author.id, 'An off-topic rant about the canteen.')!.id
	const post = async (who: { id: string }, to: 'insight' | 'idea', fields: Record<string, string>) => {
		const cookie = await sessionCookieFor(who.id)
		return to === 'insight'
			? settle(() => insightPage({ request: formRequest(`/insights/${insightId}`, fields, cookie), context, params: { insightId } }))
			: settle(() => ideaPage({ request: formRequest(`/ideas/${ideaId}`, fields, cookie), context, params: { ideaId } }))
	}
	// A reason is required; one's own contribution cannot be reported; twice counts once.
	expect(statusOf(await post(first, 'insight', { intent: 'report', kind: 'insight', targetId: insightId, reason: ' ' }))).toBe(400)
	expect(statusOf(await post(author, 'insight', { intent: 'report', kind: 'insight', targetId: insightId, reason: 'Mine.' }))).toBe(400)
	for (const who of [first, second, first]) {
		expect(
			statusOf(
				await post(who, 'insight', { intent: 'report', kind: 'insight', targetId: insightId, reason: `Names a customer (${who.name}).` }),
			),
		).toBe(302)
	}
	expect(statusOf(await post(second, 'idea', { intent: 'report', kind: 'comment', targetId: commentId, reason: 'Off topic.' }))).toBe(302)

	const admin = await sessionCookieFor(demoUser('admin').id)
	const queue = (await moderationLoader({ request: getRequest('/admin/moderation', admin), context, params: {} })) as {
		reported: Array<{ kind: string; targetId: string; count: number; reasons: string[] }>
	}
	const reportedInsight = queue.reported.find((r) => r.targetId === insightId)
	expect(reportedInsight).toMatchObject({ kind: 'insight', count: 2 })
	expect(reportedInsight!.reasons.sort()).toEqual([`Names a customer (${first.name}).`, `Names a customer (${second.name}).`].sort())
	expect(queue.reported.find((r) => r.targetId === commentId)).toMatchObject({ kind: 'comment', count: 1 })

	// A manager in scope hides the insight from its page: both reporters are told, with the reason.
	const manager = await sessionCookieFor(demoUser('manager').id)
	await settle(() =>
		insightPage({
			request: formRequest(
				`/insights/${insightId}`,
				{ intent: 'hide', kind: 'insight', targetId: insightId, reason: 'It names a customer.' },
				manager,
			),
			context,
			params: { insightId },
		}),
	)
	const told = (kind: string) =>
		getDb()
			.select({ userId: notifications.userId, note: notifications.note })
			.from(notifications)
			.where(eq(notifications.kind, kind as never))
			.all()
	expect(told('report-hidden')).toEqual(
		expect.arrayContaining([
			{ userId: first.id, note: 'It names a customer.' },
			{ userId: second.id, note: 'It names a customer.' },
		]),
	)
	// The admin keeps the comment: its reporter hears that too.
	await settle(() =>
		moderationPage({
			request: formRequest(
				'/admin/moderation',
				{ intent: 'dismiss-reports', kind: 'comment', targetId: commentId, note: 'Canteen talk is allowed here.' },
				admin,
			),
			context,
			params: {},
		}),
	)
	expect(told('report-kept')).toEqual([{ userId: second.id, note: 'Canteen talk is allowed here.' }])
	expect(
		getDb()
			.select()
			.from(reports)
			.all()
			.every((r) => r.resolvedAt),
	).toBe(true)
	const after = (await moderationLoader({ request: getRequest('/admin/moderation', admin), context, params: {} })) as {
		reported: unknown[]
	}
	expect(after.reported).toEqual([])
	// The author hears of the hide, never who reported it or why they did.
	const authorNotes = getDb().select().from(notifications).where(eq(notifications.userId, author.id)).all()
	expect(JSON.stringify(authorNotes)).not.toMatch(/Names a customer|Luca|Chiara/)
	// An employee cannot keep a reported item.
	const employee = await sessionCookieFor(first.id)
	expect(
		statusOf(
			await settle(() =>
				ideaPage({
					request: formRequest(`/ideas/${ideaId}`, { intent: 'dismiss-reports', kind: 'comment', targetId: commentId }, employee),
					context,
					params: { ideaId },
				}),
			),
		),
	).toBe(403)
})

test('on an idea’s own page, moderators see how often and why the idea and each comment were reported; nobody else does', async () => {
	const { loader: ideaLoader } = await import('#app/routes/ideas+/$ideaId.tsx')
	const author = person('giulia.rossi')
	const ideaId = makeIdea(author, { title: 'An idea colleagues reported' })
	const commentId = addComment(ideaId, author.id, 'A comment with a customer’s phone number.')!.id
	const report = async (who: { id: string }, kind: 'idea' | 'comment', targetId: string, reason: string) =>
		statusOf(
			await settle(async () =>
				ideaAction({
					request: formRequest(`/ideas/${ideaId}`, { intent: 'report', kind, targetId, reason }, await sessionCookieFor(who.id)),
					context,
					params: { ideaId },
				}),
			),
		)
	expect(await report(person('luca.romano'), 'idea', ideaId, 'Duplicate of the SMS idea.')).toBe(302)
	expect(await report(person('chiara.bruno'), 'idea', ideaId, 'Duplicate of the SMS idea.')).toBe(302)
	expect(await report(person('sara.colombo'), 'comment', commentId, 'It has a phone number.')).toBe(302)
	type Page = { reports: { idea: { count: number; reasons: string[] } | null; comments: Record<string, { count: number }> } | null }
	const read = async (userId: string) =>
		(await ideaLoader({
			request: getRequest(`/ideas/${ideaId}`, await sessionCookieFor(userId)),
			context,
			params: { ideaId },
		})) as unknown as Page

	// The manager of the author's department: two reports, one reason (given twice); the comment's one.
	const manager = await read(demoUser('manager').id)
	expect(manager.reports?.idea).toEqual({ count: 2, reasons: ['Duplicate of the SMS idea.'] })
	expect(manager.reports?.comments[commentId]).toEqual({ count: 1, reasons: ['It has a phone number.'] })
	// A colleague, even one who reported it, and a manager of another branch see nothing of it.
	expect((await read(person('luca.romano').id)).reports).toBeNull()
	expect((await read(person('stefano.fontana').id)).reports).toBeNull()

	// Kept from the page: the idea's reports close, the comment's stay open.
	expect(
		statusOf(
			await settle(async () =>
				ideaAction({
					request: formRequest(
						`/ideas/${ideaId}`,
						{ intent: 'dismiss-reports', kind: 'idea', targetId: ideaId, note: '' },
						await sessionCookieFor(demoUser('manager').id),
					),
					context,
					params: { ideaId },
				}),
			),
		),
	).toBe(302)
	const after = await read(demoUser('manager').id)
	expect(after.reports?.idea).toBeNull()
	expect(after.reports?.comments[commentId]?.count).toBe(1)
})
