import { and, eq } from 'drizzle-orm'
import { beforeEach, expect, test } from 'vitest'
import { deliverEmails, setEmailDigest } from '#app/models/email.server.ts'
import { setRecurrence } from '#app/models/insight.server.ts'
import { listNotifications } from '#app/models/notification.server.ts'
import { runSignals, spikeWindowEnd } from '#app/models/signals.server.ts'
import { listStages } from '#app/models/taxonomy.server.ts'
import { changeStatus } from '#app/models/triage.server.ts'
import { loader as youSaidLoader } from '#app/routes/_org+/you-said-we-did.tsx'
import { loader as dashboardLoader } from '#app/routes/dashboard+/_index.tsx'
import { loader as ideaLoader } from '#app/routes/ideas+/$ideaId.tsx'
import { loader as playbookLoader } from '#app/routes/moments+/$eventId.tsx'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb } from '#db/index.ts'
import { criticalEvents, notifications } from '#db/schema.ts'
import { makeIdea, makeInsight, person } from '#tests/factories.ts'
import { withSmtpServer, type Received } from '#tests/smtp.ts'
import { context, getRequest, sessionCookieFor } from '#tests/utils.ts'

const DAY = 86_400_000
const inbox: Received[] = []
withSmtpServer(inbox)
beforeEach(() => {
	inbox.length = 0
})

/** A new moment of truth with no history, owned by Ilaria by name. */
function newEvent(name: string) {
	const stage = listStages()[2]!
	return getDb()
		.insert(criticalEvents)
		.values({ name, names: {}, defaultStageId: stage.id, ownerUserId: person('ilaria.martinelli').id })
		.returning()
		.get()
}

/** `count` insights on the moment, spread over the day that is `daysAgo` days before `end`. */
function insightsOn(eventId: string, count: number, daysAgo: number, end: Date, stageId = listStages()[2]!.id) {
	const author = person('giulia.rossi')
	return Array.from({ length: count }, (_, i) =>
		makeInsight(author, { eventId, stageId, body: `Customer story ${daysAgo}-${i}` }, new Date(end.getTime() - daysAgo * DAY + i * 60_000)),
	)
}

const spikesOf = (userId: string, eventId: string) =>
	getDb()
		.select()
		.from(notifications)
		.where(and(eq(notifications.userId, userId), eq(notifications.kind, 'spike'), eq(notifications.eventId, eventId)))
		.all()

test('a moment heard three times as often this week: its owner and the leaders are told once, the dashboard, the heatmap cell and the playbook show it', async () => {
	const event = newEvent('App update logs customers out')
	const end = spikeWindowEnd()
	// Twelve steady weeks of about four a week, then 12 in the last seven days and 4 colleagues seeing them too.
	for (let week = 2; week < 14; week++) insightsOn(event.id, 4, week * 7 + 3, end)
	const recent = insightsOn(event.id, 12, 3, end)
	for (const local of ['luca.romano', 'sara.colombo', 'marco.ferri', 'ilaria.martinelli'])
		setRecurrence(recent[0]!, person(local).id, true, new Date(end.getTime() - 2 * DAY))

	const ilaria = person('ilaria.martinelli')
	const elena = person('elena.marino')
	setEmailDigest(elena.id, 'immediate')
	const first = runSignals()
	expect(first.spikes).toBeGreaterThanOrEqual(1)
	expect(spikesOf(ilaria.id, event.id)).toHaveLength(1)
	expect(spikesOf(elena.id, event.id)).toHaveLength(1)
	// An employee who owns nothing hears nothing of it.
	expect(spikesOf(person('giulia.rossi').id, event.id)).toHaveLength(0)
	const told = listNotifications(elena.id, 'en').rows.find((n) => n.kind === 'spike' && n.eventId === event.id)!
	expect(JSON.parse(told.note!)).toEqual({ recent: 16, expected: 4, weeks: 1 })
	// Running again (or after a restart) tells nobody twice.
	runSignals()
	expect(spikesOf(ilaria.id, event.id)).toHaveLength(1)
	expect(getDb().select().from(criticalEvents).where(eq(criticalEvents.id, event.id)).get()!.spikeSince).not.toBeNull()

	// Elena gets it by e-mail, in words, with a link to the moment.
	await deliverEmails()
	const mail = inbox.find((m) => m.to.includes(elena.email))!
	expect(mail.text).toContain(
		'“App update logs customers out” is spiking: 16 insights and “I see this too” in the last 7 days, against about 4',
	)
	expect(mail.text).toContain(`${getEnv().APP_URL.replace(/\/$/, '')}/moments/${event.id}#spike`)

	// The dashboard lists it (this period runs to now) and marks the stage × moment cell.
	const cookie = await sessionCookieFor(elena.id)
	const dashboard = (await dashboardLoader({ request: getRequest('/dashboard', cookie), context, params: {} })) as {
		data: { spikes: Array<{ eventId: string; stageId: string | null; recent: number; increase: number | null }> }
	}
	const spikes = dashboard.data.spikes.filter((s) => s.eventId === event.id)
	expect(spikes.map((s) => [s.stageId, s.recent])).toEqual(
		expect.arrayContaining([
			[null, 16],
			[listStages()[2]!.id, 16],
		]),
	)
	expect(spikes[0]!.increase).toBeCloseTo(3, 5)
	// A past period is not "now": no spike list.
	const past = (await dashboardLoader({ request: getRequest('/dashboard?end=2025-W10', cookie), context, params: {} })) as {
		data: { spikes: unknown }
	}
	expect(past.data.spikes).toBeNull()
	// The playbook says so to everyone, an employee included.
	const playbook = (await playbookLoader({
		request: getRequest(`/moments/${event.id}`, await sessionCookieFor(person('giulia.rossi').id)),
		context,
		params: { eventId: event.id },
	})) as { spike: { recent: number; weeks: number } | null }
	expect(playbook.spike).toMatchObject({ recent: 16, weeks: 1 })
})

test('a steady moment, or a rise too small to matter, is not a spike', () => {
	const steady = newEvent('Steady moment')
	const small = newEvent('Small rise')
	const end = spikeWindowEnd()
	for (let week = 1; week < 14; week++) insightsOn(steady.id, 5, week * 7 - 3, end)
	for (let week = 2; week < 14; week++) insightsOn(small.id, 1, week * 7 + 3, end)
	insightsOn(small.id, 3, 2, end)
	runSignals()
	expect(spikesOf(person('ilaria.martinelli').id, steady.id)).toHaveLength(0)
	expect(spikesOf(person('ilaria.martinelli').id, small.id)).toHaveLength(0)
})

/** An idea on the moment taken through triage to implemented at `when`. */
function implemented(eventId: string, when: Date) {
	const manager = person('paolo.greco')
	const id = makeIdea(
		person('giulia.rossi'),
		{ title: 'Warn before the update signs people out', eventIds: [eventId] },
		new Date(when.getTime() - 20 * DAY),
	)
	for (const status of ['in_review', 'accepted', 'in_progress', 'implemented'] as const)
		expect(changeStatus(id, manager, status, status === 'implemented' ? 'Live in the app.' : null, when).ok).toBe(true)
	return id
}

test('did the fix work: the idea page, "You said, we did" and the playbook give the verdict with its figures; a relapse is told to the owner once', async () => {
	const event = newEvent('Card delivery late')
	const now = new Date()
	const today = Math.floor(now.getTime() / DAY) * DAY
	const fixDay = today - 100 * DAY
	const ideaId = implemented(event.id, new Date(fixDay + 9 * 3_600_000))
	// 20 in the 8 weeks before, 3 in the 8 weeks after, then 12 in the last 4 weeks: it worked, then slid back.
	for (let i = 0; i < 20; i++) insightsOn(event.id, 1, 100 + 2 + i * 2, new Date(today))
	for (let i = 0; i < 3; i++) insightsOn(event.id, 1, 100 - 5 - i * 15, new Date(today))
	for (let i = 0; i < 12; i++) insightsOn(event.id, 1, 2 + i * 2, new Date(today))

	const cookie = await sessionCookieFor(person('giulia.rossi').id)
	const page = (await ideaLoader({ request: getRequest(`/ideas/${ideaId}`, cookie), context, params: { ideaId } })) as {
		fix: { figures: { days: number; before: number; after: number; effect: { verdict: string; upper: number } } | null }
	}
	expect(page.fix.figures).toMatchObject({ days: 56, before: 20, after: 3, effect: { verdict: 'working' } })
	expect(page.fix.figures!.effect.upper).toBeLessThan(1)

	const youSaid = (await youSaidLoader({ request: getRequest('/you-said-we-did', cookie), context, params: {} })) as {
		ideas: Array<{ id: string; fix: { figures: { effect: { verdict: string } } | null } | null }>
	}
	expect(youSaid.ideas.find((i) => i.id === ideaId)?.fix?.figures?.effect.verdict).toBe('working')

	const leader = await sessionCookieFor(person('elena.marino').id)
	const playbook = (await playbookLoader({
		request: getRequest(`/moments/${event.id}`, leader),
		context,
		params: { eventId: event.id },
	})) as {
		figures: { book: { fixes: Array<{ id: string; figures: { before: number; after: number; effect: { verdict: string } } }> } }
	}
	expect(playbook.figures.book.fixes.find((f) => f.id === ideaId)?.figures).toMatchObject({
		before: 20,
		after: 3,
		effect: { verdict: 'working' },
	})

	// The last 4 weeks run at the old rate: the owner is told once, with the figures.
	const ilaria = person('ilaria.martinelli')
	const relapses = () =>
		getDb()
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, ilaria.id), eq(notifications.kind, 'relapse'), eq(notifications.ideaId, ideaId)))
			.all()
	runSignals()
	expect(relapses()).toHaveLength(1)
	expect(JSON.parse(relapses()[0]!.note!)).toEqual({ before: 20, days: 56, recent: 12 })
	runSignals()
	expect(relapses()).toHaveLength(1)
})

test('a fix not a week old is too early to judge; one with fewer insights that chance explains is not yet clear', async () => {
	const event = newEvent('Cash machine kept the card')
	const now = new Date()
	const today = Math.floor(now.getTime() / DAY) * DAY
	const recent = implemented(event.id, new Date(today - 3 * DAY))
	const older = implemented(event.id, new Date(today - 30 * DAY))
	for (let i = 0; i < 6; i++) insightsOn(event.id, 1, 32 + i * 4, new Date(today))
	for (let i = 0; i < 4; i++) insightsOn(event.id, 1, 25 - i * 5, new Date(today))
	const cookie = await sessionCookieFor(person('giulia.rossi').id)
	const load = async (ideaId: string) =>
		(await ideaLoader({ request: getRequest(`/ideas/${ideaId}`, cookie), context, params: { ideaId } })) as {
			fix: { figures: { days: number; before: number; after: number; effect: { verdict: string } } | null } | null
		}
	expect((await load(recent)).fix).toMatchObject({ figures: null })
	expect((await load(older)).fix?.figures).toMatchObject({ days: 30, before: 6, effect: { verdict: 'unclear' } })
})
