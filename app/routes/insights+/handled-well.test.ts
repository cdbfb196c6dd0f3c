import { eq, like } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createInsight } from '#app/models/insight.server.ts'
import { moderate } from '#app/models/moderation.server.ts'
import { listNotifications } from '#app/models/notification.server.ts'
import { listChannels, listEvents } from '#app/models/taxonomy.server.ts'
import { loader as profileLoader } from '#app/routes/_me+/profile.tsx'
import { action as receiptAction } from '#app/routes/_me+/receipts.tsx'
import { loader as teamLoader } from '#app/routes/_org+/team.tsx'
import { action as insightAction, loader as insightLoader } from '#app/routes/insights+/$insightId.tsx'
import { loader as playbookLoader } from '#app/routes/moments+/$eventId.tsx'
import { getDb } from '#db/index.ts'
import { insights, insightThanks, notifications } from '#db/schema.ts'
import { makeInsight, person } from '#tests/factories.ts'
import { context, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

const insightStarting = (opening: string) =>
	getDb()
		.select()
		.from(insights)
		.where(like(insights.body, `${opening}%`))
		.get()!
const cookieOf = (local: string) => sessionCookieFor(person(local).id)
const countOf = (id: string) => getDb().select({ n: insights.thanksCount }).from(insights).where(eq(insights.id, id)).get()!.n

async function post(insightId: string, local: string, fields: Record<string, string>) {
	const cookie = await cookieOf(local)
	return settle(() => insightAction({ request: formRequest(`/insights/${insightId}`, fields, cookie), context, params: { insightId } }))
}
async function page(insightId: string, local: string) {
	return (await insightLoader({
		request: getRequest(`/insights/${insightId}`, await cookieOf(local)),
		context,
		params: { insightId },
	})) as Awaited<ReturnType<typeof insightLoader>>
}

test('a colleague marks a moment handled well with a note: the count moves, the author is thanked, the note can change or be taken back', async () => {
	const insight = makeInsight(person('luca.romano'), { body: 'Customer with a blocked card at the airport; I unblocked it in one call.' })
	const thanks = () => listNotifications(person('luca.romano').id, 'en').rows.filter((n) => n.kind === 'thanks' && n.insightId === insight)
	expect((await page(insight, 'giulia.rossi')).mayThank).toBe(true)
	const done = await post(insight, 'giulia.rossi', { intent: 'thank', note: 'Calm and quick.' })
	expect(statusOf(done)).toBe(302)
	expect(countOf(insight)).toBe(1)
	expect(thanks()).toMatchObject([{ actorName: 'Giulia Rossi', note: 'Calm and quick.' }])
	// The page lists who said what; the insight card carries the count.
	const shown = await page(insight, 'marco.ferri')
	expect(shown.thanks).toMatchObject([{ name: 'Giulia Rossi', note: 'Calm and quick.', mine: false }])
	expect(shown.insight.thanksCount).toBe(1)
	// Again: the note changes, the count does not, nobody is told twice.
	expect(statusOf(await post(insight, 'giulia.rossi', { intent: 'thank', note: 'Calm, quick, and kind.' }))).toBe(302)
	expect(countOf(insight)).toBe(1)
	expect(thanks()).toHaveLength(1)
	expect((await page(insight, 'giulia.rossi')).thanks).toMatchObject([{ note: 'Calm, quick, and kind.', mine: true }])
	// A manager thanks too; then Giulia takes hers back.
	expect(statusOf(await post(insight, 'marco.ferri', { intent: 'thank', note: 'Well done.' }))).toBe(302)
	expect(countOf(insight)).toBe(2)
	expect(statusOf(await post(insight, 'giulia.rossi', { intent: 'unthank' }))).toBe(302)
	expect(countOf(insight)).toBe(1)
	expect((await page(insight, 'giulia.rossi')).thanks.map((x) => x.name)).toEqual(['Marco Ferri'])
})

test('no thanks without a note, none for one’s own insight, none on a hidden one; nothing is written', async () => {
	const insight = makeInsight(person('luca.romano'), { body: 'A moment to thank somebody for, later.' })
	const empty = (await post(insight, 'giulia.rossi', { intent: 'thank', note: '   ' })) as {
		data: { result: { error: Record<string, string[]> } }
	}
	expect(statusOf(empty)).toBe(400)
	expect(empty.data.result.error.note).toEqual(['thanks.noteRequired'])
	expect(statusOf(await post(insight, 'luca.romano', { intent: 'thank', note: 'Me!' }))).toBe(400)
	expect((await page(insight, 'luca.romano')).mayThank).toBe(false)
	expect(moderate({ intent: 'hide', kind: 'insight', targetId: insight, reason: 'Test' }, person('paolo.greco'))).not.toBe('forbidden')
	expect(statusOf(await post(insight, 'giulia.rossi', { intent: 'thank', note: 'Good.' }))).toBe(404)
	expect(getDb().select().from(insightThanks).where(eq(insightThanks.insightId, insight)).all()).toEqual([])
	expect(countOf(insight)).toBe(0)
})

test('an anonymous moment can be thanked: nobody is notified, and its author reads the thanks with the receipt', async () => {
	const author = person('sara.colombo')
	const event = listEvents().find((e) => e.name === 'Card lost or stolen')!
	const { id, receipt } = createInsight(author, {
		body: 'Anonymous: stranded customer, I sent the cash code and stayed on the line.',
		channelId: listChannels()[0]!.id,
		stageId: event.defaultStageId,
		eventId: event.id,
		emotion: 5,
		endEmotion: 1,
		occurredAt: new Date(),
		anonymous: true,
	})
	const before = getDb().select().from(notifications).all().length
	expect(statusOf(await post(id, 'giulia.rossi', { intent: 'thank', note: 'Textbook.' }))).toBe(302)
	// No notification at all: there is no author to find.
	expect(getDb().select().from(notifications).all()).toHaveLength(before)
	const view = (await receiptAction({
		request: formRequest('/receipts', { code: receipt! }, await sessionCookieFor(author.id)),
		context,
		params: {},
	})) as { view: { kind: string; thanks: Array<{ name: string; note: string }> } }
	expect(view.view).toMatchObject({ kind: 'insight', thanks: [{ name: 'Giulia Rossi', note: 'Textbook.' }] })
})

test('the playbook tells the moments handled well, the most thanked first; the agent sees thanks on My activity; the manager on My team', async () => {
	const cards = listEvents().find((e) => e.name === 'Card lost or stolen')!
	const playbook = (await playbookLoader({
		request: getRequest(`/moments/${cards.id}`, await cookieOf('giulia.rossi')),
		context,
		params: { eventId: cards.id },
	})) as Awaited<ReturnType<typeof playbookLoader>>
	const madrid = insightStarting('Customer in Madrid with her wallet stolen')
	expect(playbook.stories[0]!.insight.id).toBe(madrid.id)
	expect(playbook.stories[0]!.notes.map((n) => n.name)).toEqual(['Ilaria Martinelli', 'Giulia Rossi', 'Marco Ferri'])
	expect(playbook.stories.map((s) => s.insight.thanksCount)).toEqual(
		[...playbook.stories.map((s) => s.insight.thanksCount)].sort((a, b) => b - a),
	)
	// Giulia's own story was thanked by Luca in the demo.
	const mine = (await profileLoader({
		request: getRequest('/profile?tab=thanks', await cookieOf('giulia.rossi')),
		context,
		params: {},
	})) as Awaited<ReturnType<typeof profileLoader>>
	expect(mine.thanks?.[0]).toMatchObject({ name: 'Luca Romano' })
	expect(mine.thanks?.[0]?.body).toMatch(/^Customer in Lisbon/)
	// Marco (Contact Centre) sees who in his team handled which moment well; Ilaria (Cards & Payments) does not see his people.
	const team = (await teamLoader({ request: getRequest('/team', await cookieOf('marco.ferri')), context, params: {} })) as Awaited<
		ReturnType<typeof teamLoader>
	>
	expect(team.stories.map((s) => s.authorName)).toEqual(expect.arrayContaining(['Francesca Conti', 'Sara Colombo', 'Giulia Rossi']))
	expect(team.stories.find((s) => s.authorName === 'Francesca Conti')?.event?.name).toBe('Card lost or stolen')
	const other = (await teamLoader({ request: getRequest('/team', await cookieOf('ilaria.martinelli')), context, params: {} })) as Awaited<
		ReturnType<typeof teamLoader>
	>
	expect(other.stories.map((s) => s.authorName)).not.toContain('Francesca Conti')
})
