import { eq } from 'drizzle-orm'
import { beforeEach, expect, test } from 'vitest'
import { listAudit } from '#app/models/audit.server.ts'
import { auditFactText } from '#app/models/audit.ts'
import { setMomentsDigest } from '#app/models/user.server.ts'
import { deliverMomentsDigest, wantsMomentsDigest, weeklyMoments } from '#app/models/weekly.server.ts'
import { action as settingsAction, loader as settingsLoader } from '#app/routes/_me+/settings.tsx'
import { action as departmentsAction } from '#app/routes/admin+/departments.tsx'
import { loader as weekLoader } from '#app/routes/moments+/week.tsx'
import { getT } from '#app/utils/i18n.ts'
import { getDb } from '#db/index.ts'
import { users } from '#db/schema.ts'
import { person } from '#tests/factories.ts'
import { withSmtpServer, type Received } from '#tests/smtp.ts'
import { context, formRequest, getRequest, sessionCookieFor, statusOf } from '#tests/utils.ts'

const inbox: Received[] = []
withSmtpServer(inbox)

beforeEach(() => {
	inbox.length = 0
})

const to = (local: string) => inbox.filter((m) => m.to.includes(person(local).email))

test('the week in moments of truth: the hottest against the week before, a story handled well, what was fixed, a blind spot', () => {
	const week = weeklyMoments()
	expect(week.hottest!.length).toBeGreaterThan(0)
	const heats = week.hottest!.map((h) => h.heat)
	expect(heats).toEqual([...heats].sort((a, b) => b - a))
	// The latest thanks in the demo: Luca's for Giulia's Lisbon call, yesterday.
	expect(week.story?.insight.body).toMatch(/^Customer in Lisbon/)
	expect(week.story?.notes[0]).toMatchObject({ name: 'Luca Romano' })
	// Implemented yesterday in the demo.
	expect(week.fixed.map((f) => f.title)).toContain('Tell customers why a payment was declined, in the app')
	expect(week.fixed.every((f) => f.implementedAt.getTime() >= week.range.from.getTime())).toBe(true)
	expect(week.blindSpot === null || typeof week.blindSpot.name === 'string').toBe(true)
})

test('on by default for departments that do not meet customers, off for those that do; a person’s choice wins', async () => {
	const giulia = person('giulia.rossi') // Contact Centre Milano, under Customer Care
	const paolo = person('paolo.greco') // Operations
	expect(wantsMomentsDigest('default', giulia.departmentId)).toBe(false)
	expect(wantsMomentsDigest('default', paolo.departmentId)).toBe(true)
	expect(wantsMomentsDigest('on', giulia.departmentId)).toBe(true)
	expect(wantsMomentsDigest('off', paolo.departmentId)).toBe(false)
	// Giulia turns it on in her settings; the page says what her department's default is.
	const cookie = await sessionCookieFor(giulia.id)
	const settings = (await settingsLoader({ request: getRequest('/settings', cookie), context, params: {} })) as Awaited<
		ReturnType<typeof settingsLoader>
	>
	expect(settings).toMatchObject({ momentsDigest: 'default', momentsDefault: false })
	const bad = await settingsAction({
		request: formRequest('/settings', { intent: 'moments', momentsDigest: 'weekly' }, cookie),
		context,
		params: {},
	})
	expect(statusOf(bad)).toBe(400)
	const saved = await settingsAction({
		request: formRequest('/settings', { intent: 'moments', momentsDigest: 'on' }, cookie),
		context,
		params: {},
	})
	expect(statusOf(saved)).toBe(302)
	expect(getDb().select({ c: users.momentsDigest }).from(users).where(eq(users.id, giulia.id)).get()!.c).toBe('on')
})

test('the digest goes out on Monday after DIGEST_HOUR, once a week, to who wants it, in their language', async () => {
	setMomentsDigest(person('giulia.rossi').id, 'on')
	setMomentsDigest(person('claudio.villa').id, 'off') // Digital Channels: on by default, turned off
	// Sunday evening and Monday 07:59 in Rome: nothing.
	expect((await deliverMomentsDigest(new Date('2026-12-06T20:00:00Z'))).sent).toBe(0)
	expect((await deliverMomentsDigest(new Date('2026-12-07T06:59:00Z'))).sent).toBe(0)
	const monday = new Date('2026-12-07T07:05:00Z')
	const { sent } = await deliverMomentsDigest(monday)
	expect(sent).toBe(inbox.length)
	expect(to('giulia.rossi')).toHaveLength(1)
	expect(to('paolo.greco')).toHaveLength(1)
	expect(to('claudio.villa')).toHaveLength(0)
	expect(to('luca.romano')).toHaveLength(0) // a contact-centre agent who did not ask
	expect(to('gabriele.ferraro')).toHaveLength(0) // deactivated
	const mail = to('paolo.greco')[0]!
	expect(mail.subject).toMatch(/^Voce: the moments of truth of the week/)
	expect(mail.text).toContain('The hottest moments')
	expect(mail.text).toContain('Customer in Lisbon')
	expect(mail.html).toContain('https://voce.aurora-bank.example/moments/week')
	expect(mail.html).not.toMatch(/{{|\$t\(/)
	// Again the same week: nobody twice. The next Monday: again.
	inbox.length = 0
	expect((await deliverMomentsDigest(new Date('2026-12-07T15:00:00Z'))).sent).toBe(0)
	expect((await deliverMomentsDigest(new Date('2026-12-14T08:00:00Z'))).sent).toBe(sent)
})

test('in Italian for an Italian reader, and in the app for everyone', async () => {
	const federica = person('federica.lombardi')
	getDb().update(users).set({ locale: 'it', momentsDigest: 'on' }).where(eq(users.id, federica.id)).run()
	await deliverMomentsDigest(new Date('2026-12-21T09:00:00Z'))
	expect(to('federica.lombardi')[0]?.subject).toMatch(/^Voce: i momenti della verità della settimana/)
	const page = (await weekLoader({
		request: getRequest('/moments/week', await sessionCookieFor(person('luca.romano').id)),
		context,
		params: {},
	})) as Awaited<ReturnType<typeof weekLoader>>
	expect(page.hottest?.length).toBeGreaterThan(0)
})

test('an admin marks a department as meeting customers: its people’s default turns off, and the audit log says so', async () => {
	const lending = person('nicola.vitale').departmentId!
	expect(wantsMomentsDigest('default', lending)).toBe(true)
	const admin = person('paolo.greco')
	const cookie = await sessionCookieFor(admin.id)
	const post = (fields: Record<string, string>) =>
		departmentsAction({ request: formRequest('/admin/departments', fields, cookie), context, params: {} })
	expect(
		statusOf(
			await post({
				intent: 'update',
				id: lending,
				name: 'Lending',
				parentId: person('pietro.marchetti').departmentId!,
				customerFacing: 'on',
			}),
		),
	).toBe(302)
	expect(wantsMomentsDigest('default', lending)).toBe(false)
	const entry = listAudit({ actorId: admin.id, action: 'department.update' }).rows[0]!
	expect(entry.facts.map((f) => auditFactText(f, getT('en')))).toContain('Meets customers: no → yes')
})
