import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { addComment } from '#app/models/comment.server.ts'
import { listFeed } from '#app/models/idea.server.ts'
import { loader as notificationsLoader } from '#app/routes/_me+/notifications.tsx'
import { action as ideaAction, loader as ideaLoader } from '#app/routes/ideas+/$ideaId.tsx'
import { loader as ownersLoader } from '#app/routes/resources+/owners.tsx'
import { action as triageAction, loader as triageLoader } from '#app/routes/triage+/_index.tsx'
import { getDb } from '#db/index.ts'
import { comments, ideas, users } from '#db/schema.ts'
import { makeIdea, makeInsight, person } from '#tests/factories.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

const byEmail = person
const newIdea = (authorLocal: string, title: string) => makeIdea(person(authorLocal), { title })

test('a manager outside the idea’s scope gets 403 on every triage action, also by direct POST, and nothing changes', async () => {
	const ideaId = newIdea('andrea.moretti', 'A branch idea') // Milano Centro branch: not under Contact Centre
	const target = newIdea('laura.barbieri', 'Another branch idea')
	const commentId = addComment(ideaId, byEmail('laura.barbieri').id, 'A comment to hide')!.id
	const cookie = await sessionCookieFor(demoUser('manager').id) // Contact Centre
	const posts: Array<Record<string, string>> = [
		{ intent: 'status', status: 'in_review' },
		{ intent: 'status', status: 'declined', note: 'No.' },
		{ intent: 'update', note: 'Sneaky update' },
		{ intent: 'evaluate', 'scores.impact': '5', 'scores.effort': '1' },
		{ intent: 'merge', targetId: target, note: 'Duplicate' },
		{ intent: 'hide', kind: 'idea', targetId: ideaId, reason: 'Off topic' },
		{ intent: 'hide', kind: 'comment', targetId: commentId, reason: 'Off topic' },
	]
	for (const fields of posts) {
		const result = await settle(() => ideaAction({ request: formRequest(`/ideas/${ideaId}`, fields, cookie), context, params: { ideaId } }))
		expect(statusOf(result), JSON.stringify(fields)).toBe(403)
	}
	const bulk = (await triageAction({
		request: formRequest('/triage', { intent: 'bulk-review', ids: ideaId }, cookie),
		context,
		params: {},
	})) as Response
	expect(bulk.status).toBe(302)
	const idea = getDb().select().from(ideas).where(eq(ideas.id, ideaId)).get()!
	expect(idea).toMatchObject({ status: 'submitted', scores: null, score: null, hiddenAt: null, firstActionAt: null, mergedIntoId: null })
	expect(getDb().select().from(comments).where(eq(comments.id, commentId)).get()?.hiddenAt).toBeNull()
	// An employee cannot open the queue at all.
	const employee = await sessionCookieFor(demoUser('employee').id)
	expect(statusOf(await settle(() => triageLoader({ request: getRequest('/triage', employee), context, params: {} })))).toBe(403)
	expect(
		statusOf(
			await settle(() =>
				triageAction({ request: formRequest('/triage', { intent: 'bulk-review', ids: ideaId }, employee), context, params: {} }),
			),
		),
	).toBe(403)
})

test('a manager declines with a reason; the author is told and sees the reason on the idea', async () => {
	const ideaId = newIdea('giulia.rossi', 'An idea to decline')
	const cookie = await sessionCookieFor(demoUser('manager').id)
	const noReason = await ideaAction({
		request: formRequest(`/ideas/${ideaId}`, { intent: 'status', status: 'declined' }, cookie),
		context,
		params: { ideaId },
	})
	expect(statusOf(noReason)).toBe(400)
	expect(JSON.stringify((noReason as { data: unknown }).data)).toContain('triage.reasonRequired')
	const skip = await ideaAction({
		request: formRequest(`/ideas/${ideaId}`, { intent: 'status', status: 'implemented' }, cookie),
		context,
		params: { ideaId },
	})
	expect(statusOf(skip)).toBe(409)
	const ok = (await ideaAction({
		request: formRequest(
			`/ideas/${ideaId}`,
			{ intent: 'status', status: 'declined', note: 'The new app release already covers this.' },
			cookie,
		),
		context,
		params: { ideaId },
	})) as Response
	expect(ok.status).toBe(302)
	const author = await sessionCookieFor(demoUser('employee').id)
	const inbox = (await notificationsLoader({ request: getRequest('/notifications', author), context, params: {} })) as {
		rows: Array<{ kind: string; ideaId: string | null; ideaStatus: string | null }>
	}
	expect(inbox.rows.filter((n) => n.ideaId === ideaId)).toEqual([expect.objectContaining({ kind: 'status', ideaStatus: 'declined' })])
	const page = (await ideaLoader({ request: getRequest(`/ideas/${ideaId}`, author), context, params: { ideaId } })) as {
		idea: { status: string }
		timeline: Array<{ note: string | null; toStatus: string | null; actorName: string }>
		triage: unknown
	}
	expect(page.idea.status).toBe('declined')
	expect(page.timeline.at(-1)).toMatchObject({
		toStatus: 'declined',
		note: 'The new app release already covers this.',
		actorName: 'Marco Ferri',
	})
	// The author does not see the manager's tools.
	expect(page.triage).toBeNull()
})

test('hidden content vanishes from the feed and the counts; the author is told; an admin restores it', async () => {
	const ideaId = newIdea('giulia.rossi', 'An idea that breaks the rules')
	const commentAuthor = byEmail('luca.romano')
	const commentId = addComment(ideaId, commentAuthor.id, 'A rude comment')!.id
	const manager = await sessionCookieFor(demoUser('manager').id)
	await ideaAction({
		request: formRequest(
			`/ideas/${ideaId}`,
			{ intent: 'hide', kind: 'comment', targetId: commentId, reason: 'Please keep it civil.' },
			manager,
		),
		context,
		params: { ideaId },
	})
	expect(getDb().select({ n: ideas.commentCount }).from(ideas).where(eq(ideas.id, ideaId)).get()?.n).toBe(0)
	const employee = demoUser('employee')
	const employeeCookie = await sessionCookieFor(employee.id)
	const page = (await ideaLoader({ request: getRequest(`/ideas/${ideaId}`, employeeCookie), context, params: { ideaId } })) as {
		comments: unknown[]
	}
	expect(page.comments).toEqual([])
	const commentAuthorCookie = await sessionCookieFor(commentAuthor.id)
	const told = (await notificationsLoader({ request: getRequest('/notifications', commentAuthorCookie), context, params: {} })) as {
		rows: Array<{ kind: string; note: string | null }>
	}
	expect(told.rows[0]).toMatchObject({ kind: 'hidden', note: 'Please keep it civil.' })

	await ideaAction({
		request: formRequest(
			`/ideas/${ideaId}`,
			{ intent: 'hide', kind: 'idea', targetId: ideaId, reason: 'Contains a customer’s name.' },
			manager,
		),
		context,
		params: { ideaId },
	})
	const feed = (viewer: string) => listFeed({ sort: 'newest', filters: {}, viewerId: viewer }).ideas.map((i) => i.id)
	expect(feed(employee.id)).not.toContain(ideaId)
	const colleague = await sessionCookieFor(byEmail('chiara.bruno').id)
	expect(
		statusOf(await settle(() => ideaLoader({ request: getRequest(`/ideas/${ideaId}`, colleague), context, params: { ideaId } }))),
	).toBe(404)
	// Only an admin restores.
	const restoreByManager = await settle(() =>
		ideaAction({
			request: formRequest(`/ideas/${ideaId}`, { intent: 'restore', kind: 'idea', targetId: ideaId }, manager),
			context,
			params: { ideaId },
		}),
	)
	expect(statusOf(restoreByManager)).toBe(403)
	const admin = await sessionCookieFor(demoUser('admin').id)
	await ideaAction({
		request: formRequest(`/ideas/${ideaId}`, { intent: 'restore', kind: 'idea', targetId: ideaId }, admin),
		context,
		params: { ideaId },
	})
	expect(feed(employee.id)).toContain(ideaId)
})

test('a merged idea redirects to the one kept', async () => {
	const keep = newIdea('giulia.rossi', 'Keep me')
	const dup = newIdea('luca.romano', 'Duplicate of keep me')
	const silent = newIdea('luca.romano', 'Silent duplicate of keep me')
	const { addComment } = await import('#app/models/comment.server.ts')
	addComment(dup, byEmail('sara.colombo').id, 'Same thing happened to my customer.')
	const admin = await sessionCookieFor(demoUser('admin').id)
	await ideaAction({
		request: formRequest(`/ideas/${silent}`, { intent: 'merge', targetId: keep, note: 'Same idea.' }, admin),
		context,
		params: { ideaId: silent },
	})
	const merged = (await ideaAction({
		request: formRequest(`/ideas/${dup}`, { intent: 'merge', targetId: `http://127.0.0.1:3000/ideas/${keep}`, note: 'Same idea.' }, admin),
		context,
		params: { ideaId: dup },
	})) as Response
	expect(merged.headers.get('Location')).toBe(`/ideas/${keep}`)
	const visit = (await settle(() =>
		ideaLoader({ request: getRequest(`/ideas/${dup}`, admin), context, params: { ideaId: dup } }),
	)) as Response
	expect(visit.status).toBe(302)
	expect(visit.headers.get('Location')).toBe(`/ideas/${keep}`)
	const kept = (await ideaLoader({ request: getRequest(`/ideas/${keep}`, admin), context, params: { ideaId: keep } })) as {
		merged: Array<{ title: string }>
	}
	// A merged idea is shown for its comments: one without any is not an empty block.
	expect(kept.merged.map((m) => m.title)).toEqual(['Duplicate of keep me'])
})

test('a hidden insight leaves the list, the evidence search and its page; a manager out of scope cannot hide it', async () => {
	const { searchInsights, listInsights } = await import('#app/models/insight.server.ts')
	const { action: insightAction, loader: insightLoader } = await import('#app/routes/insights+/$insightId.tsx')
	const id = makeInsight(person('luca.romano'), { body: 'Customer gave his full card number zebra-unique on the phone.' })
	const outsider = await sessionCookieFor(byEmail('stefano.fontana').id) // Milano Centro branch manager
	const refused = await settle(() =>
		insightAction({
			request: formRequest(`/insights/${id}`, { intent: 'hide', kind: 'insight', targetId: id, reason: 'Card number.' }, outsider),
			context,
			params: { insightId: id },
		}),
	)
	expect(statusOf(refused)).toBe(403)
	const manager = await sessionCookieFor(demoUser('manager').id)
	const empty = await insightAction({
		request: formRequest(`/insights/${id}`, { intent: 'hide', kind: 'insight', targetId: id, reason: ' ' }, manager),
		context,
		params: { insightId: id },
	})
	expect(statusOf(empty)).toBe(400)
	await insightAction({
		request: formRequest(`/insights/${id}`, { intent: 'hide', kind: 'insight', targetId: id, reason: 'Contains a card number.' }, manager),
		context,
		params: { insightId: id },
	})
	expect(searchInsights('zebra-unique')).toEqual([])
	expect(listInsights({}, demoUser('employee').id).rows.map((r) => r.id)).not.toContain(id)
	const reader = await sessionCookieFor(demoUser('employee').id)
	expect(
		statusOf(await settle(() => insightLoader({ request: getRequest(`/insights/${id}`, reader), context, params: { insightId: id } }))),
	).toBe(404)
})

test('the owner is typed as an e-mail or a full name: resolved on the server, with a clear message when nobody or several people match', async () => {
	const ideaId = newIdea('giulia.rossi', 'An idea to give an owner')
	const cookie = await sessionCookieFor(demoUser('manager').id)
	const evaluateWith = (owner: string) =>
		ideaAction({
			request: formRequest(`/ideas/${ideaId}`, { intent: 'evaluate', 'scores.impact': '4', 'scores.effort': '2', owner }, cookie),
			context,
			params: { ideaId },
		})
	const ownerOf = () => getDb().select({ ownerId: ideas.ownerId, scores: ideas.scores }).from(ideas).where(eq(ideas.id, ideaId)).get()!

	expect(statusOf(await evaluateWith('ILARIA.MARTINELLI@aurora-bank.example'))).toBe(302)
	expect(ownerOf()).toEqual({ ownerId: byEmail('ilaria.martinelli').id, scores: { impact: 4, effort: 2 } })
	expect(statusOf(await evaluateWith('  stefano fontana '))).toBe(302)
	expect(ownerOf().ownerId).toBe(byEmail('stefano.fontana').id)

	// An employee cannot own an idea; a name two managers share needs the e-mail.
	const failed = (await evaluateWith('giulia.rossi@aurora-bank.example')) as unknown as {
		data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
		init: { status: number }
	}
	expect(failed.init.status).toBe(400)
	expect(failed.data.result.error.owner).toEqual(['triage.unknownOwner'])
	expect(failed.data.result.initialValue.owner).toBe('giulia.rossi@aurora-bank.example')
	getDb().insert(users).values({ email: 'stefano.fontana2@aurora-bank.example', name: 'Stefano Fontana', role: 'manager' }).run()
	const ambiguous = (await evaluateWith('Stefano Fontana')) as unknown as typeof failed
	expect(ambiguous.data.result.error.owner).toEqual(['triage.ambiguousOwner'])
	expect(ownerOf().ownerId).toBe(byEmail('stefano.fontana').id)

	// Empty means unassigned.
	expect(statusOf(await evaluateWith(''))).toBe(302)
	expect(ownerOf().ownerId).toBeNull()

	// The page shows the owner's e-mail in the field, never a list of every possible owner.
	await evaluateWith('ilaria.martinelli@aurora-bank.example')
	const page = (await ideaLoader({ request: getRequest(`/ideas/${ideaId}`, cookie), context, params: { ideaId } })) as unknown as {
		triage: Record<string, unknown>
	}
	expect(page.triage).toMatchObject({
		evaluation: { scores: { impact: 4, effort: 2 }, score: 4 },
		ownerEmail: 'ilaria.martinelli@aurora-bank.example',
	})
})

test('owner suggestions: managers, leaders and admins whose name or e-mail starts with what was typed; employees never', async () => {
	const cookie = await sessionCookieFor(demoUser('manager').id)
	const suggest = async (q: string) =>
		(
			(await ownersLoader({ request: getRequest(`/resources/owners?q=${encodeURIComponent(q)}`, cookie), context, params: {} })) as {
				owners: Array<{ email: string; name: string }>
			}
		).owners
	expect((await suggest('martinelli')).map((o) => o.email)).toEqual(['ilaria.martinelli@aurora-bank.example'])
	expect((await suggest('ilaria.m')).map((o) => o.name)).toEqual(['Ilaria Martinelli'])
	expect((await suggest('Ilaria')).map((o) => o.name)).toEqual(['Ilaria Martinelli'])
	expect(await suggest('giulia')).toEqual([])
	expect(await suggest('%')).toEqual([])
	const employee = await sessionCookieFor(demoUser('employee').id)
	expect(
		statusOf(await settle(() => ownersLoader({ request: getRequest('/resources/owners?q=marco', employee), context, params: {} }))),
	).toBe(403)
})

test('bulk assign takes a typed owner, and the filter narrows the queue to my ideas or to an owner picked from a row', async () => {
	const first = newIdea('giulia.rossi', 'Bulk owner one')
	const second = newIdea('giulia.rossi', 'Bulk owner two')
	const manager = demoUser('manager')
	const cookie = await sessionCookieFor(manager.id)
	const bulk = (fields: Record<string, string>) =>
		triageAction({ request: formRequest('/triage', fields, cookie), context, params: {} }) as Promise<Response>
	const form = new URLSearchParams({ intent: 'bulk-assign', owner: manager.email })
	form.append('ids', first)
	form.append('ids', second)
	const assigned = await triageAction({
		request: new Request('http://127.0.0.1:3000/triage', {
			method: 'POST',
			body: form,
			headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
		}),
		context,
		params: {},
	})
	expect((assigned as Response).status).toBe(302)
	expect(getDb().select({ ownerId: ideas.ownerId }).from(ideas).where(eq(ideas.id, second)).get()?.ownerId).toBe(manager.id)
	// No owner typed, or nobody by that name: nothing changes and the toast says why.
	expect((await bulk({ intent: 'bulk-assign', owner: '', ids: first })).headers.get('set-cookie')).toBeTruthy()
	await bulk({ intent: 'bulk-assign', owner: 'nobody@nowhere.example', ids: first })
	expect(getDb().select({ ownerId: ideas.ownerId }).from(ideas).where(eq(ideas.id, first)).get()?.ownerId).toBe(manager.id)

	const queue = async (query: string) =>
		(await triageLoader({ request: getRequest(`/triage?${query}`, cookie), context, params: {} })) as {
			queue: { rows: Array<{ id: string; ownerId: string | null }> }
			filteredOwner: unknown
		}
	const mine = await queue('owner=me')
	expect(mine.queue.rows.map((r) => r.id)).toEqual(expect.arrayContaining([first, second]))
	expect(mine.queue.rows.every((r) => r.ownerId === manager.id)).toBe(true)
	expect((await queue(`owner=${manager.id}`)).filteredOwner).toEqual({ id: manager.id, name: manager.name })
	expect((await queue('owner=none')).queue.rows.some((r) => r.id === first)).toBe(false)
})

test('“My team” lists the scope’s unanswered ideas, overdue first, each with where it stands against the SLA', async () => {
	const { loader: teamLoader } = await import('#app/routes/_org+/team.tsx')
	const manager = demoUser('manager')
	const cookie = await sessionCookieFor(manager.id)
	const now = Date.now()
	const late = makeIdea(person('giulia.rossi'), { title: 'Late idea for the team page' }, new Date(now - 20 * 86_400_000))
	const fresh = makeIdea(person('giulia.rossi'), { title: 'Fresh idea for the team page' }, new Date(now - 3_600_000))
	const answered = makeIdea(person('giulia.rossi'), { title: 'Answered idea for the team page' }, new Date(now - 19 * 86_400_000))
	await ideaAction({
		request: formRequest(`/ideas/${answered}`, { intent: 'update', note: 'On it.' }, cookie),
		context,
		params: { ideaId: answered },
	})
	const page = (await teamLoader({ request: getRequest('/team', cookie), context, params: {} })) as {
		waiting: Array<{ id: string; sla: { kind: string; days: number } }>
	}
	const ids = page.waiting.map((w) => w.id)
	expect(ids).toContain(late)
	expect(ids).not.toContain(answered)
	expect(ids.indexOf(late)).toBeLessThan(ids.includes(fresh) ? ids.indexOf(fresh) : Infinity)
	expect(page.waiting.find((w) => w.id === late)?.sla).toMatchObject({ kind: 'overdue', days: 6 })
	// An employee has no team page at all.
	const employee = await sessionCookieFor(demoUser('employee').id)
	expect(statusOf(await settle(() => teamLoader({ request: getRequest('/team', employee), context, params: {} })))).toBe(403)
})
