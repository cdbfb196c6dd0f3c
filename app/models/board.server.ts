import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { type Locale } from '#app/locales/index.ts'
import { audit } from '#app/models/audit.server.ts'
import { EVERYONE, largeEnough, type Scope } from '#app/models/dashboard.server.ts'
import { subtreeIds } from '#app/models/department.server.ts'
import { STATUS } from '#app/models/idea.ts'
import { currentPlaybooks } from '#app/models/playbook.server.ts'
import { cachedWeeklyMoments } from '#app/models/weekly.server.ts'
import { generateToken, hashSecret, secretMatches, splitToken } from '#app/utils/session.server.ts'
import { isoWeek, utcDay } from '#app/utils/time.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { boardTokens, criticalEvents, departments, ideas, insights, users } from '#db/schema.ts'

/** How many new insights the board lists. */
export const BOARD_INSIGHTS = 6

export type BoardInput = { name: string; departmentId: string | null; locale: Locale }

/** A new board token; the token itself is returned once and only its secret's hash is kept. */
export function createBoardToken(input: BoardInput, actorId: string, now = new Date()) {
	const { id, secret, token } = generateToken()
	writeTransaction((tx) => {
		tx.insert(boardTokens)
			.values({ id, ...input, secretHash: hashSecret(secret), createdBy: actorId, createdAt: now })
			.run()
		audit(tx, actorId, 'board.create', { type: 'board', id }, { name: input.name, department: input.departmentId }, now)
	})
	return { id, token }
}

/** Revokes a board: its screen shows the sign-in form on its next refresh. False when there is none to revoke. */
export function revokeBoardToken(id: string, actorId: string, now = new Date()) {
	return writeTransaction((tx) => {
		const row = tx
			.select({ name: boardTokens.name })
			.from(boardTokens)
			.where(and(eq(boardTokens.id, id), isNull(boardTokens.revokedAt)))
			.get()
		if (!row) return false
		tx.update(boardTokens).set({ revokedAt: now }).where(eq(boardTokens.id, id)).run()
		audit(tx, actorId, 'board.revoke', { type: 'board', id }, { name: row.name }, now)
		return true
	})
}

const creator = alias(users, 'creator')

/** Every board, newest first, with its department and who created it. */
export function listBoardTokens() {
	return getDb()
		.select({
			id: boardTokens.id,
			name: boardTokens.name,
			locale: boardTokens.locale,
			departmentName: departments.name,
			createdByName: creator.name,
			createdAt: boardTokens.createdAt,
			lastUsedAt: boardTokens.lastUsedAt,
			revokedAt: boardTokens.revokedAt,
		})
		.from(boardTokens)
		.leftJoin(departments, eq(departments.id, boardTokens.departmentId))
		.innerJoin(creator, eq(creator.id, boardTokens.createdBy))
		.orderBy(desc(boardTokens.createdAt))
		.all()
}

/** The board a token opens, or null when it is malformed, unknown, wrong or revoked; notes the day it was used. */
export function validateBoardToken(token: string, now = new Date()) {
	const parts = splitToken(token)
	if (!parts) return null
	const row = getDb()
		.select({
			id: boardTokens.id,
			name: boardTokens.name,
			departmentId: boardTokens.departmentId,
			locale: boardTokens.locale,
			secretHash: boardTokens.secretHash,
			lastUsedAt: boardTokens.lastUsedAt,
			revokedAt: boardTokens.revokedAt,
		})
		.from(boardTokens)
		.where(eq(boardTokens.id, parts.id))
		.get()
	if (!row || row.revokedAt || !secretMatches(parts.secret, row.secretHash)) return null
	const today = utcDay(now)
	if (!row.lastUsedAt || row.lastUsedAt.getTime() < today.getTime()) {
		getDb().update(boardTokens).set({ lastUsedAt: today }).where(eq(boardTokens.id, row.id)).run()
	}
	return { id: row.id, name: row.name, departmentId: row.departmentId, locale: row.locale }
}

/**
 * What the office board shows (decision 056), for its department (and below) or the company:
 * this week's hottest moments, the newest insights (a named author's name, never an anonymous
 * one's), the latest "you said, we did", a moment handled well, and the playbook step of the
 * week. Nothing at all for a group smaller than the minimum.
 */
export function boardView(board: { departmentId: string | null; locale: Locale }, zone: string, now = new Date()) {
	const scope: Scope = board.departmentId ? { departmentIds: subtreeIds(board.departmentId) } : EVERYONE
	const departmentName = board.departmentId
		? (getDb().select({ name: departments.name }).from(departments).where(eq(departments.id, board.departmentId)).get()?.name ?? null)
		: null
	if (!largeEnough(scope)) return { departmentName, tooSmall: true as const }
	const week = cachedWeeklyMoments(scope, now)
	const latest = getDb()
		.select({
			id: insights.id,
			body: insights.body,
			anonymous: insights.anonymous,
			authorName: users.name,
			createdAt: insights.createdAt,
			event: { id: criticalEvents.id, name: criticalEvents.name, names: criticalEvents.names },
		})
		.from(insights)
		.leftJoin(users, eq(users.id, insights.authorId))
		.leftJoin(criticalEvents, eq(criticalEvents.id, insights.eventId))
		.where(
			and(
				isNull(insights.hiddenAt),
				scope.departmentIds ? inArray(insights.departmentId, scope.departmentIds.length ? scope.departmentIds : ['']) : undefined,
			),
		)
		.orderBy(desc(insights.createdAt))
		.limit(BOARD_INSIGHTS)
		.all()
		.map((r) => ({ ...r, authorName: r.anonymous ? null : r.authorName, body: r.body.length > 220 ? `${r.body.slice(0, 220)}…` : r.body }))
	const fixed =
		getDb()
			.select({ id: ideas.id, title: ideas.title, closedAt: ideas.closedAt })
			.from(ideas)
			.where(and(eq(ideas.status, STATUS.implemented), isNull(ideas.hiddenAt)))
			.orderBy(desc(ideas.closedAt))
			.limit(1)
			.get() ?? null
	return {
		departmentName,
		tooSmall: false as const,
		range: week.range,
		hottest: week.hottest ?? [],
		latest,
		fixed,
		story: week.story,
		step: stepOfTheWeek(week.hottest?.map((h) => h.event) ?? [], board.locale, Number(isoWeek(now, zone).slice(-2))),
	}
}

/**
 * One step of a playbook to keep in view all week: from the hottest moment that has a playbook
 * (any moment with one when none is hot), a different step each ISO week.
 */
function stepOfTheWeek(hottest: Array<{ id: string; name: string; names: Partial<Record<Locale, string>> }>, locale: Locale, week: number) {
	const playbooks = currentPlaybooks(locale)
	const eventId =
		hottest.find((e) => playbooks[e.id])?.id ?? Object.keys(playbooks).sort()[week % Math.max(1, Object.keys(playbooks).length)]
	if (!eventId) return null
	const book = playbooks[eventId]!
	const event =
		hottest.find((e) => e.id === eventId) ??
		getDb()
			.select({ id: criticalEvents.id, name: criticalEvents.name, names: criticalEvents.names })
			.from(criticalEvents)
			.where(eq(criticalEvents.id, eventId))
			.get()!
	return { event, step: book.steps[week % book.steps.length]!, number: (week % book.steps.length) + 1, locale: book.locale }
}
