import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { listChannels, listEvents } from '#app/models/taxonomy.server.ts'
import { action as profileAction, loader as profileLoader } from '#app/routes/_me+/profile.tsx'
import { action as newInsightAction } from '#app/routes/insights+/new.tsx'
import { getDb } from '#db/index.ts'
import { insights } from '#db/schema.ts'
import { makeInsight, person } from '#tests/factories.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

type Reply = { data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } } }
const stored = (id: string) =>
	getDb()
		.select({ emotion: insights.emotion, endEmotion: insights.endEmotion, fcr: insights.resolvedFirstContact, wait: insights.waitMinutes })
		.from(insights)
		.where(eq(insights.id, id))
		.get()

test('an insight records the worst point, the end, first-contact resolution and the wait; bad values come back with what was typed', async () => {
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const event = listEvents().find((e) => e.name === 'Card lost or stolen')!
	const fields = {
		body: 'Card stolen in Madrid; she was in tears, and relieved when we blocked it in two minutes.',
		channelId: listChannels()[0]!.id,
		eventId: event.id,
		emotion: '5',
		similarSeen: '1',
	}
	const post = (extra: Record<string, string>) =>
		settle(() => newInsightAction({ request: formRequest('/insights/new', { ...fields, ...extra }, cookie), context, params: {} }))

	const bad = (await post({ endEmotion: '7', waitMinutes: '12.5', resolvedFirstContact: 'maybe' })) as unknown as Reply
	expect(statusOf(bad)).toBe(400)
	expect(bad.data.result.error).toMatchObject({
		endEmotion: ['insights.emotionRequired'],
		waitMinutes: ['insights.waitInvalid'],
		resolvedFirstContact: ['insights.unknownChoice'],
	})
	expect(bad.data.result.initialValue).toMatchObject({ body: fields.body, waitMinutes: '12.5' })
	expect(statusOf(await post({ waitMinutes: String(7 * 24 * 60 + 1) }))).toBe(400)

	const ok = (await post({ endEmotion: '2', resolvedFirstContact: 'yes', waitMinutes: '2' })) as Response
	expect(ok.status).toBe(302)
	expect(stored(ok.headers.get('Location')!.split('/').pop()!)).toEqual({ emotion: 5, endEmotion: 2, fcr: true, wait: 2 })

	// Saying nothing of the end is fine: it stays unknown, not "calm" or "unresolved".
	const quiet = (await post({})) as Response
	expect(stored(quiet.headers.get('Location')!.split('/').pop()!)).toEqual({ emotion: 5, endEmotion: null, fcr: null, wait: null })
})

test('the author adds how a moment ended from My activity, later; nobody else can, and an anonymous insight has nobody to ask', async () => {
	const author = person('luca.romano')
	const insightId = makeInsight(author, { body: 'Fraud alert on a genuine purchase; the customer shouted at me.', emotion: 4 })
	const anonymousId = makeInsight(author, { body: 'An anonymous moment with no end yet.', emotion: 5, anonymous: true })
	const cookie = await sessionCookieFor(author.id)
	const post = async (fields: Record<string, string>, who = cookie) =>
		settle(() => profileAction({ request: formRequest('/profile', { intent: 'moment-end', ...fields }, who), context, params: {} }))

	// The page offers it under the author's own insight that has no end.
	const page = (await profileLoader({ request: getRequest('/profile?tab=insights', cookie), context, params: {} })) as unknown as {
		insights: { rows: Array<{ id: string; isMine: boolean; endEmotion: number | null }> }
	}
	expect(page.insights.rows.find((r) => r.id === insightId)).toMatchObject({ isMine: true, endEmotion: null })

	const missing = (await post({ insightId })) as unknown as Reply
	expect(statusOf(missing)).toBe(400)
	expect(missing.data.result.error.endEmotion).toEqual(['insights.endRequired'])
	expect(statusOf(await post({ insightId, endEmotion: '1' }, await sessionCookieFor(person('chiara.bruno').id)))).toBe(404)
	expect(statusOf(await post({ insightId: anonymousId, endEmotion: '1' }))).toBe(404)
	expect(stored(insightId)?.endEmotion).toBeNull()

	expect(statusOf(await post({ insightId, endEmotion: '2', resolvedFirstContact: 'no' }))).toBe(302)
	expect(stored(insightId)).toMatchObject({ emotion: 4, endEmotion: 2, fcr: false })
	expect(stored(anonymousId)?.endEmotion).toBeNull()
	// Anything but this form is refused.
	expect(statusOf(await post({ intent: 'other', insightId, endEmotion: '3' }))).toBe(400)
})
