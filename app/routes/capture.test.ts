import fs from 'node:fs'
import { eq, sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createCampaign } from '#app/models/campaign.server.ts'
import { listChannels, listEvents, listStages } from '#app/models/taxonomy.server.ts'
import { loader as notificationsLoader } from '#app/routes/_me+/notifications.tsx'
import { loader as profileLoader } from '#app/routes/_me+/profile.tsx'
import { action as receiptsAction } from '#app/routes/_me+/receipts.tsx'
import { loader as campaignsLoader } from '#app/routes/campaigns+/_index.tsx'
import { loader as campaignLoader } from '#app/routes/campaigns+/$campaignId.tsx'
import { action as newCampaignAction } from '#app/routes/campaigns+/new.tsx'
import { loader as feedLoader } from '#app/routes/ideas+/_index.tsx'
import { action as editIdeaAction } from '#app/routes/ideas+/$ideaId_.edit.tsx'
import { action as voteAction } from '#app/routes/ideas+/$ideaId_.vote.tsx'
import { action as ideaAction, loader as ideaLoader } from '#app/routes/ideas+/$ideaId.tsx'
import { action as newIdeaAction } from '#app/routes/ideas+/new.tsx'
import { loader as insightsLoader } from '#app/routes/insights+/_index.tsx'
import { action as insightAction, loader as insightLoader } from '#app/routes/insights+/$insightId.tsx'
import { action as newInsightAction } from '#app/routes/insights+/new.tsx'
import { getEnv } from '#app/utils/env.server.ts'
import { isoWeek } from '#app/utils/time.ts'
import { getDb } from '#db/index.ts'
import { activityWeeks, ideas, insights, users } from '#db/schema.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

const dataOf = (r: unknown) => (r as { data?: unknown }).data ?? r

function ideaFields(extra: Record<string, string> = {}) {
	return {
		title: 'Let customers freeze a card from a second device',
		problem: 'The phone is stolen with the card, so the app cannot confirm the block.',
		proposal: 'Allow freezing from the website with the password only.',
		benefit: 'Cards blocked in minutes.',
		stageIds: listStages()[3]!.id,
		similarSeen: '1',
		...extra,
	}
}

/** Reads the receipt code that the action put in the flash cookie for the next page. */
async function receiptFrom(response: Response) {
	const { readFlash } = await import('#app/utils/flash.server.ts')
	const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!
	const { flash } = await readFlash(new Request('http://x', { headers: { Cookie: cookie } }))
	return flash.receipt!.code
}

test('anonymity: nothing shown, returned, notified or stored ties an anonymous idea or insight to its author', async () => {
	// Someone with no named contributions in the demo data, so any trace of them is a leak.
	const author = getDb().select().from(users).where(eq(users.email, 'davide.ricci@aurora-bank.example')).get()!
	const authorCookie = await sessionCookieFor(author.id)
	const ideaResponse = (await newIdeaAction({
		request: formRequest('/ideas/new', ideaFields({ anonymous: 'on' }), authorCookie),
		context,
		params: {},
	})) as Response
	expect(ideaResponse.status).toBe(302)
	expect(ideaResponse.headers.get('Location')).toBe('/receipts')
	const ideaReceipt = await receiptFrom(ideaResponse)
	expect(ideaReceipt).toMatch(/^VOCE(-[A-Z2-9]{4}){6}$/)
	const idea = getDb().select().from(ideas).where(eq(ideas.title, ideaFields().title)).get()!
	expect(idea.authorId).toBeNull()
	// The write-ahead log keeps each commit's pages together: it would show the anonymous idea
	// written with the author's weekly activity mark. It is emptied into the file at once.
	const walBytes = () => {
		const wal = `${getEnv().DATABASE_PATH}-wal`
		return fs.existsSync(wal) ? fs.statSync(wal).size : 0
	}
	expect(walBytes()).toBe(0)

	const insightResponse = (await newInsightAction({
		request: formRequest(
			'/insights/new',
			{
				body: 'A customer cried at the counter: her card was swallowed by the ATM on a Sunday.',
				channelId: listChannels()[0]!.id,
				stageId: listStages()[3]!.id,
				emotion: '5',
				anonymous: 'on',
				similarSeen: '1',
			},
			authorCookie,
		),
		context,
		params: {},
	})) as Response
	expect(insightResponse.status).toBe(302)
	const insightReceipt = await receiptFrom(insightResponse)
	const insight = getDb()
		.select()
		.from(insights)
		.where(sql`${insights.body} LIKE 'A customer cried%'`)
		.get()!
	expect(insight.authorId).toBeNull()
	expect(walBytes()).toBe(0)

	// Colleagues vote and comment, so notifications go out about the idea.
	const colleague = demoUser('manager')
	const colleagueCookie = await sessionCookieFor(colleague.id)
	const reader = demoUser('leader')
	const readerCookie = await sessionCookieFor(reader.id)
	await voteAction({
		request: formRequest(`/ideas/${idea.id}/vote`, { vote: 'on' }, readerCookie),
		context,
		params: { ideaId: idea.id },
	})
	await ideaAction({
		request: formRequest(`/ideas/${idea.id}`, { intent: 'comment', body: 'Good one, @elena.marino.' }, colleagueCookie),
		context,
		params: { ideaId: idea.id },
	})

	const secrets = [author.id, author.email, author.name, author.email.split('@')[0]!]
	const expectClean = (label: string, value: unknown) => {
		const text = JSON.stringify(value)
		for (const secret of secrets) expect(text, `${label} reveals ${secret}`).not.toContain(secret)
	}
	// Everything a page or a `.data` request returns is its loader's data: for a colleague and for the author.
	for (const cookie of [readerCookie, authorCookie]) {
		expectClean('idea page', await ideaLoader({ request: getRequest(`/ideas/${idea.id}`, cookie), context, params: { ideaId: idea.id } }))
		expectClean('feed', await feedLoader({ request: getRequest('/ideas?sort=newest', cookie), context, params: {} }))
		expectClean(
			'insight page',
			await insightLoader({ request: getRequest(`/insights/${insight.id}`, cookie), context, params: { insightId: insight.id } }),
		)
		expectClean('insights list', await insightsLoader({ request: getRequest('/insights', cookie), context, params: {} }))
	}
	expectClean(
		'notifications of others',
		await notificationsLoader({ request: getRequest('/notifications', readerCookie), context, params: {} }),
	)
	// The receipt opens the item and its replies, and still names nobody.
	const receiptView = await receiptsAction({
		request: formRequest('/receipts', { code: ideaReceipt.toLowerCase() }, authorCookie),
		context,
		params: {},
	})
	expect(JSON.stringify(receiptView)).toContain('Good one')
	expectClean('receipt page', receiptView)
	expect(
		JSON.stringify(
			await receiptsAction({ request: formRequest('/receipts', { code: insightReceipt }, readerCookie), context, params: {} }),
		),
	).toContain('swallowed')
	// The author's own lists do not show it either (nothing links it to them).
	const mine = await profileLoader({ request: getRequest('/profile?tab=ideas', authorCookie), context, params: {} })
	expect(JSON.stringify(mine)).not.toContain(idea.id)

	// No row anywhere holds both the item and the author.
	const db = getDb().$client
	const tables = db
		.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`)
		.all() as Array<{ name: string }>
	for (const { name } of tables) {
		for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) {
			const text = JSON.stringify(row)
			if (text.includes(idea.id) || text.includes(insight.id)) expectClean(`table ${name}`, row)
		}
	}
	// Yet the author counts as active this week.
	const week = isoWeek(new Date(), getEnv().TIME_ZONE)
	expect(getDb().select().from(activityWeeks).where(eq(activityWeeks.userId, author.id)).all()).toContainEqual({ userId: author.id, week })
})

test('a wrong receipt code says so with a 404', async () => {
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const result = await receiptsAction({
		request: formRequest('/receipts', { code: 'VOCE-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' }, cookie),
		context,
		params: {},
	})
	expect(statusOf(result)).toBe(404)
	expect(JSON.stringify(dataOf(result))).toContain('receipts.notFound')
})

test('an insight without a stage takes its moment of truth’s usual stage; bad input keeps what was typed', async () => {
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const event = listEvents().find((e) => e.name === 'Payment declined')!
	const bad = await newInsightAction({
		request: formRequest(
			'/insights/new',
			{ body: 'Declined twice at the pharmacy, no reason given.', channelId: listChannels()[1]!.id },
			cookie,
		),
		context,
		params: {},
	})
	expect(statusOf(bad)).toBe(400)
	expect(JSON.stringify(dataOf(bad))).toContain('insights.emotionRequired')
	expect(JSON.stringify(dataOf(bad))).toContain('Declined twice at the pharmacy')
	const noStage = await newInsightAction({
		request: formRequest(
			'/insights/new',
			{
				body: 'Declined twice at the pharmacy, no reason given.',
				channelId: listChannels()[1]!.id,
				emotion: '4',
				occurredAt: '2999-01-01T10:00',
			},
			cookie,
		),
		context,
		params: {},
	})
	expect(statusOf(noStage)).toBe(400)
	expect(JSON.stringify(dataOf(noStage))).toContain('insights.stageRequired')
	expect(JSON.stringify(dataOf(noStage))).toContain('insights.occurredAtFuture')

	const ok = (await newInsightAction({
		request: formRequest(
			'/insights/new',
			{
				body: 'Declined twice at the pharmacy, no reason given.',
				channelId: listChannels()[1]!.id,
				eventId: event.id,
				emotion: '4',
				similarSeen: '1',
			},
			cookie,
		),
		context,
		params: {},
	})) as Response
	expect(ok.status).toBe(302)
	const id = ok.headers.get('Location')!.split('/').pop()!
	const saved = getDb().select().from(insights).where(eq(insights.id, id)).get()!
	expect(saved).toMatchObject({ stageId: event.defaultStageId, eventId: event.id, emotion: 4, anonymous: false })
})

test('a closed campaign refuses new ideas; an open one takes them', async () => {
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const creator = demoUser('manager').id
	const day = 86_400_000
	const closed = createCampaign(
		{
			title: 'Closed question',
			description: 'd',
			sponsor: 's',
			startsAt: new Date(Date.now() - 10 * day),
			endsAt: new Date(Date.now() - day),
			stageId: null,
			eventId: null,
		},
		creator,
	)
	const open = createCampaign(
		{
			title: 'Open question',
			description: 'd',
			sponsor: 's',
			startsAt: new Date(Date.now() - day),
			endsAt: new Date(Date.now() + day),
			stageId: null,
			eventId: null,
		},
		creator,
	)
	const refused = await newIdeaAction({
		request: formRequest('/ideas/new', ideaFields({ campaignId: closed.id }), cookie),
		context,
		params: {},
	})
	expect(statusOf(refused)).toBe(400)
	expect(JSON.stringify(dataOf(refused))).toContain('ideas.campaignClosed')
	const accepted = (await newIdeaAction({
		request: formRequest('/ideas/new', ideaFields({ title: 'An idea for the open campaign', campaignId: open.id }), cookie),
		context,
		params: {},
	})) as Response
	expect(accepted.status).toBe(302)
	const page = (await campaignLoader({
		request: getRequest(`/campaigns/${open.id}`, cookie),
		context,
		params: { campaignId: open.id },
	})) as {
		feed: { ideas: Array<{ title: string }> }
	}
	expect(page.feed.ideas.map((i) => i.title)).toEqual(['An idea for the open campaign'])
})

test('voting works as a plain form post (redirect back) and for a fetcher (data, no redirect)', async () => {
	const cookie = await sessionCookieFor(demoUser('admin').id)
	const created = (await newIdeaAction({
		request: formRequest('/ideas/new', ideaFields({ title: 'An idea to vote on twice' }), cookie),
		context,
		params: {},
	})) as Response
	const ideaId = created.headers.get('Location')!.split('/').pop()!
	const voter = await sessionCookieFor(demoUser('leader').id)
	const plain = (await voteAction({
		request: formRequest(`/ideas/${ideaId}/vote`, { vote: 'on', redirectTo: '/ideas?sort=top' }, voter),
		context,
		params: { ideaId },
	})) as Response
	expect(plain.status).toBe(302)
	expect(plain.headers.get('Location')).toBe('/ideas?sort=top')
	const fetched = await voteAction({
		request: formRequest(`/ideas/${ideaId}/vote`, { vote: 'off', fetch: '1' }, voter),
		context,
		params: { ideaId },
	})
	expect(dataOf(fetched)).toMatchObject({ voted: false, voteCount: 0 })
	const evil = (await voteAction({
		request: formRequest(`/ideas/${ideaId}/vote`, { vote: 'on', redirectTo: 'https://evil.example' }, voter),
		context,
		params: { ideaId },
	})) as Response
	expect(evil.headers.get('Location')).toBe(`/ideas/${ideaId}`)
})

test('only the author edits an idea, and not after triage; unknown ideas are 404; no session goes to login', async () => {
	const authorCookie = await sessionCookieFor(demoUser('employee').id)
	const created = (await newIdeaAction({
		request: formRequest('/ideas/new', ideaFields({ title: 'An idea I will edit' }), authorCookie),
		context,
		params: {},
	})) as Response
	const ideaId = created.headers.get('Location')!.split('/').pop()!
	const other = await sessionCookieFor(demoUser('manager').id)
	const forbidden = await settle(() =>
		editIdeaAction({
			request: formRequest(`/ideas/${ideaId}/edit`, ideaFields({ title: 'Hijacked title' }), other),
			context,
			params: { ideaId },
		}),
	)
	expect(statusOf(forbidden)).toBe(403)
	const edited = (await editIdeaAction({
		request: formRequest(`/ideas/${ideaId}/edit`, ideaFields({ title: 'An idea I edited' }), authorCookie),
		context,
		params: { ideaId },
	})) as Response
	expect(edited.status).toBe(302)
	getDb().update(ideas).set({ status: 'in_review', firstActionAt: new Date() }).where(eq(ideas.id, ideaId)).run()
	const locked = await settle(() =>
		editIdeaAction({
			request: formRequest(`/ideas/${ideaId}/edit`, ideaFields({ title: 'Too late' }), authorCookie),
			context,
			params: { ideaId },
		}),
	)
	expect(statusOf(locked)).toBe(302)
	expect(getDb().select({ title: ideas.title }).from(ideas).where(eq(ideas.id, ideaId)).get()?.title).toBe('An idea I edited')

	expect(
		statusOf(await settle(() => ideaLoader({ request: getRequest('/ideas/nope', authorCookie), context, params: { ideaId: 'nope' } }))),
	).toBe(404)
	expect(
		statusOf(
			await settle(() =>
				voteAction({
					request: formRequest('/ideas/nope/vote', { vote: 'on' }, authorCookie),
					context,
					params: { ideaId: 'nope' },
				}),
			),
		),
	).toBe(404)
	const anonymous = await settle(() =>
		voteAction({ request: formRequest(`/ideas/${ideaId}/vote`, { vote: 'on' }), context, params: { ideaId } }),
	)
	expect(statusOf(anonymous)).toBe(302)
	expect((anonymous as Response).headers.get('Location')).toContain('/login')
})

test('a comment with HTML is stored and returned as plain text; an empty one is refused with a message', async () => {
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const created = (await newIdeaAction({
		request: formRequest('/ideas/new', ideaFields({ title: 'An idea to comment on' }), cookie),
		context,
		params: {},
	})) as Response
	const ideaId = created.headers.get('Location')!.split('/').pop()!
	const empty = await ideaAction({
		request: formRequest(`/ideas/${ideaId}`, { intent: 'comment', body: '   ' }, cookie),
		context,
		params: { ideaId },
	})
	expect(statusOf(empty)).toBe(400)
	expect(JSON.stringify(dataOf(empty))).toContain('validation.required')
	await ideaAction({
		request: formRequest(`/ideas/${ideaId}`, { intent: 'comment', body: '<script>alert(1)</script>\nsecond line' }, cookie),
		context,
		params: { ideaId },
	})
	const page = (await ideaLoader({ request: getRequest(`/ideas/${ideaId}`, cookie), context, params: { ideaId } })) as {
		comments: Array<{ body: string }>
	}
	expect(page.comments.map((c) => c.body)).toEqual(['<script>alert(1)</script>\nsecond line'])
})

test('only managers and above create campaigns; the form says what is wrong', async () => {
	const employee = await sessionCookieFor(demoUser('employee').id)
	const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
	const fields = {
		title: 'How do we keep customers calm when a card is declined?',
		description: 'Ideas welcome.',
		sponsor: 'Elena Marino',
		startsOn: day(10),
		endsOn: day(5),
	}
	expect(
		statusOf(await settle(() => newCampaignAction({ request: formRequest('/campaigns/new', fields, employee), context, params: {} }))),
	).toBe(403)
	const manager = await sessionCookieFor(demoUser('manager').id)
	const bad = await newCampaignAction({ request: formRequest('/campaigns/new', fields, manager), context, params: {} })
	expect(statusOf(bad)).toBe(400)
	expect(JSON.stringify(dataOf(bad))).toContain('campaigns.endBeforeStart')
	expect(JSON.stringify(dataOf(bad))).toContain('How do we keep customers calm')
	const ok = (await newCampaignAction({
		request: formRequest('/campaigns/new', { ...fields, endsOn: day(40) }, manager),
		context,
		params: {},
	})) as Response
	expect(ok.status).toBe(302)
	expect(ok.headers.get('Location')).toMatch(/^\/campaigns\/[\w-]+$/)
	// It starts in ten days, so it is listed as upcoming and takes no ideas yet.
	const list = (await campaignsLoader({ request: getRequest('/campaigns', employee), context, params: {} })) as {
		groups: { upcoming: Array<{ title: string }>; open: Array<{ title: string }> }
	}
	expect(list.groups.upcoming.map((c) => c.title)).toContain(fields.title)
	expect(list.groups.open.map((c) => c.title)).not.toContain(fields.title)
})

test('"I see this too" counts once per colleague, can be withdrawn, and not by the author', async () => {
	const authorCookie = await sessionCookieFor(demoUser('employee').id)
	const created = (await newInsightAction({
		request: formRequest(
			'/insights/new',
			{
				body: 'Customer could not find the branch opening hours anywhere online.',
				channelId: listChannels()[0]!.id,
				stageId: listStages()[0]!.id,
				emotion: '2',
				similarSeen: '1',
			},
			authorCookie,
		),
		context,
		params: {},
	})) as Response
	const insightId = created.headers.get('Location')!.split('/').pop()!
	const colleague = await sessionCookieFor(demoUser('leader').id)
	const see = (cookie: string, intent: string) =>
		insightAction({ request: formRequest(`/insights/${insightId}`, { intent }, cookie), context, params: { insightId } })
	await see(colleague, 'see')
	await see(colleague, 'see')
	// The author is told no, rather than shown a success that records nothing.
	expect(statusOf(await settle(() => see(authorCookie, 'see')))).toBe(400)
	const count = () => getDb().select({ n: insights.recurrenceCount }).from(insights).where(eq(insights.id, insightId)).get()!.n
	expect(count()).toBe(1)
	await see(colleague, 'unsee')
	expect(count()).toBe(0)
	expect(statusOf(await settle(() => see(colleague, 'explode')))).toBe(400)
})

test('without JavaScript, similar ideas are shown once before a new idea is saved, with every typed value kept', async () => {
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const fields = ideaFields({ title: 'Block a stolen card without the SMS code', similarSeen: '' })
	const first = await newIdeaAction({ request: formRequest('/ideas/new', fields, cookie), context, params: {} })
	expect(statusOf(first)).toBe(200)
	const body = JSON.stringify(dataOf(first))
	expect(body).toContain('Block a stolen card from the app without an SMS code')
	expect(body).toContain('Block a stolen card without the SMS code')
	const second = (await newIdeaAction({
		request: formRequest('/ideas/new', { ...fields, similarSeen: '1' }, cookie),
		context,
		params: {},
	})) as Response
	expect(second.status).toBe(302)
})

test('customer data is shown back redacted first; once confirmed only the redacted text is stored, anywhere', async () => {
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const fields = {
		body: 'Customer read me his card 4111 1111 1111 1111 and asked to be called on +39 347 123 4567.',
		channelId: listChannels()[0]!.id,
		stageId: listStages()[3]!.id,
		emotion: '4',
		similarSeen: '1',
	}
	const first = await newInsightAction({ request: formRequest('/insights/new', fields, cookie), context, params: {} })
	expect(statusOf(first)).toBe(422)
	const shown = JSON.stringify(dataOf(first))
	expect(shown).toContain('Customer read me his card •••• 1111 and asked to be called on •••• 67.')
	expect(shown).toContain('"card"')
	expect(shown).toContain('"phone"')
	const saved = (await newInsightAction({
		request: formRequest('/insights/new', { ...fields, redactConfirmed: '1' }, cookie),
		context,
		params: {},
	})) as Response
	expect(saved.status).toBe(302)
	const id = saved.headers.get('Location')!.split('/').pop()!
	expect(getDb().select({ body: insights.body }).from(insights).where(eq(insights.id, id)).get()?.body).toBe(
		'Customer read me his card •••• 1111 and asked to be called on •••• 67.',
	)
	// Not in any table, the full-text index included.
	const db = getDb().$client
	const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%'`).all() as Array<{
		name: string
	}>
	for (const { name } of tables) {
		const rows = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())
		expect(rows, name).not.toContain('4111 1111 1111 1111')
		expect(rows, name).not.toContain('347 123 4567')
	}
})

test('a comment with an IBAN is held back with the redacted preview, then saved redacted', async () => {
	const cookie = await sessionCookieFor(demoUser('manager').id)
	const created = (await newIdeaAction({
		request: formRequest('/ideas/new', ideaFields({ title: 'An idea for a privacy comment' }), cookie),
		context,
		params: {},
	})) as Response
	const ideaId = created.headers.get('Location')!.split('/').pop()!
	const body = 'Refund to IT60 X054 2811 1010 0000 0123 456 today.'
	const held = await ideaAction({
		request: formRequest(`/ideas/${ideaId}`, { intent: 'comment', body }, cookie),
		context,
		params: { ideaId },
	})
	expect(statusOf(held)).toBe(422)
	expect(JSON.stringify(dataOf(held))).toContain('Refund to •••• 3456 today.')
	await ideaAction({
		request: formRequest(`/ideas/${ideaId}`, { intent: 'comment', body, redactConfirmed: '1' }, cookie),
		context,
		params: { ideaId },
	})
	const page = (await ideaLoader({ request: getRequest(`/ideas/${ideaId}`, cookie), context, params: { ideaId } })) as {
		comments: Array<{ body: string }>
	}
	expect(page.comments.map((c) => c.body)).toEqual(['Refund to •••• 3456 today.'])
})

test('the author corrects an insight within 24 hours while no idea cites it, and deletes it while none does; nobody else can', async () => {
	const { makeIdea, makeInsight, person } = await import('#tests/factories.ts')
	const { action: editAction, loader: editLoader } = await import('#app/routes/insights+/$insightId_.edit.tsx')
	const author = person('luca.romano')
	const cookie = await sessionCookieFor(author.id)
	const other = await sessionCookieFor(demoUser('employee').id)
	const id = makeInsight(author, { body: 'A customer waited an hour for a card block.' })
	const channel = listChannels()[1]!
	const stage = listStages()[3]!
	const fields = { body: 'A customer waited fifty minutes for a card block.', channelId: channel.id, stageId: stage.id, emotion: '4' }
	const edit = (c: string, f: Record<string, string> = fields) =>
		settle(() => editAction({ request: formRequest(`/insights/${id}/edit`, f, c), context, params: { insightId: id } }))

	// The form opens with the stored values; a bad one is refused and nothing changes.
	const form = (await editLoader({ request: getRequest(`/insights/${id}/edit`, cookie), context, params: { insightId: id } })) as {
		defaults: { body: string }
	}
	expect(form.defaults.body).toBe('A customer waited an hour for a card block.')
	expect(statusOf(await edit(cookie, { ...fields, body: '' }))).toBe(400)
	expect(statusOf(await edit(other))).toBe(403)
	expect(statusOf(await edit(cookie))).toBe(302)
	const saved = getDb().select().from(insights).where(eq(insights.id, id)).get()!
	expect(saved).toMatchObject({ body: fields.body, channelId: channel.id, stageId: stage.id, emotion: 4, authorId: author.id })

	// Once an idea cites it, it is locked for edits and deletion.
	const cited = makeInsight(author, { body: 'Cited insight about a lost card.' })
	makeIdea(author, { title: 'An idea citing an insight', insightIds: [cited] })
	const del = (insightId: string, c: string) =>
		settle(() => insightAction({ request: formRequest(`/insights/${insightId}`, { intent: 'delete' }, c), context, params: { insightId } }))
	expect(statusOf(await del(cited, cookie))).toBe(403)
	expect(
		statusOf(
			await settle(() => editLoader({ request: getRequest(`/insights/${cited}/edit`, cookie), context, params: { insightId: cited } })),
		),
	).toBe(403)

	// After 24 hours: no edit, but deletion while uncited.
	const old = makeInsight(author, { body: 'An old insight about a declined payment.' }, new Date(Date.now() - 25 * 3_600_000))
	expect(
		statusOf(await settle(() => editLoader({ request: getRequest(`/insights/${old}/edit`, cookie), context, params: { insightId: old } }))),
	).toBe(403)
	expect(statusOf(await del(old, other))).toBe(403)
	expect(statusOf(await del(old, cookie))).toBe(302)
	expect(getDb().select().from(insights).where(eq(insights.id, old)).get()).toBeUndefined()
})

test('the mention list finds colleagues by handle or by any part of their name, active ones only, and needs a signed-in writer', async () => {
	const { loader: mentionsLoader } = await import('#app/routes/resources+/mentions.tsx')
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const find = async (q: string) =>
		(
			(await mentionsLoader({ request: getRequest(`/resources/mentions?q=${encodeURIComponent(q)}`, cookie), context, params: {} })) as {
				people: Array<{ handle: string; name: string }>
			}
		).people.map((p) => p.handle)
	expect(await find('ilaria')).toContain('ilaria.martinelli')
	expect(await find('Martin')).toContain('ilaria.martinelli')
	expect(await find('%')).toEqual([])
	getDb().update(users).set({ deactivatedAt: new Date() }).where(eq(users.email, 'ilaria.martinelli@aurora-bank.example')).run()
	expect(await find('ilaria')).not.toContain('ilaria.martinelli')
	expect(statusOf(await settle(() => mentionsLoader({ request: getRequest('/resources/mentions?q=il'), context, params: {} })))).toBe(302)
})
