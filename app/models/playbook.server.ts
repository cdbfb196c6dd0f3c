import { and, desc, eq, inArray, isNotNull, isNull, max, or, sql } from 'drizzle-orm'
import { type Locale } from '#app/locales/index.ts'
import { audit } from '#app/models/audit.server.ts'
import { STATUS } from '#app/models/idea.ts'
import { notify } from '#app/models/notification.server.ts'
import { type PlaybookContent } from '#app/models/playbook.ts'
import { DEFAULT_LOCALE } from '#app/utils/i18n.ts'
import { hasPermission, ROLES } from '#app/utils/permissions.ts'
import { getDb, writeTransaction, type Tx } from '#db/index.ts'
import { criticalEvents, ideaEvents, ideas, notifications, playbookVersions, users } from '#db/schema.ts'

const p = playbookVersions

const versionColumns = {
	version: p.version,
	locale: p.locale,
	content: p.content,
	note: p.note,
	createdAt: p.createdAt,
	authorName: users.name,
	ideaId: p.ideaId,
	ideaTitle: ideas.title,
}

function versions(where: ReturnType<typeof and>) {
	return getDb()
		.select(versionColumns)
		.from(p)
		.innerJoin(users, eq(users.id, p.authorId))
		.leftJoin(ideas, eq(ideas.id, p.ideaId))
		.where(where)
		.orderBy(desc(p.version))
}

export type PlaybookVersion = ReturnType<ReturnType<typeof versions>['all']>[number]

/** The languages an event's playbook is written in, each with its latest version number. */
export function playbookLanguages(eventId: string): Array<{ locale: Locale; version: number }> {
	return getDb()
		.select({ locale: p.locale, version: max(p.version).mapWith(Number) })
		.from(p)
		.where(eq(p.eventId, eventId))
		.groupBy(p.locale)
		.all()
		.map((r) => ({ locale: r.locale, version: r.version ?? 0 }))
}

/** One version of the playbook in one language, or its latest when no version is asked for. */
export function playbookVersion(eventId: string, locale: Locale, version?: number): PlaybookVersion | null {
	return (
		versions(and(eq(p.eventId, eventId), eq(p.locale, locale), version === undefined ? undefined : eq(p.version, version))).get() ?? null
	)
}

/** The language to read a playbook in: the reader's, else the default one, else any it is written in. */
function pickLocale(available: Locale[], locale: Locale) {
	if (available.includes(locale)) return locale
	if (available.includes(DEFAULT_LOCALE)) return DEFAULT_LOCALE
	return available[0] ?? null
}

/** How the moment is handled now, in the reader's language or, when nobody wrote it in that one yet, another (`fallback`). */
export function currentPlaybook(eventId: string, locale: Locale) {
	const languages = playbookLanguages(eventId)
	const shown = pickLocale(
		languages.map((l) => l.locale),
		locale,
	)
	const current = shown ? playbookVersion(eventId, shown) : null
	return { current, fallback: Boolean(current && shown !== locale), languages }
}

/** Every version of the playbook in one language, newest first. */
export function playbookHistory(eventId: string, locale: Locale) {
	return versions(and(eq(p.eventId, eventId), eq(p.locale, locale))).all()
}

/**
 * The current playbook of every event that has one, in the reader's language where written,
 * for the insight form: what to do is on screen while the agent is on the call.
 */
export function currentPlaybooks(locale: Locale): Record<string, PlaybookContent & { version: number; locale: Locale }> {
	const rows = getDb()
		.select({ eventId: p.eventId, locale: p.locale, version: p.version, content: p.content })
		.from(p)
		.innerJoin(criticalEvents, and(eq(criticalEvents.id, p.eventId), isNull(criticalEvents.retiredAt)))
		.where(
			sql`${p.version} = (SELECT max(q.version) FROM ${playbookVersions} q WHERE q.event_id = ${p.eventId} AND q.locale = ${p.locale})`,
		)
		.all()
	const byEvent = new Map<string, typeof rows>()
	for (const row of rows) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), row])
	const out: ReturnType<typeof currentPlaybooks> = {}
	for (const [eventId, list] of byEvent) {
		const chosen = pickLocale(
			list.map((r) => r.locale),
			locale,
		)
		const row = list.find((r) => r.locale === chosen)!
		out[eventId] = { ...row.content, version: row.version, locale: row.locale }
	}
	return out
}

/** Implemented ideas on this moment, newest first: a new version may say which one caused it. */
export function implementedIdeasOn(eventId: string) {
	return getDb()
		.select({ id: ideas.id, title: ideas.title })
		.from(ideas)
		.innerJoin(ideaEvents, and(eq(ideaEvents.ideaId, ideas.id), eq(ideaEvents.eventId, eventId)))
		.where(and(eq(ideas.status, STATUS.implemented), isNull(ideas.hiddenAt)))
		.orderBy(desc(ideas.closedAt))
		.limit(50)
		.all()
}

export type PlaybookInput = {
	eventId: string
	locale: Locale
	/** The version the writer started from (0: none yet in this language). */
	baseVersion: number
	content: PlaybookContent
	note: string
	ideaId: string | null
}

export type SaveResult = { ok: true; version: number } | { ok: false; reason: 'conflict'; current: PlaybookVersion }

/**
 * Saves a new version, if nobody saved one since the writer's starting version; otherwise
 * nothing is written and the writer gets the version that came in between, to compare.
 * The version and its audit entry are one transaction.
 */
export function savePlaybook(input: PlaybookInput, actorId: string, now = new Date()): SaveResult {
	const saved = writeTransaction((tx) => {
		const latest = tx
			.select({ version: max(p.version).mapWith(Number) })
			.from(p)
			.where(and(eq(p.eventId, input.eventId), eq(p.locale, input.locale)))
			.get()?.version
		const current = latest ?? 0
		if (current !== input.baseVersion) return { ok: false as const, latest: current }
		const version = current + 1
		tx.insert(p)
			.values({
				eventId: input.eventId,
				locale: input.locale,
				version,
				content: input.content,
				note: input.note,
				authorId: actorId,
				ideaId: input.ideaId,
				createdAt: now,
			})
			.run()
		// A version that names the idea answers the owners' prompt about it.
		if (input.ideaId)
			tx.update(notifications)
				.set({ readAt: now })
				.where(
					and(
						eq(notifications.kind, 'playbook'),
						eq(notifications.eventId, input.eventId),
						eq(notifications.ideaId, input.ideaId),
						isNull(notifications.readAt),
					),
				)
				.run()
		audit(tx, actorId, 'playbook.edit', { type: 'event', id: input.eventId }, { language: input.locale, version, note: input.note }, now)
		return { ok: true as const, version }
	})
	if (saved.ok) return saved
	return { ok: false, reason: 'conflict', current: playbookVersion(input.eventId, input.locale, saved.latest)! }
}

/** Who is told about an owned moment: its owner by name, or else the owning department's managers (active people only). */
export function ownersToTell(tx: Tx, event: { userId: string | null; departmentId: string | null }) {
	const active = isNull(users.deactivatedAt)
	if (event.userId) {
		const named = tx
			.select({ id: users.id })
			.from(users)
			.where(and(eq(users.id, event.userId), active))
			.all()
		if (named.length) return named.map((r) => r.id)
	}
	if (!event.departmentId) return []
	const writers = ROLES.filter((role) => hasPermission(role, 'update:playbook:scope'))
	return tx
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.departmentId, event.departmentId), inArray(users.role, writers), active))
		.all()
		.map((r) => r.id)
}

const ownerColumns = { id: criticalEvents.id, userId: criticalEvents.ownerUserId, departmentId: criticalEvents.ownerDepartmentId }

/** When an idea is implemented, the owners of its moments are asked whether the playbook should change. */
export function promptPlaybookOwners(tx: Tx, ideaId: string, actorId: string, now: Date) {
	const events = tx
		.select(ownerColumns)
		.from(ideaEvents)
		.innerJoin(criticalEvents, eq(criticalEvents.id, ideaEvents.eventId))
		.where(and(eq(ideaEvents.ideaId, ideaId), isNull(criticalEvents.retiredAt)))
		.all()
	for (const event of events) {
		notify(
			tx,
			ownersToTell(tx, event).map((userId) => ({ userId, kind: 'playbook' as const, ideaId, eventId: event.id, actorId })),
			now,
		)
	}
}

/**
 * Tells the owners of each moment that became a blind spot this quarter (a hot heatmap cell
 * with no idea accepted, under way or implemented), once an episode: the mark is cleared when
 * the moment stops being one. Runs with the e-mail loop; running twice tells nobody twice.
 */
export function notifyBlindSpots(blind: ReadonlySet<string>, now = new Date()) {
	return writeTransaction((tx) => {
		const owned = tx
			.select({ ...ownerColumns, since: criticalEvents.blindSpotSince })
			.from(criticalEvents)
			.where(and(isNull(criticalEvents.retiredAt), or(isNotNull(criticalEvents.ownerUserId), isNotNull(criticalEvents.ownerDepartmentId))))
			.all()
		let told = 0
		for (const event of owned) {
			if (!blind.has(event.id)) {
				if (event.since) tx.update(criticalEvents).set({ blindSpotSince: null }).where(eq(criticalEvents.id, event.id)).run()
				continue
			}
			if (event.since) continue
			const recipients = ownersToTell(tx, event)
			notify(
				tx,
				recipients.map((userId) => ({ userId, kind: 'blind-spot' as const, ideaId: null, eventId: event.id })),
				now,
			)
			tx.update(criticalEvents).set({ blindSpotSince: now }).where(eq(criticalEvents.id, event.id)).run()
			told += recipients.length
		}
		return told
	})
}
