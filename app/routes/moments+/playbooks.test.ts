import { and, count, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { listAudit } from '#app/models/audit.server.ts'
import { listNotifications } from '#app/models/notification.server.ts'
import { currentPlaybook, playbookHistory, savePlaybook } from '#app/models/playbook.server.ts'
import { playbookLines, type PlaybookContent } from '#app/models/playbook.ts'
import { listEvents } from '#app/models/taxonomy.server.ts'
import { changeStatus } from '#app/models/triage.server.ts'
import { loader as newInsightLoader } from '#app/routes/insights+/new.tsx'
import { action as editAction, loader as editLoader } from '#app/routes/moments+/$eventId_.edit.tsx'
import { loader as historyLoader } from '#app/routes/moments+/$eventId_.history.tsx'
import { loader as playbookLoader } from '#app/routes/moments+/$eventId.tsx'
import { getDb } from '#db/index.ts'
import { playbookVersions } from '#db/schema.ts'
import { makeIdea, person } from '#tests/factories.ts'
import { context, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

const event = (name: string) => listEvents().find((e) => e.name === name)!
const cookieOf = (local: string) => sessionCookieFor(person(local).id)
const versionsOf = (eventId: string, locale: 'en' | 'it') =>
	getDb()
		.select({ n: count() })
		.from(playbookVersions)
		.where(and(eq(playbookVersions.eventId, eventId), eq(playbookVersions.locale, locale)))
		.get()!.n

async function page(eventId: string, local: string) {
	return (await playbookLoader({
		request: getRequest(`/moments/${eventId}`, await cookieOf(local)),
		context,
		params: { eventId },
	})) as Awaited<ReturnType<typeof playbookLoader>>
}

type Reply = { data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> }; conflict: null | Conflict } }
type Conflict = { version: number; authorName: string; diff: Array<{ section: string; lines: Array<{ kind: string; text: string }> }> }

async function post(eventId: string, local: string, fields: Record<string, string>) {
	const cookie = await cookieOf(local)
	return settle(() => editAction({ request: formRequest(`/moments/${eventId}/edit`, fields, cookie), context, params: { eventId } }))
}

const form = (overrides: Record<string, string> = {}) => ({
	locale: 'en',
	baseVersion: '0',
	steps:
		'1. Say the flight is cancelled and why.\n2. Rebook on the next flight with seats.\n\n- Offer a hotel when the next flight is tomorrow.',
	say: '“I have already found you a seat.”',
	avoid: '',
	promise: 'A new boarding pass by e-mail within 10 minutes.',
	selfService: 'Rebook in the app',
	links: 'Rebooking rules https://intranet.example/rebooking\nhttps://intranet.example/hotels',
	note: 'First version.',
	...overrides,
})

test('everyone reads how a moment is handled now, in their language; only the dashboard’s readers get its figures', async () => {
	const cards = event('Card lost or stolen')
	const agent = await page(cards.id, 'giulia.rossi')
	expect(agent.figures).toBeNull()
	expect(agent.mayEdit).toBe(false)
	expect(agent.guide).toMatchObject({ version: 2, locale: 'en', authorName: 'Ilaria Martinelli' })
	expect(agent.guide!.ideaTitle).toBe('An emergency cash code for customers stranded abroad')
	expect(agent.guide!.content.steps.join(' ')).toMatch(/emergency cash code/)
	expect(agent.fallback).toBe(false)
	// In Italian, the Italian version.
	const italian = currentPlaybook(cards.id, 'it')
	expect(italian).toMatchObject({ fallback: false, current: { locale: 'it', version: 1 } })
	expect(italian.current!.content.steps[0]).toMatch(/^Verifica chi chiama/)
	// The owner writes it and, as a manager, sees the figures too.
	const owner = await page(cards.id, 'ilaria.martinelli')
	expect(owner.mayEdit).toBe(true)
	expect(owner.figures).not.toBeNull()
})

test('who writes a playbook: its owner by name, a manager of the owning department, an admin; nobody else', async () => {
	const cards = event('Card lost or stolen')
	const declined = event('Payment declined') // owned by Cards & Payments, nobody by name
	const status = async (eventId: string, local: string) =>
		statusOf(
			await settle(async () =>
				editLoader({ request: getRequest(`/moments/${eventId}/edit`, await cookieOf(local)), context, params: { eventId } }),
			),
		)
	expect(await status(cards.id, 'ilaria.martinelli')).toBe(200)
	expect(await status(declined.id, 'ilaria.martinelli')).toBe(200)
	expect(await status(cards.id, 'paolo.greco')).toBe(200)
	// An employee of the owning department, an agent, a manager elsewhere: refused.
	expect(await status(cards.id, 'serena.longo')).toBe(403)
	expect(await status(cards.id, 'giulia.rossi')).toBe(403)
	expect(await status(cards.id, 'marco.ferri')).toBe(403)
	expect(statusOf(await post(cards.id, 'giulia.rossi', form({ baseVersion: '2' })))).toBe(403)
	expect(versionsOf(cards.id, 'en')).toBe(2)
})

test('a form with mistakes comes back with each message at its field and everything typed; nothing is saved', async () => {
	const flight = event('Flight cancelled or missed')
	const reply = (await post(
		flight.id,
		'paolo.greco',
		form({ steps: '  \n ', links: 'Rebooking rules intranet/rebooking', note: '' }),
	)) as Reply
	expect(statusOf(reply)).toBe(400)
	expect(reply.data.result.error).toMatchObject({
		steps: ['playbooks.stepsRequired'],
		links: ['playbooks.linkInvalid'],
		note: ['playbooks.noteRequired'],
	})
	expect(reply.data.result.initialValue).toMatchObject({ links: 'Rebooking rules intranet/rebooking', promise: form().promise })
	const tooMany = (await post(
		flight.id,
		'paolo.greco',
		form({ steps: Array.from({ length: 21 }, (_, i) => `Step ${i}`).join('\n') }),
	)) as Reply
	expect(tooMany.data.result.error.steps).toEqual(['playbooks.tooManyLines'])
	// An idea that is not an implemented one on this moment.
	const idea = (await post(flight.id, 'paolo.greco', form({ ideaId: 'not-an-idea' }))) as Reply
	expect(statusOf(idea)).toBe(400)
	expect(idea.data.result.error.ideaId).toEqual(['playbooks.ideaUnknown'])
	expect(versionsOf(flight.id, 'en')).toBe(0)
})

test('each save is a new version; a second writer from the same version is told, shown what changed, keeps their text, and saves after', async () => {
	const flight = event('Flight cancelled or missed')
	expect(statusOf(await post(flight.id, 'paolo.greco', form()))).toBe(302)
	const first = playbookHistory(flight.id, 'en')
	expect(first).toHaveLength(1)
	// Numbering and bullets are the form's, not the content's; links keep their label.
	expect(first[0]!.content).toMatchObject({
		steps: [
			'Say the flight is cancelled and why.',
			'Rebook on the next flight with seats.',
			'Offer a hotel when the next flight is tomorrow.',
		],
		links: [
			{ label: 'Rebooking rules', url: 'https://intranet.example/rebooking' },
			{ label: 'https://intranet.example/hotels', url: 'https://intranet.example/hotels' },
		],
	})
	expect(listAudit({ action: 'playbook.edit' }).rows[0]).toBeTruthy()

	// Two people open version 1. Claudio (an admin) saves first.
	const claudio = form({ baseVersion: '1', steps: `${form().steps}\nCall back within the hour when no seat is free.`, note: 'Call back.' })
	expect(statusOf(await post(flight.id, 'claudio.villa', claudio))).toBe(302)
	const mine = form({ baseVersion: '1', promise: 'A new boarding pass within 5 minutes.', note: 'Faster promise.' })
	const late = (await post(flight.id, 'paolo.greco', mine)) as Reply
	expect(statusOf(late)).toBe(409)
	expect(late.data.conflict).toMatchObject({ version: 2, authorName: 'Claudio Villa' })
	expect(late.data.conflict!.diff).toEqual([
		{
			section: 'steps',
			lines: [
				{ kind: 'same', text: 'Say the flight is cancelled and why.' },
				{ kind: 'same', text: 'Rebook on the next flight with seats.' },
				{ kind: 'same', text: 'Offer a hotel when the next flight is tomorrow.' },
				{ kind: 'added', text: 'Call back within the hour when no seat is free.' },
			],
		},
	])
	expect(late.data.result.initialValue).toMatchObject({ promise: 'A new boarding pass within 5 minutes.', note: 'Faster promise.' })
	expect(versionsOf(flight.id, 'en')).toBe(2)
	// Having seen it, the writer saves from version 2: version 3, and Claudio's step is kept because they brought it in.
	expect(statusOf(await post(flight.id, 'paolo.greco', { ...mine, baseVersion: '2', steps: claudio.steps }))).toBe(302)
	const history = playbookHistory(flight.id, 'en')
	expect(history.map((v) => [v.version, v.authorName, v.note])).toEqual([
		[3, 'Paolo Greco', 'Faster promise.'],
		[2, 'Claudio Villa', 'Call back.'],
		[1, 'Paolo Greco', 'First version.'],
	])
	expect(history[0]!.content.steps).toHaveLength(4)
	expect(history[0]!.content.promise).toBe('A new boarding pass within 5 minutes.')
})

test('the model refuses a second version from the same starting point whoever asks', () => {
	const flight = event('Flight cancelled or missed')
	const content: PlaybookContent = { steps: ['One'], say: [], avoid: [], promise: '', selfService: [], links: [] }
	const admin = person('paolo.greco').id
	const input = { eventId: flight.id, locale: 'it' as const, baseVersion: 0, content, note: 'Prima.', ideaId: null }
	expect(savePlaybook(input, admin)).toEqual({ ok: true, version: 1 })
	const again = savePlaybook({ ...input, content: { ...content, steps: ['Two'] } }, admin)
	expect(again).toMatchObject({ ok: false, reason: 'conflict', current: { version: 1, content: { steps: ['One'] } } })
	expect(versionsOf(flight.id, 'it')).toBe(1)
})

test('a language nobody wrote yet falls back to the default one, and its editor starts from that text to translate', async () => {
	const card = event('Card not working (demagnetised, damaged)')
	expect(currentPlaybook(card.id, 'it').current).toBeNull()
	const content: PlaybookContent = { steps: ['Rebook first.'], say: [], avoid: [], promise: '', selfService: [], links: [] }
	savePlaybook({ eventId: card.id, locale: 'en', baseVersion: 0, content, note: 'First.', ideaId: null }, person('paolo.greco').id)
	expect(currentPlaybook(card.id, 'it')).toMatchObject({ fallback: true, current: { locale: 'en', version: 1 } })
	const editor = (await editLoader({
		request: getRequest(`/moments/${card.id}/edit?lang=it`, await cookieOf('paolo.greco')),
		context,
		params: { eventId: card.id },
	})) as Awaited<ReturnType<typeof editLoader>>
	expect(editor).toMatchObject({ lang: 'it', current: null, startFrom: 'en', values: { steps: 'Rebook first.' } })
})

test('older versions stay readable, each with what it changed from the one before', async () => {
	const cards = event('Card lost or stolen')
	const cookie = await cookieOf('giulia.rossi')
	const load = (query: string) =>
		settle(() =>
			historyLoader({ request: getRequest(`/moments/${cards.id}/history${query}`, cookie), context, params: { eventId: cards.id } }),
		)
	const v1 = (await load('?lang=en&v=1')) as Awaited<ReturnType<typeof historyLoader>>
	expect(v1.versions.map((v) => v.version)).toEqual([2, 1])
	expect(v1.shown!.content.promise).toBe('A new card at your home address within 5 working days.')
	expect(v1.shown!.diff.every((s) => s.lines.every((l) => l.kind === 'added'))).toBe(true)
	const v2 = (await load('?lang=en')) as Awaited<ReturnType<typeof historyLoader>>
	expect(v2.shown!.version).toBe(2)
	const promise = v2.shown!.diff.find((s) => s.section === 'promise')!
	expect(promise.lines).toEqual([
		{ kind: 'removed', text: 'A new card at your home address within 5 working days.' },
		{ kind: 'added', text: 'Cash tonight with the code; a new card in 1–3 working days (same day in the largest branches).' },
	])
	expect(statusOf(await load('?lang=en&v=9'))).toBe(404)
})

test('implementing an idea asks its moments’ owners to update the playbook: the owner by name, else the owning department’s managers', async () => {
	const cards = event('Card lost or stolen')
	const declined = event('Payment declined')
	const ilaria = person('ilaria.martinelli')
	const manager = { id: ilaria.id, role: ilaria.role, departmentId: ilaria.departmentId }
	const idea = makeIdea(person('giulia.rossi'), { title: 'Virtual card while the new one travels', eventIds: [cards.id, declined.id] })
	for (const status of ['in_review', 'accepted', 'in_progress'] as const) expect(changeStatus(idea, manager, status, null).ok).toBe(true)
	const asked = () => listNotifications(ilaria.id, 'it').rows.filter((n) => n.kind === 'playbook' && n.ideaId === idea)
	expect(asked()).toHaveLength(0)
	expect(changeStatus(idea, { ...manager, id: person('paolo.greco').id, role: 'admin' }, 'implemented', 'Live.').ok).toBe(true)
	const prompts = asked()
	expect(prompts.map((n) => n.eventId).sort()).toEqual([cards.id, declined.id].sort())
	// Named in the reader's language.
	expect(prompts.map((n) => n.eventName)).toContain(cards.names.it)
	// The playbook's editor offers the idea as the change's cause.
	const editor = (await editLoader({
		request: getRequest(`/moments/${cards.id}/edit?idea=${idea}`, await cookieOf('ilaria.martinelli')),
		context,
		params: { eventId: cards.id },
	})) as Awaited<ReturnType<typeof editLoader>>
	expect(editor.ideaId).toBe(idea)
	expect(editor.ideas.map((i) => i.id)).toContain(idea)
	// Saving a version that names the idea answers the prompt about this moment; the other stays open.
	const saved = await post(cards.id, 'ilaria.martinelli', form({ baseVersion: '2', ideaId: idea, note: 'A virtual card.' }))
	expect(statusOf(saved)).toBe(302)
	expect(Object.fromEntries(asked().map((n) => [n.eventId, Boolean(n.readAt)]))).toEqual({ [cards.id]: true, [declined.id]: false })
	expect(playbookHistory(cards.id, 'en')[0]).toMatchObject({
		version: 3,
		ideaId: idea,
		ideaTitle: 'Virtual card while the new one travels',
	})
})

test('the insight form carries the current playbook of each moment, and a playbook’s link chooses its moment', async () => {
	const cards = event('Card lost or stolen')
	const loaded = (await newInsightLoader({
		request: getRequest(`/insights/new?event=${cards.id}`, await cookieOf('giulia.rossi')),
		context,
		params: {},
	})) as Awaited<ReturnType<typeof newInsightLoader>>
	expect(loaded.defaults).toMatchObject({ eventId: cards.id, stageId: cards.defaultStageId })
	expect(loaded.playbooks[event('Account locked or fraud alert').id]!.steps[0]).toMatch(/^Start by saying the money is safe/)
	// A moment with no playbook has nothing to show.
	expect(loaded.playbooks[event('Insufficient funds at checkout').id]).toBeUndefined()
})

test('one item a line: pasted numbering and bullets are dropped, blank lines too', () => {
	expect(playbookLines('1. Block the card\n  2) Order a new one\n\n• Offer cash\n- Call back\n10 minutes is the promise')).toEqual([
		'Block the card',
		'Order a new one',
		'Offer cash',
		'Call back',
		'10 minutes is the promise',
	])
})
