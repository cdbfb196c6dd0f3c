import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { simpleParser } from 'mailparser'
import { beforeEach, expect, test } from 'vitest'
import { addComment } from '#app/models/comment.server.ts'
import { deliverEmails, setEmailDigest } from '#app/models/email.server.ts'
import { setVote } from '#app/models/idea.server.ts'
import { changeStatus } from '#app/models/triage.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { getDb } from '#db/index.ts'
import { notifications, users } from '#db/schema.ts'
import { makeIdea, person } from '#tests/factories.ts'
import { withSmtpServer, type Received } from '#tests/smtp.ts'
import { demoUser } from '#tests/utils.ts'

const inbox: Received[] = []
withSmtpServer(inbox)

beforeEach(() => {
	inbox.length = 0
	getDb().delete(notifications).run()
})

const byEmail = person
const ideaBy = (local: string, title: string) => makeIdea(person(local), { title })

test('the daily digest arrives once a day after 8:00 local time, with the right items, and nothing twice', async () => {
	const author = byEmail('sara.colombo')
	const ideaId = ideaBy('sara.colombo', 'Refund double card fees on the first call')
	setVote(ideaId, byEmail('chiara.bruno').id, true)
	const early = new Date('2026-11-23T06:30:00Z') // 7:30 in Rome
	addComment(ideaId, byEmail('marco.ferri').id, 'We can pilot this in Milano.', new Date('2026-11-23T05:00:00Z'))
	changeStatus(ideaId, demoUser('manager'), 'in_review', 'Looking at it.', new Date('2026-11-23T06:00:00Z'))
	expect((await deliverEmails(early)).sent).toBe(0)
	expect(inbox).toEqual([])

	const after = new Date('2026-11-23T07:30:00Z') // 8:30 in Rome
	await deliverEmails(after)
	const mine = inbox.filter((m) => m.to.includes(author.email))
	expect(mine).toHaveLength(1)
	expect(mine[0]!.subject).toBe('Voce: 2 updates on ideas you follow')
	expect(mine[0]!.text).toContain('Marco Ferri commented on “Refund double card fees on the first call”')
	expect(mine[0]!.text).toContain('We can pilot this in Milano.')
	expect(mine[0]!.text).toContain('“Refund double card fees on the first call” is now: In review')
	expect(mine[0]!.text).toContain(`https://voce.aurora-bank.example/ideas/${ideaId}`)
	// The voter follows too, so they get their own digest.
	expect(inbox.filter((m) => m.to.includes(byEmail('chiara.bruno').email))).toHaveLength(1)

	// Same day, something new: it waits for tomorrow's digest.
	changeStatus(ideaId, demoUser('manager'), 'accepted', 'Approved.', new Date('2026-11-23T10:00:00Z'))
	inbox.length = 0
	await deliverEmails(new Date('2026-11-23T15:00:00Z'))
	expect(inbox.filter((m) => m.to.includes(author.email))).toEqual([])
	await deliverEmails(new Date('2026-11-24T07:05:00Z'))
	const next = inbox.filter((m) => m.to.includes(author.email))
	expect(next).toHaveLength(1)
	expect(next[0]!.subject).toBe('Voce: 1 update on ideas you follow')
	expect(next[0]!.text).not.toContain('We can pilot this')
})

test('"as they happen" sends at once, "off" never; read notifications are not e-mailed; the reader’s language is used', async () => {
	const immediate = byEmail('matteo.gallo')
	const off = byEmail('valentina.costa')
	setEmailDigest(immediate.id, 'immediate')
	setEmailDigest(off.id, 'off')
	getDb().update(users).set({ locale: 'it' }).where(eq(users.id, immediate.id)).run()
	const first = ideaBy('matteo.gallo', 'Idea of someone who wants mail now')
	const second = ideaBy('valentina.costa', 'Idea of someone who wants no mail')
	const now = new Date('2026-11-23T03:00:00Z') // before the digest hour: immediate still goes
	changeStatus(first, demoUser('manager'), 'in_review', null, now)
	changeStatus(second, demoUser('manager'), 'in_review', null, now)
	await deliverEmails(now)
	expect(inbox.map((m) => m.to[0])).toEqual([immediate.email])
	expect(inbox[0]!.subject).toBe('Voce: 1 novità sulle idee che segui')
	expect(inbox[0]!.text).toContain('“Idea of someone who wants mail now” ora è: In valutazione')

	// Read in the app first: no e-mail about it.
	changeStatus(first, demoUser('manager'), 'accepted', null, new Date(now.getTime() + 1000))
	getDb().update(notifications).set({ readAt: new Date() }).where(eq(notifications.userId, immediate.id)).run()
	inbox.length = 0
	await deliverEmails(new Date(now.getTime() + 60_000))
	expect(inbox).toEqual([])
})

test('without SMTP_URL, messages are written to the outbox folder', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voce-outbox-'))
	const saved = process.env.SMTP_URL
	delete process.env.SMTP_URL
	process.env.OUTBOX_DIR = dir
	resetEnvCache()
	try {
		const user = byEmail('antonio.deluca')
		setEmailDigest(user.id, 'immediate')
		const id = ideaBy('antonio.deluca', 'An idea for the outbox')
		changeStatus(id, demoUser('manager'), 'in_review', null, new Date('2026-11-23T09:00:00Z'))
		await deliverEmails(new Date('2026-11-23T09:00:01Z'))
		const files = fs.readdirSync(dir)
		expect(files).toHaveLength(1)
		const mail = await simpleParser(fs.readFileSync(path.join(dir, files[0]!)))
		expect(mail.subject).toBe('Voce: 1 update on ideas you follow')
		expect(mail.text).toContain('“An idea for the outbox” is now: In review')
	} finally {
		process.env.SMTP_URL = saved
		delete process.env.OUTBOX_DIR
		resetEnvCache()
		fs.rmSync(dir, { recursive: true, force: true })
	}
})

test('every status, merge and update notification says why, in the app and in the e-mail, with the status it moved to then', async () => {
	const { listNotifications } = await import('#app/models/notification.server.ts')
	const { describeNotification } = await import('#app/models/notification.ts')
	const { mergeIdea, postUpdate } = await import('#app/models/triage.server.ts')
	const { getT } = await import('#app/utils/i18n.ts')
	const author = byEmail('francesca.conti')
	setEmailDigest(author.id, 'immediate')
	const manager = demoUser('manager')
	const idea = ideaBy('francesca.conti', 'Refund the fee when a card is swallowed')
	const duplicate = ideaBy('francesca.conti', 'Give back the fee for swallowed cards')
	const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 3, minutes))
	changeStatus(idea, manager, 'in_review', 'Checking the fee rules with Cards.', at(1))
	postUpdate(idea, manager, 'Cards agree; legal is reading it.', at(2))
	const long = `Declined for now: ${'the fee is set by the card scheme, not by us, and '.repeat(8)}we will ask again next year.`
	changeStatus(idea, manager, 'declined', long, at(3))
	expect(mergeIdea(duplicate, idea, manager, 'Same request as the fee refund idea.', at(4)).ok).toBe(true)

	const t = getT('en')
	const shown = listNotifications(author.id, 'en').rows.map((n) => describeNotification(n, t))
	expect(shown).toEqual([
		{
			label: '“Give back the fee for swallowed cards” was merged into “Refund the fee when a card is swallowed”',
			why: 'Same request as the fee refund idea.',
		},
		{
			label: '“Refund the fee when a card is swallowed” is now: Declined',
			why: expect.stringMatching(/^Declined for now: the fee is set .*…$/),
		},
		{ label: 'Marco Ferri posted an update on “Refund the fee when a card is swallowed”', why: 'Cards agree; legal is reading it.' },
		// The status it moved to then, not the idea's status now.
		{ label: '“Refund the fee when a card is swallowed” is now: In review', why: 'Checking the fee rules with Cards.' },
	])
	expect(shown[1]!.why!.length).toBeLessThanOrEqual(281)

	await deliverEmails(at(5))
	const mail = inbox.find((m) => m.to[0] === author.email)!
	for (const text of [
		'Checking the fee rules with Cards.',
		'Cards agree; legal is reading it.',
		'Declined for now:',
		'was merged into “Refund the fee',
	]) {
		expect(mail.text).toContain(text)
	}
})

test('an idea left unanswered past SLA_DAYS tells its owner once, in the app and by e-mail; with no owner, the managers of its scope', async () => {
	const { evaluate, notifyOverdue } = await import('#app/models/triage.server.ts')
	const manager = demoUser('manager') // Contact Centre
	const owner = byEmail('ilaria.martinelli')
	setEmailDigest(owner.id, 'immediate')
	setEmailDigest(manager.id, 'immediate')
	const start = new Date('2026-11-01T09:00:00Z')
	const owned = makeIdea(person('giulia.rossi'), { title: 'An idea its owner forgot' }, start)
	const unowned = makeIdea(person('giulia.rossi'), { title: 'An idea nobody owns' }, start)
	const answered = makeIdea(person('giulia.rossi'), { title: 'An idea that was answered' }, start)
	// Naming an owner is not an answer to the author: the clock keeps running.
	evaluate(owned, manager, { scores: { impact: 3 }, ownerId: owner.id }, new Date('2026-11-02T09:00:00Z'))
	changeStatus(answered, manager, 'in_review', null, new Date('2026-11-03T09:00:00Z'))
	getDb().delete(notifications).run()

	const toldAbout = (ideaId: string) =>
		getDb()
			.select({ userId: notifications.userId, kind: notifications.kind })
			.from(notifications)
			.where(eq(notifications.ideaId, ideaId))
			.all()
	// Day 14: not yet past the target.
	notifyOverdue(new Date('2026-11-15T08:59:00Z'))
	expect(toldAbout(owned)).toEqual([])
	// Past it: the owner, once; the unowned idea goes to the Contact Centre's managers.
	const late = new Date('2026-11-15T09:01:00Z')
	notifyOverdue(late)
	notifyOverdue(new Date(late.getTime() + 60_000))
	expect(toldAbout(owned)).toEqual([{ userId: owner.id, kind: 'overdue' }])
	const forUnowned = toldAbout(unowned)
	expect(forUnowned.map((n) => n.userId)).toContain(manager.id)
	expect(forUnowned.map((n) => n.userId)).not.toContain(person('giulia.rossi').id)
	expect(new Set(forUnowned.map((n) => n.userId)).size).toBe(forUnowned.length)
	expect(toldAbout(answered)).toEqual([])

	await deliverEmails(new Date(late.getTime() + 120_000))
	const mail = inbox.filter((m) => m.to[0] === owner.email)
	expect(mail).toHaveLength(1)
	expect(mail[0]!.text).toContain('“An idea its owner forgot” is past its first-response target with no answer yet')
	expect(mail[0]!.text).toContain(`https://voce.aurora-bank.example/ideas/${owned}`)
})

test('the e-mail arrives as HTML and plain text, grouped by idea with the why of each change, in the reader’s language, every link absolute', async () => {
	const { postUpdate } = await import('#app/models/triage.server.ts')
	const reader = byEmail('beatrice.lombardo')
	setEmailDigest(reader.id, 'immediate')
	getDb().update(users).set({ locale: 'it' }).where(eq(users.id, reader.id)).run()
	const manager = demoUser('manager')
	const first = ideaBy('beatrice.lombardo', 'Carta bloccata in viaggio')
	const second = ideaBy('beatrice.lombardo', 'Rimborso commissioni doppie')
	const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 3, minutes))
	changeStatus(first, manager, 'in_review', 'Ne parliamo con il team Carte.', at(1))
	changeStatus(second, manager, 'in_review', null, at(2))
	postUpdate(first, manager, 'Il team Carte è d’accordo.', at(3))
	await deliverEmails(at(4))

	const mail = inbox.find((m) => m.to[0] === reader.email)!
	expect(mail.subject).toBe('Voce: 3 novità sulle idee che segui')
	// Both parts say why, in Italian.
	for (const part of [mail.text, mail.html]) {
		expect(part).toContain('Ne parliamo con il team Carte.')
		expect(part).toContain('Il team Carte è d’accordo.')
		expect(part).toContain('ora è: In valutazione')
		expect(part).not.toMatch(/\{\{|\b(email|notifications|statuses|app)\.[a-z]/)
	}
	expect(mail.html).toMatch(/^<!doctype html><html lang="it">/)
	// Grouped by idea: one heading per idea, the first idea's two changes under it.
	const headings = [...mail.html.matchAll(/<h2[^>]*><a href="([^"]+)"[^>]*>([^<]+)<\/a><\/h2>/g)]
	expect(headings.map((h) => h[2])).toEqual(['Carta bloccata in viaggio', 'Rimborso commissioni doppie'])
	const firstBlock = mail.html.slice(mail.html.indexOf(headings[0]![0]), mail.html.indexOf(headings[1]![0]))
	expect(firstBlock).toContain('Ne parliamo con il team Carte.')
	expect(firstBlock).toContain('Il team Carte è d’accordo.')
	// Every link is absolute to APP_URL and leads to a page that exists; no remote image.
	const links = [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => new URL(m[1]!))
	expect(links.length).toBeGreaterThan(2)
	const ideaIds = new Set([first, second])
	for (const url of links) {
		expect(url.origin).toBe('https://voce.aurora-bank.example')
		const idea = /^\/ideas\/([^/]+)$/.exec(url.pathname)?.[1]
		expect(url.pathname === '/settings' || (idea && ideaIds.has(idea)), url.href).toBeTruthy()
	}
	expect(mail.html).not.toMatch(/<img|url\(/)
})

test('a backlog of overdue ideas is reported a batch a run, the oldest first, each idea once', async () => {
	const { notifyOverdue } = await import('#app/models/triage.server.ts')
	const start = new Date('2026-10-01T09:00:00Z')
	const ideas = [0, 1, 2].map((i) =>
		makeIdea(person('luca.romano'), { title: `A forgotten idea number ${i + 1}` }, new Date(start.getTime() + i * 3_600_000)),
	)
	const later = new Date('2026-12-30T09:00:00Z')
	const told = () =>
		new Set(
			getDb()
				.select({ ideaId: notifications.ideaId })
				.from(notifications)
				.all()
				.map((n) => n.ideaId),
		)
	const runs: Array<{ ideas: number; more: boolean }> = []
	for (let run = notifyOverdue(later, 2); ; run = notifyOverdue(later, 2)) {
		runs.push(run)
		expect(run.ideas).toBeLessThanOrEqual(2)
		if (!run.more) break
	}
	expect(runs.at(-1)!.more).toBe(false)
	for (const id of ideas) expect(told().has(id)).toBe(true)
	expect(notifyOverdue(later, 2)).toMatchObject({ ideas: 0, told: 0, more: false })
})
