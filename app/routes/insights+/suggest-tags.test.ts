import { expect, test } from 'vitest'
import { resetTagModel } from '#app/models/suggest.server.ts'
import { listChannels, listEvents } from '#app/models/taxonomy.server.ts'
import { action as taxonomyAction } from '#app/routes/admin+/taxonomy.$kind.tsx'
import { loader } from '#app/routes/resources+/suggest-tags.tsx'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

type Suggestion = { events: Array<{ id: string; stageId: string }>; channelId: string | null }
const event = (name: string) => listEvents().find((e) => e.name === name)!
const suggest = async (text: string, cookie?: string) =>
	settle(async () =>
		loader({ request: getRequest(`/resources/suggest-tags?${new URLSearchParams({ text })}`, cookie), context, params: {} }),
	)

test('while an agent types, the likely moment (with its stage) and the channel come back; nothing is asked of someone signed out', async () => {
	resetTagModel()
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const stolen = (await suggest('Customer called from Lisbon: wallet pickpocketed on the tram, both cards gone', cookie)) as Suggestion
	const cards = event('Card lost or stolen')
	expect(stolen.events[0]).toEqual({ id: cards.id, stageId: cards.defaultStageId })
	expect(stolen.events.length).toBeLessThanOrEqual(3)
	expect(stolen.channelId).toBe(listChannels().find((c) => c.name === 'Phone')!.id)
	const italian = (await suggest('Mutuo rifiutato con una lettera generica, la coppia non sa cosa cambiare', cookie)) as Suggestion
	expect(italian.events[0]!.id).toBe(event('Loan or mortgage refused').id)
	// A few words are not enough to say anything.
	expect(await suggest('card', cookie)).toEqual({ events: [], channelId: null })
	expect(statusOf(await suggest('wallet stolen on the tram'))).toBe(302)
})

test('an admin’s keywords for a moment take effect at once; an overlong keyword is refused with what was typed kept', async () => {
	const admin = await sessionCookieFor(demoUser('admin').id)
	const target = event('Flight cancelled or missed')
	const post = (keywords: string) =>
		settle(() =>
			taxonomyAction({
				request: formRequest(
					'/admin/taxonomy/events',
					{ intent: 'update', id: target.id, name: target.name, defaultStageId: target.defaultStageId, keywords },
					admin,
				),
				context,
				params: { kind: 'events' },
			}),
		)
	const text = 'The ferry to Olbia was cancelled and nobody offered another crossing'
	const cookie = await sessionCookieFor(demoUser('employee').id)
	expect(((await suggest(text, cookie)) as Suggestion).events[0]?.id).not.toBe(target.id)
	const refused = (await post(`ferry, ${'x'.repeat(61)}`)) as {
		data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
	}
	expect(statusOf(refused)).toBe(400)
	expect(refused.data.result.error.keywords).toEqual(['validation.keywordTooLong'])
	expect(refused.data.result.initialValue.keywords).toContain('ferry')
	expect(statusOf(await post('flight, volo, ferry, traghett, crossing'))).toBe(302)
	expect(event('Flight cancelled or missed').keywords).toEqual(['flight', 'volo', 'ferry', 'traghett', 'crossing'])
	expect(((await suggest(text, cookie)) as Suggestion).events[0]?.id).toBe(target.id)
})
