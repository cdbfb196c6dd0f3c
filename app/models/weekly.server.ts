import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm'
import { momentsDigestEmail } from '#app/emails/moments-digest.tsx'
import { companyBlindSpots, EVERYONE, largeEnough, type Scope } from '#app/models/dashboard.server.ts'
import { STATUS } from '#app/models/idea.ts'
import { insightsByIds } from '#app/models/insight.server.ts'
import { thanksNotes } from '#app/models/thanks.server.ts'
import { type MomentsDigest } from '#app/models/user.ts'
import { createTtlCache } from '#app/utils/cache.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { DEFAULT_LOCALE, getT, isLocale } from '#app/utils/i18n.ts'
import { sendMail } from '#app/utils/mailer.server.ts'
import { isoWeek, localWeekdayHour } from '#app/utils/time.ts'
import { getDb } from '#db/index.ts'
import { criticalEvents, departments, ideas, ideaUpdates, insights, insightThanks, users } from '#db/schema.ts'

const DAY = 86_400_000
export const WEEK_HOTTEST = 5

/**
 * The moments of truth of the last seven days, company-wide (decision 055): the hottest moments
 * (insights plus "I see this too") against the week before, a moment handled well, what was
 * fixed ("you said, we did") and a blind spot. Nothing about a group smaller than the minimum.
 * A scope (the office board's department) narrows the moments and the story to its insights.
 */
export function weeklyMoments(now = new Date(), scope: Scope = EVERYONE) {
	const to = now
	const from = new Date(now.getTime() - 7 * DAY)
	const before = new Date(from.getTime() - 7 * DAY)
	const range = { from, to }
	if (!largeEnough(scope)) return { range, hottest: null, story: null, fixed: [], blindSpot: null }
	const db = getDb()
	const inScope = scope.departmentIds ? inArray(insights.departmentId, scope.departmentIds.length ? scope.departmentIds : ['']) : undefined
	const heatIn = (start: Date, end: Date) =>
		db
			.select({ eventId: insights.eventId, heat: sql<number>`count(*) + sum(${insights.recurrenceCount})`.mapWith(Number) })
			.from(insights)
			.where(
				and(gte(insights.createdAt, start), lt(insights.createdAt, end), isNull(insights.hiddenAt), isNotNull(insights.eventId), inScope),
			)
			.groupBy(insights.eventId)
			.all()
	const previous = new Map(heatIn(before, from).map((r) => [r.eventId, r.heat]))
	const events = new Map(
		db
			.select({ id: criticalEvents.id, name: criticalEvents.name, names: criticalEvents.names })
			.from(criticalEvents)
			.all()
			.map((e) => [e.id, e]),
	)
	const hottest = heatIn(from, to)
		.sort((a, b) => b.heat - a.heat)
		.slice(0, WEEK_HOTTEST)
		.map((r) => ({ event: events.get(r.eventId!)!, heat: r.heat, previous: previous.get(r.eventId) ?? 0 }))

	// The moment most recently thanked this week, else the latest ever: a story to learn from.
	const thanked = db
		.select({ id: insightThanks.insightId })
		.from(insightThanks)
		.innerJoin(insights, eq(insights.id, insightThanks.insightId))
		.where(and(isNull(insights.hiddenAt), gt(insights.thanksCount, 0), inScope))
		.orderBy(desc(insightThanks.createdAt))
		.limit(1)
		.get()
	const storyCard = thanked ? insightsByIds([thanked.id])[0] : undefined
	const story = storyCard
		? { insight: storyCard, notes: (thanksNotes([storyCard.id], 2).get(storyCard.id) ?? []).map(({ userId: _u, ...n }) => n) }
		: null

	const implementedAt = sql<number>`(SELECT max(u.created_at) FROM ${ideaUpdates} u WHERE u.idea_id = ${ideas}.id AND u.to_status = ${STATUS.implemented})`
	const fixed = db
		.select({ id: ideas.id, title: ideas.title, implementedAt: implementedAt.mapWith(Number) })
		.from(ideas)
		.where(and(eq(ideas.status, STATUS.implemented), isNull(ideas.hiddenAt), gte(ideas.closedAt, from)))
		.orderBy(desc(ideas.closedAt))
		.limit(5)
		.all()
		.map((r) => ({ ...r, implementedAt: new Date(r.implementedAt) }))

	// The hottest blind spot of the quarter's company heatmap.
	const blind = companyBlindSpots(now)
	const blindId = [...blind].sort(
		(a, b) => (hottest.find((h) => h.event.id === b)?.heat ?? 0) - (hottest.find((h) => h.event.id === a)?.heat ?? 0),
	)[0]
	return { range, hottest, story, fixed, blindSpot: blindId ? (events.get(blindId) ?? null) : null }
}

const weekCache = createTtlCache(50)

/** weeklyMoments, reused for DASHBOARD_CACHE_SECONDS: every reader of one scope sees the same week. */
export function cachedWeeklyMoments(scope: Scope = EVERYONE, now = new Date()) {
	const key = scope.departmentIds?.join() ?? '*'
	return weekCache.get(key, getEnv().DASHBOARD_CACHE_SECONDS * 1000, () => weeklyMoments(now, scope), now.getTime()).value
}

/**
 * Whether a department meets customers: flagged itself, or below one that is. Reads the tree
 * once, for a whole list of people.
 */
export function customerFacingCheck() {
	const rows = getDb()
		.select({ id: departments.id, parentId: departments.parentId, facing: departments.customerFacing })
		.from(departments)
		.all()
	const byId = new Map(rows.map((r) => [r.id, r]))
	return (departmentId: string | null) => {
		const seen = new Set<string>()
		for (
			let d = departmentId ? byId.get(departmentId) : undefined;
			d && !seen.has(d.id);
			d = d.parentId ? byId.get(d.parentId) : undefined
		) {
			if (d.facing) return true
			seen.add(d.id)
		}
		return false
	}
}

/** Whether the weekly digest is on for this person: their choice, else on unless their department meets customers. */
export function wantsMomentsDigest(choice: MomentsDigest, departmentId: string | null, facing = customerFacingCheck()) {
	if (choice !== 'default') return choice === 'on'
	return !facing(departmentId)
}

/**
 * Sends the weekly digest to everyone who wants it, on Monday after DIGEST_HOUR (TIME_ZONE),
 * once an ISO week per person; each in their language. A person is marked only after their
 * message was accepted, so a failed send is retried on the next run.
 */
export async function deliverMomentsDigest(now = new Date()) {
	const { TIME_ZONE: zone, DIGEST_HOUR: hour } = getEnv()
	const clock = localWeekdayHour(now, zone)
	if (clock.weekday !== 1 || clock.hour < hour) return { sent: 0 }
	const week = isoWeek(now, zone)
	const db = getDb()
	const facing = customerFacingCheck()
	const due = db
		.select({
			id: users.id,
			email: users.email,
			locale: users.locale,
			choice: users.momentsDigest,
			departmentId: users.departmentId,
			sentAt: users.momentsDigestSentAt,
		})
		.from(users)
		.where(and(isNull(users.deactivatedAt), isNotNull(users.passwordHash), ne(users.momentsDigest, 'off')))
		.all()
		.filter((p) => wantsMomentsDigest(p.choice, p.departmentId, facing) && (!p.sentAt || isoWeek(p.sentAt, zone) !== week))
	if (!due.length) return { sent: 0 }
	const digest = weeklyMoments(now)
	const appUrl = getEnv().APP_URL.replace(/\/$/, '')
	let sent = 0
	for (const person of due) {
		const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE
		await sendMail({ to: person.email, ...momentsDigestEmail({ digest, t: getT(locale), locale, appUrl, zone }) })
		db.update(users).set({ momentsDigestSentAt: now }).where(eq(users.id, person.id)).run()
		sent++
	}
	return { sent }
}

export type WeeklyMoments = ReturnType<typeof weeklyMoments>
