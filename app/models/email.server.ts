import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm'
import { notificationsEmail } from '#app/emails/notifications.tsx'
import { namingEvents, notificationsWithFacts } from '#app/models/notification.server.ts'
import { type EmailDigest } from '#app/models/user.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { DEFAULT_LOCALE, getT, isLocale } from '#app/utils/i18n.ts'
import { dateTimeFormat } from '#app/utils/intl.ts'
import { sendMail } from '#app/utils/mailer.server.ts'
import { getDb } from '#db/index.ts'
import { notifications, users } from '#db/schema.ts'

/** The local hour and calendar day of an instant in the organisation's time zone. */
function localClock(now: Date, timeZone: string) {
	const parts = dateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(now)
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
	return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) }
}

/** Is this person due an e-mail now: immediately, or once a day after DIGEST_HOUR? */
function due(choice: EmailDigest, lastSent: Date | null, now: Date) {
	if (choice === 'immediate') return true
	if (choice !== 'daily') return false
	const { TIME_ZONE: zone, DIGEST_HOUR: hour } = getEnv()
	const today = localClock(now, zone)
	if (today.hour < hour) return false
	return !lastSent || localClock(lastSent, zone).day !== today.day
}

/**
 * Sends each person who is due an e-mail their notifications not yet e-mailed (and not
 * yet read in the app), as one message. A notification is marked as e-mailed only after
 * its message was accepted, so a failed send is retried on the next run.
 */
export async function deliverEmails(now = new Date()) {
	const db = getDb()
	const unsent = and(
		isNull(notifications.emailedAt),
		isNull(notifications.readAt),
		lt(notifications.createdAt, new Date(now.getTime() + 1)),
	)
	// Who is due first (most minutes nobody is), then only their notifications: the queue of
	// everyone's unsent notifications can be long (a daily digest's whole day).
	const waiting = db.selectDistinct({ userId: notifications.userId }).from(notifications).where(unsent).all()
	if (!waiting.length) return { sent: 0 }
	const recipients = db
		.select({ id: users.id, email: users.email, locale: users.locale, emailDigest: users.emailDigest, digestSentAt: users.digestSentAt })
		.from(users)
		.where(
			and(
				inArray(
					users.id,
					waiting.map((w) => w.userId),
				),
				isNull(users.deactivatedAt),
				or(eq(users.emailDigest, 'immediate'), eq(users.emailDigest, 'daily')),
			),
		)
		.all()
		.filter((person) => due(person.emailDigest, person.digestSentAt, now))
	const appUrl = getEnv().APP_URL.replace(/\/$/, '')
	let sent = 0
	for (const person of recipients) {
		const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE
		const items = namingEvents(
			notificationsWithFacts(and(eq(notifications.userId, person.id), unsent))
				.orderBy(asc(notifications.createdAt))
				.all(),
			locale,
		)
		if (!items.length) continue
		await sendMail({ to: person.email, ...notificationsEmail({ items, t: getT(locale), locale, appUrl }) })
		db.update(notifications)
			.set({ emailedAt: now })
			.where(
				inArray(
					notifications.id,
					items.map((i) => i.id),
				),
			)
			.run()
		db.update(users).set({ digestSentAt: now }).where(eq(users.id, person.id)).run()
		sent++
	}
	return { sent }
}

export function setEmailDigest(userId: string, choice: EmailDigest) {
	getDb().update(users).set({ emailDigest: choice }).where(eq(users.id, userId)).run()
}
