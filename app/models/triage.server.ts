import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { audit } from '#app/models/audit.server.ts'
import { type AuditDetail } from '#app/models/audit.ts'
import { subtreeIds } from '#app/models/department.server.ts'
import {
	criteriaOf,
	isDefaultCriterion,
	scoredCount,
	weightedScore,
	type Criterion,
	type DefaultCriterionId,
	type Scores,
} from '#app/models/evaluation.ts'
import {
	canMove,
	CLOSED_STATUSES,
	DECISIONS,
	OPEN_STATUSES,
	QUEUE_PAGE_SIZE,
	REASON_REQUIRED,
	slaDueBefore,
	slaState,
	STATUS,
	trendScore,
	type IdeaStatus,
	type QueueSort,
	type SlaFilter,
} from '#app/models/idea.ts'
import { insightsByIds } from '#app/models/insight.server.ts'
import { notify } from '#app/models/notification.server.ts'
import { type NotificationKind } from '#app/models/notification.ts'
import { promptPlaybookOwners } from '#app/models/playbook.server.ts'
import { mergeableIdeaIds } from '#app/models/search.server.ts'
import { type Actor } from '#app/models/user.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { pageWindow } from '#app/utils/misc.ts'
import { hasPermission, ROLES } from '#app/utils/permissions.ts'
import { getDb, writeTransaction, type Tx } from '#db/index.ts'
import { campaigns, departments, follows, ideaInsights, ideas, ideaUpdates, insights, users, votes } from '#db/schema.ts'

/** A manager acts on ideas of their department subtree or assigned to them; whoever may triage any idea (an admin) on all. */
export function scopeCondition(actor: Actor): SQL | undefined {
	if (hasPermission(actor.role, 'update:triage:any')) return undefined
	const departments = actor.departmentId ? subtreeIds(actor.departmentId) : []
	return or(inArray(ideas.departmentId, departments.length ? departments : ['']), eq(ideas.ownerId, actor.id))
}

export function ideaInScope(ideaId: string, actor: Actor) {
	return Boolean(
		getDb()
			.select({ id: ideas.id })
			.from(ideas)
			.where(and(eq(ideas.id, ideaId), scopeCondition(actor)))
			.get(),
	)
}

/**
 * Who hears about a change to an idea, each person once: its named author, voters,
 * followers and the named authors of its linked insights, minus the person acting.
 * An anonymous author has no row to find; they read the timeline through their receipt.
 */
export function audienceOf(tx: Tx, ideaId: string, exceptUserId: string) {
	const rows = tx.all<{ user_id: string }>(sql`
		SELECT DISTINCT a.user_id FROM (
			SELECT author_id AS user_id FROM ${ideas} WHERE id = ${ideaId} AND author_id IS NOT NULL
			UNION SELECT user_id FROM ${votes} WHERE idea_id = ${ideaId}
			UNION SELECT user_id FROM ${follows} WHERE idea_id = ${ideaId} AND active = 1
			UNION SELECT i.author_id FROM ${ideaInsights} l JOIN ${insights} i ON i.id = l.insight_id
				WHERE l.idea_id = ${ideaId} AND i.author_id IS NOT NULL
		) a JOIN ${users} u ON u.id = a.user_id
		WHERE a.user_id <> ${exceptUserId} AND u.deactivated_at IS NULL`)
	return rows.map((r) => r.user_id)
}

/** Tells everyone who cares, with the why: the public note, and for a status change the status it moved to. */
function tellAudience(
	tx: Tx,
	ideaId: string,
	actorId: string,
	kind: NotificationKind,
	now: Date,
	why: { note: string | null; toStatus?: IdeaStatus },
) {
	notify(
		tx,
		audienceOf(tx, ideaId, actorId).map((userId) => ({ userId, kind, ideaId, actorId, note: why.note, toStatus: why.toStatus ?? null })),
		now,
	)
}

export type StatusChangeResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-allowed' | 'reason-required' }

/**
 * Moves an idea to a new status, if the workflow allows it. The status, the timeline row,
 * the notifications and the audit entry are one transaction.
 */
export function changeStatus(ideaId: string, actor: Actor, to: IdeaStatus, note: string | null, now = new Date()): StatusChangeResult {
	return writeTransaction((tx) => {
		const idea = tx
			.select({ status: ideas.status, firstActionAt: ideas.firstActionAt, decidedAt: ideas.decidedAt })
			.from(ideas)
			.where(eq(ideas.id, ideaId))
			.get()
		if (!idea) return { ok: false, reason: 'not-found' }
		if (!canMove(idea.status, to) || to === STATUS.merged) return { ok: false, reason: 'not-allowed' }
		if (REASON_REQUIRED.includes(to) && !note) return { ok: false, reason: 'reason-required' }
		tx.update(ideas)
			.set({
				status: to,
				firstActionAt: idea.firstActionAt ?? now,
				decidedAt: idea.decidedAt ?? (DECISIONS.includes(to) ? now : null),
				closedAt: CLOSED_STATUSES.includes(to) ? now : null,
			})
			.where(eq(ideas.id, ideaId))
			.run()
		tx.insert(ideaUpdates).values({ ideaId, actorId: actor.id, fromStatus: idea.status, toStatus: to, note, createdAt: now }).run()
		tellAudience(tx, ideaId, actor.id, 'status', now, { note, toStatus: to })
		if (to === STATUS.implemented) promptPlaybookOwners(tx, ideaId, actor.id, now)
		audit(tx, actor.id, 'idea.status', { type: 'idea', id: ideaId }, { status: { from: idea.status, to }, note }, now)
		return { ok: true }
	})
}

/** A public progress update without a status change; it counts as a first response. */
export function postUpdate(ideaId: string, actor: Actor, note: string, now = new Date()) {
	return writeTransaction((tx) => {
		const changed = tx
			.update(ideas)
			.set({ firstActionAt: sql`coalesce(${ideas.firstActionAt}, ${now.getTime()})` })
			.where(eq(ideas.id, ideaId))
			.run().changes
		if (!changed) return false
		tx.insert(ideaUpdates).values({ ideaId, actorId: actor.id, note, createdAt: now }).run()
		tellAudience(tx, ideaId, actor.id, 'update', now, { note })
		audit(tx, actor.id, 'idea.update', { type: 'idea', id: ideaId }, { note }, now)
		return true
	})
}

/** The criteria an idea is scored on: its campaign's, else impact and effort. */
export function ideaCriteria(ideaId: string, db: Tx | ReturnType<typeof getDb> = getDb()) {
	const row = db
		.select({ criteria: campaigns.criteria })
		.from(ideas)
		.leftJoin(campaigns, eq(campaigns.id, ideas.campaignId))
		.where(eq(ideas.id, ideaId))
		.get()
	return criteriaOf(row?.criteria)
}

/**
 * A manager's evaluation: scores per criterion (null clears one; a criterion left out keeps
 * its score) and the owner. The weighted score is kept beside the scores for the queue's sort.
 */
export function evaluate(
	ideaId: string,
	actor: Actor,
	input: { scores?: Record<string, number | null>; ownerId?: string | null },
	now = new Date(),
) {
	return writeTransaction((tx) => {
		const before = tx
			.select({ scores: ideas.scores, ownerId: ideas.ownerId, criteria: campaigns.criteria })
			.from(ideas)
			.leftJoin(campaigns, eq(campaigns.id, ideas.campaignId))
			.where(eq(ideas.id, ideaId))
			.get()
		if (!before) return false
		const criteria = criteriaOf(before.criteria)
		const scores: Scores = { ...before.scores }
		for (const c of criteria) {
			const value = input.scores?.[c.id]
			if (value === null) delete scores[c.id]
			else if (value !== undefined) scores[c.id] = value
		}
		tx.update(ideas)
			.set({
				...(input.scores ? { scores: Object.keys(scores).length ? scores : null, score: weightedScore(criteria, scores) } : {}),
				...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
			})
			.where(eq(ideas.id, ideaId))
			.run()
		// Scores and the owner are the managers' own business: they are no answer to the author,
		// so the SLA clock keeps running (decision 047). The log keeps what changed, from what to what:
		// impact and effort under their own (translated) names, a campaign's criteria as one line.
		const detail: AuditDetail = {}
		const changed = criteria.filter((c) => (before.scores?.[c.id] ?? null) !== (scores[c.id] ?? null))
		for (const c of changed.filter((c) => isDefaultCriterion(c.id))) {
			detail[c.id as DefaultCriterionId] = { from: before.scores?.[c.id] ?? null, to: scores[c.id] ?? null }
		}
		const custom = changed.filter((c) => !isDefaultCriterion(c.id))
		if (custom.length) {
			const line = (s: Scores | null) => custom.map((c) => `${c.name} ${s?.[c.id] ?? '–'}`).join(', ')
			detail.scores = { from: line(before.scores), to: line(scores) }
		}
		if (input.ownerId !== undefined && input.ownerId !== before.ownerId) detail.owner = { from: before.ownerId, to: input.ownerId }
		if (Object.keys(detail).length) audit(tx, actor.id, 'idea.evaluate', { type: 'idea', id: ideaId }, detail, now)
		// A new owner hears that the idea is now theirs (unless they chose it themselves).
		if (detail.owner && input.ownerId && input.ownerId !== actor.id) {
			notify(tx, [{ userId: input.ownerId, kind: 'assigned', ideaId, actorId: actor.id }], now)
		}
		return true
	})
}

/** After a campaign's criteria change, each of its ideas' weighted score follows (null where a new criterion is unscored). */
export function rescoreCampaign(tx: Tx, campaignId: string, criteria: Criterion[] | null) {
	const rows = tx.select({ id: ideas.id, scores: ideas.scores }).from(ideas).where(eq(ideas.campaignId, campaignId)).all()
	const list = criteriaOf(criteria)
	let rescored = 0
	for (const row of rows) {
		if (!row.scores) continue
		tx.update(ideas)
			.set({ score: weightedScore(list, row.scores) })
			.where(eq(ideas.id, row.id))
			.run()
		rescored++
	}
	return rescored
}

const ownerCandidate = and(isNull(users.deactivatedAt), ne(users.role, 'employee'))
const OWNER_SUGGESTIONS = 10

/**
 * People an idea can be assigned to (active managers, leaders and admins) whose name has a
 * word starting with what was typed, or whose e-mail starts with it: the owner field's
 * suggestions. A reference-size company has 1,600 of them, too many for a list on the page.
 */
export function findOwners(query: string, limit = OWNER_SUGGESTIONS) {
	const q = query.trim().toLowerCase().slice(0, 100)
	if (!q) return []
	const like = q.replace(/[\\%_]/g, (c) => `\\${c}`)
	return getDb()
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(
			and(
				ownerCandidate,
				or(
					sql`lower(${users.name}) LIKE ${`${like}%`} ESCAPE '\\'`,
					sql`lower(${users.name}) LIKE ${`% ${like}%`} ESCAPE '\\'`,
					sql`lower(${users.email}) LIKE ${`${like}%`} ESCAPE '\\'`,
				),
			),
		)
		.orderBy(asc(users.name), asc(users.email))
		.limit(limit)
		.all()
}

export type OwnerChoice = { ok: true; ownerId: string | null } | { ok: false; error: 'triage.unknownOwner' | 'triage.ambiguousOwner' }

/**
 * What was typed in an owner field, as a person: empty is "unassigned"; an e-mail or a full
 * name that only one possible owner has picks them. Names are compared without case.
 */
export function resolveOwner(typed: string): OwnerChoice {
	const text = typed.trim().toLowerCase()
	if (!text) return { ok: true, ownerId: null }
	const matches = getDb()
		.select({ id: users.id })
		.from(users)
		.where(and(ownerCandidate, or(sql`lower(${users.email}) = ${text}`, sql`lower(${users.name}) = ${text}`)))
		.limit(2)
		.all()
	if (matches.length === 1) return { ok: true, ownerId: matches[0]!.id }
	return { ok: false, error: matches.length ? 'triage.ambiguousOwner' : 'triage.unknownOwner' }
}

export type QueueFilters = {
	status?: IdeaStatus
	stageId?: string
	eventId?: string
	campaignId?: string
	departmentId?: string
	ownerId?: string
	sla?: SlaFilter
}

const DAY_MS = 86_400_000

/** The triage queue: open ideas in the actor's scope, oldest first, with the SLA clock and evidence. */
export function listQueue(actor: Actor, filters: QueueFilters, sort: QueueSort, page = 1, now = new Date()) {
	const conditions: SQL[] = [isNull(ideas.hiddenAt)]
	const scope = scopeCondition(actor)
	if (scope) conditions.push(scope)
	conditions.push(filters.status ? eq(ideas.status, filters.status) : inArray(ideas.status, OPEN_STATUSES))
	if (filters.stageId)
		conditions.push(sql`EXISTS (SELECT 1 FROM idea_stages s WHERE s.idea_id = ${ideas}.id AND s.stage_id = ${filters.stageId})`)
	if (filters.eventId)
		conditions.push(sql`EXISTS (SELECT 1 FROM idea_events e WHERE e.idea_id = ${ideas}.id AND e.event_id = ${filters.eventId})`)
	if (filters.campaignId) conditions.push(eq(ideas.campaignId, filters.campaignId))
	if (filters.departmentId) conditions.push(inArray(ideas.departmentId, subtreeIds(filters.departmentId)))
	if (filters.ownerId === 'none') conditions.push(isNull(ideas.ownerId))
	else if (filters.ownerId) conditions.push(eq(ideas.ownerId, filters.ownerId))
	const sla = getEnv().SLA_DAYS
	const dueBefore = slaDueBefore(sla, now)
	if (filters.sla === 'answered') conditions.push(isNotNull(ideas.firstActionAt))
	else if (filters.sla === 'overdue') conditions.push(isNull(ideas.firstActionAt), lt(ideas.createdAt, dueBefore))
	else if (filters.sla === 'due') conditions.push(isNull(ideas.firstActionAt), gte(ideas.createdAt, dueBefore))
	const where = and(...conditions)
	const order =
		sort === 'votes'
			? [desc(ideas.voteCount), asc(ideas.createdAt)]
			: sort === 'score'
				? [sql`${ideas.score} IS NULL`, desc(ideas.score), asc(ideas.createdAt)]
				: sort === 'due'
					? [sql`${ideas.firstActionAt} IS NOT NULL`, asc(ideas.createdAt)]
					: [asc(ideas.createdAt)]
	const db = getDb()
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(ideas)
			.where(where)
			.get()?.n ?? 0
	const { pages, page: current, offset } = pageWindow(total, page, QUEUE_PAGE_SIZE)
	const owner = alias(users, 'owner')
	const rows = db
		.select({
			id: ideas.id,
			title: ideas.title,
			status: ideas.status,
			anonymous: ideas.anonymous,
			voteCount: ideas.voteCount,
			scores: ideas.scores,
			score: ideas.score,
			criteria: campaigns.criteria,
			ownerId: ideas.ownerId,
			ownerName: owner.name,
			createdAt: ideas.createdAt,
			firstActionAt: ideas.firstActionAt,
			insightCount: sql<number>`(SELECT count(*) FROM ${ideaInsights} l WHERE l.idea_id = ${ideas}.id)`,
			recurrence: sql<number>`(SELECT coalesce(sum(i.recurrence_count), 0) FROM ${ideaInsights} l JOIN ${insights} i ON i.id = l.insight_id WHERE l.idea_id = ${ideas}.id)`,
			meanEmotion: sql<
				number | null
			>`(SELECT avg(i.emotion) FROM ${ideaInsights} l JOIN ${insights} i ON i.id = l.insight_id WHERE l.idea_id = ${ideas}.id)`,
		})
		.from(ideas)
		.leftJoin(owner, eq(owner.id, ideas.ownerId))
		.leftJoin(campaigns, eq(campaigns.id, ideas.campaignId))
		.where(where)
		.orderBy(...order, asc(ideas.id))
		.limit(QUEUE_PAGE_SIZE)
		.offset(offset)
		.all()
	return {
		rows: rows.map(({ criteria, scores, ...r }) => ({
			...r,
			scored: scoredCount(criteriaOf(criteria), scores),
			criteriaCount: criteriaOf(criteria).length,
			daysWaiting: Math.floor((now.getTime() - r.createdAt.getTime()) / DAY_MS),
			sla: slaState(r, sla, now),
		})),
		total,
		page: current,
		pages,
		slaDays: sla,
	}
}

export function timelineOf(ideaId: string) {
	return getDb()
		.select({
			id: ideaUpdates.id,
			fromStatus: ideaUpdates.fromStatus,
			toStatus: ideaUpdates.toStatus,
			note: ideaUpdates.note,
			createdAt: ideaUpdates.createdAt,
			actorName: users.name,
		})
		.from(ideaUpdates)
		.innerJoin(users, eq(users.id, ideaUpdates.actorId))
		.where(eq(ideaUpdates.ideaId, ideaId))
		.orderBy(asc(ideaUpdates.createdAt), asc(ideaUpdates.id))
		.all()
}

export type MergeResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-allowed' | 'bad-target' }

/**
 * Merges a duplicate into the idea kept. Votes move without double counting (the primary
 * key keeps one vote per person), active followers and evidence move too; the duplicate's
 * comments stay with it and are shown on the idea kept. One transaction.
 */
export function mergeIdea(sourceId: string, targetId: string, actor: Actor, note: string, now = new Date()): MergeResult {
	return writeTransaction((tx) => {
		const source = tx.select({ status: ideas.status, firstActionAt: ideas.firstActionAt }).from(ideas).where(eq(ideas.id, sourceId)).get()
		if (!source) return { ok: false, reason: 'not-found' }
		if (!canMove(source.status, STATUS.merged)) return { ok: false, reason: 'not-allowed' }
		const target = tx
			.select({ createdAt: ideas.createdAt, status: ideas.status, hiddenAt: ideas.hiddenAt })
			.from(ideas)
			.where(eq(ideas.id, targetId))
			.get()
		if (!target || targetId === sourceId || target.status === STATUS.merged || target.hiddenAt) return { ok: false, reason: 'bad-target' }
		// Everyone who cared about the duplicate hears about the merge, before their votes move.
		const audience = audienceOf(tx, sourceId, actor.id)
		tx.run(
			sql`INSERT OR IGNORE INTO ${votes} (idea_id, user_id, created_at) SELECT ${targetId}, user_id, created_at FROM ${votes} WHERE idea_id = ${sourceId}`,
		)
		tx.delete(votes).where(eq(votes.ideaId, sourceId)).run()
		tx.run(
			sql`INSERT OR IGNORE INTO ${follows} (idea_id, user_id, active, created_at) SELECT ${targetId}, user_id, 1, created_at FROM ${follows} WHERE idea_id = ${sourceId} AND active = 1`,
		)
		tx.run(
			sql`INSERT OR IGNORE INTO ${ideaInsights} (idea_id, insight_id) SELECT ${targetId}, insight_id FROM ${ideaInsights} WHERE idea_id = ${sourceId}`,
		)
		const times = tx.select({ at: votes.createdAt }).from(votes).where(eq(votes.ideaId, targetId)).all()
		tx.update(ideas)
			.set({ voteCount: times.length, trendScore: trendScore([target.createdAt, ...times.map((t) => t.at)]) })
			.where(eq(ideas.id, targetId))
			.run()
		tx.update(ideas)
			.set({
				status: STATUS.merged,
				mergedIntoId: targetId,
				voteCount: 0,
				firstActionAt: source.firstActionAt ?? now,
				decidedAt: now,
				closedAt: now,
			})
			.where(eq(ideas.id, sourceId))
			.run()
		tx.insert(ideaUpdates)
			.values({ ideaId: sourceId, actorId: actor.id, fromStatus: source.status, toStatus: STATUS.merged, note, createdAt: now })
			.run()
		notify(
			tx,
			audience.map((userId) => ({
				userId,
				kind: 'status' as const,
				ideaId: sourceId,
				actorId: actor.id,
				note,
				toStatus: STATUS.merged,
			})),
			now,
		)
		audit(tx, actor.id, 'idea.merge', { type: 'idea', id: sourceId }, { into: targetId, note }, now)
		return { ok: true }
	})
}

/** Ideas merged into this one, with their comments, so the conversation stays readable. */
export function mergedInto(targetId: string) {
	return getDb()
		.select({ id: ideas.id, title: ideas.title })
		.from(ideas)
		.where(eq(ideas.mergedIntoId, targetId))
		.orderBy(asc(ideas.createdAt))
		.all()
}

/** "You said, we did": implemented ideas, latest first, with the insights that started them. */
export function listImplemented(limit = 50) {
	const db = getDb()
	const rows = db
		.select({
			id: ideas.id,
			title: ideas.title,
			proposal: ideas.proposal,
			voteCount: ideas.voteCount,
			implementedAt:
				sql<number>`(SELECT max(u.created_at) FROM ${ideaUpdates} u WHERE u.idea_id = ${ideas}.id AND u.to_status = ${STATUS.implemented})`.as(
					'implemented_at',
				),
		})
		.from(ideas)
		.where(and(eq(ideas.status, STATUS.implemented), isNull(ideas.hiddenAt)))
		.orderBy(desc(sql`implemented_at`))
		.limit(limit)
		.all()
	return rows.map((r) => ({ ...r, implementedAt: new Date(r.implementedAt), insights: insightsByIds(linkedInsightIds(r.id)) }))
}

function linkedInsightIds(ideaId: string) {
	return getDb()
		.select({ id: ideaInsights.insightId })
		.from(ideaInsights)
		.where(eq(ideaInsights.ideaId, ideaId))
		.all()
		.map((r) => r.id)
}

const scopedTriagers = ROLES.filter((r) => hasPermission(r, 'update:triage:scope') && !hasPermission(r, 'update:triage:any'))
const anyTriagers = ROLES.filter((r) => hasPermission(r, 'update:triage:any'))

/**
 * Who answers for an idea past its SLA: its owner; with none, the managers whose department
 * is the idea's or above it; with none of those either, whoever may triage any idea.
 */
function answerableFor(tx: Tx, idea: { ownerId: string | null; departmentId: string | null }) {
	const active = (ids: string[]) =>
		ids.length
			? tx
					.select({ id: users.id })
					.from(users)
					.where(and(inArray(users.id, ids), isNull(users.deactivatedAt)))
					.all()
					.map((u) => u.id)
			: []
	const owner = idea.ownerId ? active([idea.ownerId]) : []
	if (owner.length) return owner
	if (idea.departmentId) {
		const managers = tx.all<{ id: string }>(sql`
			WITH RECURSIVE up(id, parent_id) AS (
				SELECT id, parent_id FROM ${departments} WHERE id = ${idea.departmentId}
				UNION SELECT d.id, d.parent_id FROM ${departments} d JOIN up ON d.id = up.parent_id
			)
			SELECT u.id AS id FROM ${users} u JOIN up ON u.department_id = up.id
			WHERE u.deactivated_at IS NULL AND u.role IN (${sql.join(
				scopedTriagers.map((r) => sql`${r}`),
				sql`, `,
			)})`)
		if (managers.length) return managers.map((m) => m.id)
	}
	return tx
		.select({ id: users.id })
		.from(users)
		.where(and(inArray(users.role, anyTriagers), isNull(users.deactivatedAt)))
		.all()
		.map((u) => u.id)
}

/** How many overdue ideas one run reports: a backlog (a first deployment on years of ideas) is worked off a batch a minute. */
export const OVERDUE_BATCH = 500

/**
 * Tells whoever answers for each open idea that passed SLA_DAYS without a first response,
 * once per idea (ideas.sla_notified_at), the oldest first and at most `batch` a run, in one
 * transaction (one disk sync, not one an idea: at reference scale, 38,825 ideas one by one held
 * the server for two minutes). Runs on the server's schedule with the e-mails; safe to run twice
 * or after a crash: each idea is marked in the transaction that notifies. `more` says a batch
 * was full.
 */
export function notifyOverdue(now = new Date(), batch = OVERDUE_BATCH) {
	const dueBefore = slaDueBefore(getEnv().SLA_DAYS, now)
	const late = getDb()
		.select({ id: ideas.id })
		.from(ideas)
		.where(
			and(
				inArray(ideas.status, OPEN_STATUSES),
				isNull(ideas.firstActionAt),
				isNull(ideas.hiddenAt),
				isNull(ideas.slaNotifiedAt),
				lt(ideas.createdAt, dueBefore),
			),
		)
		.orderBy(asc(ideas.createdAt))
		.limit(batch)
		.all()
	let told = 0
	if (late.length)
		writeTransaction((tx) => {
			for (const { id } of late) {
				// Read again inside the lock: a manager may have answered since the list was made.
				const idea = tx
					.select({ ownerId: ideas.ownerId, departmentId: ideas.departmentId })
					.from(ideas)
					.where(and(eq(ideas.id, id), isNull(ideas.firstActionAt), isNull(ideas.slaNotifiedAt)))
					.get()
				if (!idea) continue
				const people = answerableFor(tx, idea)
				notify(
					tx,
					people.map((userId) => ({ userId, kind: 'overdue' as const, ideaId: id })),
					now,
				)
				tx.update(ideas).set({ slaNotifiedAt: now }).where(eq(ideas.id, id)).run()
				told += people.length
			}
		})
	return { ideas: late.length, told, more: late.length === batch }
}

export const MERGE_SUGGESTIONS = 5

/**
 * Ideas this one could be merged into, from the search index: those most like its title and
 * problem, or like `query` when the manager searched; only ideas the manager may act on.
 */
export function mergeCandidates(ideaId: string, actor: Actor, query?: string | null) {
	const db = getDb()
	const idea = db.select({ title: ideas.title, problem: ideas.problem }).from(ideas).where(eq(ideas.id, ideaId)).get()
	if (!idea) return []
	const ranked = mergeableIdeaIds(query?.trim() || `${idea.title} ${idea.problem}`, ideaId)
	if (!ranked.length) return []
	const rows = db
		.select({ id: ideas.id, title: ideas.title, status: ideas.status, voteCount: ideas.voteCount })
		.from(ideas)
		.where(and(inArray(ideas.id, ranked), scopeCondition(actor)))
		.all()
	const byId = new Map(rows.map((r) => [r.id, r]))
	return ranked.flatMap((id) => byId.get(id) ?? []).slice(0, MERGE_SUGGESTIONS)
}
