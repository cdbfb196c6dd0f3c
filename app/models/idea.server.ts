import crypto from 'node:crypto'
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm'
import { markActive } from '#app/models/activity.server.ts'
import { anonymousTime, insertRow, insertUnordered } from '#app/models/anonymity.server.ts'
import { NO_EVENT } from '#app/models/dashboard.ts'
import { anonymousGroup, subtreeIds } from '#app/models/department.server.ts'
import {
	addToTrend,
	CLOSED_STATUSES,
	FEED_PAGE_SIZE,
	STATUS,
	trendScore,
	UNDECIDED_STATUSES,
	type FeedSort,
	type IdeaStatus,
} from '#app/models/idea.ts'
import { insightsByIds } from '#app/models/insight.server.ts'
import { PERIOD_DAYS, type Period } from '#app/models/insight.ts'
import { createReceipt } from '#app/models/receipt.server.ts'
import { statusIn } from '#app/models/sql.server.ts'
import { type LocalizedEntry } from '#app/models/taxonomy.ts'
import { emptyWal, getDb, writeTransaction, type Tx } from '#db/index.ts'
import {
	campaigns,
	criticalEvents,
	departments,
	follows,
	ideaEvents,
	ideaInsights,
	ideas,
	ideaStages,
	insights,
	journeyStages,
	users,
	votes,
} from '#db/schema.ts'

type Author = { id: string; departmentId: string | null }
export type IdeaInput = {
	title: string
	problem: string
	proposal: string
	benefit: string
	stageIds: string[]
	eventIds: string[]
	insightIds: string[]
	campaignId: string | null
}

function writeLinks(tx: Tx, ideaId: string, input: IdeaInput, unordered = false) {
	tx.delete(ideaStages).where(eq(ideaStages.ideaId, ideaId)).run()
	tx.delete(ideaEvents).where(eq(ideaEvents.ideaId, ideaId)).run()
	tx.delete(ideaInsights).where(eq(ideaInsights.ideaId, ideaId)).run()
	const unique = (list: string[]) => [...new Set(list)]
	for (const stageId of unique(input.stageIds)) insertRow(tx, ideaStages, { ideaId, stageId }, unordered)
	for (const eventId of unique(input.eventIds)) insertRow(tx, ideaEvents, { ideaId, eventId }, unordered)
	for (const insightId of unique(input.insightIds)) insertRow(tx, ideaInsights, { ideaId, insightId }, unordered)
}

/** Follows unless the person once unfollowed: an explicit unfollow is respected. */
function autoFollow(tx: Tx, ideaId: string, userId: string, now: Date) {
	tx.insert(follows).values({ ideaId, userId, createdAt: now }).onConflictDoNothing().run()
}

/**
 * Saves an idea. An anonymous one gets no author, its author's department coarsened, its day as
 * its only time (the trend score too), unordered rowids for it and its links, no activity mark and
 * no follow (its author follows through the receipt).
 */
export function createIdea(author: Author, input: IdeaInput & { anonymous: boolean }, now = new Date()) {
	const { anonymous, ...links } = input
	const fields = {
		title: input.title,
		problem: input.problem,
		proposal: input.proposal,
		benefit: input.benefit,
		campaignId: input.campaignId,
	}
	if (anonymous) {
		const id = crypto.randomUUID()
		const at = anonymousTime(now)
		const created = writeTransaction((tx) => {
			const row = {
				...fields,
				id,
				authorId: null,
				anonymous,
				departmentId: anonymousGroup(author.departmentId),
				trendScore: trendScore([at]),
				createdAt: at,
			}
			insertUnordered(tx, ideas, row)
			writeLinks(tx, id, links, true)
			return { id, receipt: createReceipt(tx, { ideaId: id }) }
		})
		emptyWal()
		return created
	}
	return writeTransaction((tx) => {
		const row = tx
			.insert(ideas)
			.values({
				...fields,
				authorId: author.id,
				anonymous,
				departmentId: author.departmentId,
				trendScore: trendScore([now]),
				createdAt: now,
			})
			.returning({ id: ideas.id })
			.get()
		writeLinks(tx, row.id, links)
		markActive(tx, author.id, now)
		autoFollow(tx, row.id, author.id, now)
		return { id: row.id, receipt: null as string | null }
	})
}

/** The author edits until a manager first acts; false when that moment has passed. */
export function updateIdea(ideaId: string, authorId: string, input: IdeaInput, now = new Date()) {
	return writeTransaction((tx) => {
		const changed = tx
			.update(ideas)
			.set({
				title: input.title,
				problem: input.problem,
				proposal: input.proposal,
				benefit: input.benefit,
				campaignId: input.campaignId,
				updatedAt: now,
			})
			.where(
				and(eq(ideas.id, ideaId), eq(ideas.authorId, authorId), sql`${ideas.firstActionAt} IS NULL`, eq(ideas.status, STATUS.submitted)),
			)
			.run().changes
		if (!changed) return false
		writeLinks(tx, ideaId, input)
		return true
	})
}

export function canEdit(idea: { isMine: boolean; firstActionAt: Date | null; status: IdeaStatus }) {
	return idea.isMine && !idea.firstActionAt && idea.status === STATUS.submitted
}

function tagsFor(ideaIds: string[]) {
	if (!ideaIds.length) return { stages: new Map(), events: new Map() }
	const db = getDb()
	const stageRows = db
		.select({ ideaId: ideaStages.ideaId, id: journeyStages.id, name: journeyStages.name, names: journeyStages.names })
		.from(ideaStages)
		.innerJoin(journeyStages, eq(journeyStages.id, ideaStages.stageId))
		.where(inArray(ideaStages.ideaId, ideaIds))
		.orderBy(asc(journeyStages.position))
		.all()
	const eventRows = db
		.select({ ideaId: ideaEvents.ideaId, id: criticalEvents.id, name: criticalEvents.name, names: criticalEvents.names })
		.from(ideaEvents)
		.innerJoin(criticalEvents, eq(criticalEvents.id, ideaEvents.eventId))
		.where(inArray(ideaEvents.ideaId, ideaIds))
		.orderBy(asc(criticalEvents.name))
		.all()
	type Tag = LocalizedEntry
	const group = (rows: Array<Tag & { ideaId: string }>) => {
		const map = new Map<string, Tag[]>()
		for (const { ideaId, ...tag } of rows) map.set(ideaId, [...(map.get(ideaId) ?? []), tag])
		return map
	}
	return { stages: group(stageRows), events: group(eventRows) }
}

const textColumns = {
	id: ideas.id,
	title: ideas.title,
	problem: ideas.problem,
	proposal: ideas.proposal,
	benefit: ideas.benefit,
	status: ideas.status,
}

// Outer columns in these subqueries are written table-qualified ("ideas".id): drizzle drops
// the table name from select-list expressions when a query has no join, and a bare "id"
// would then bind to the subquery's own table.
const votedBy = (viewerId: string) =>
	sql<number>`EXISTS (SELECT 1 FROM ${votes} v WHERE v.idea_id = ${ideas}.id AND v.user_id = ${viewerId})`

export function getIdea(id: string, viewerId: string) {
	const db = getDb()
	const row = db
		.select({
			...textColumns,
			anonymous: ideas.anonymous,
			authorName: users.name,
			departmentName: departments.name,
			voteCount: ideas.voteCount,
			commentCount: ideas.commentCount,
			firstActionAt: ideas.firstActionAt,
			scores: ideas.scores,
			score: ideas.score,
			criteria: campaigns.criteria,
			ownerId: ideas.ownerId,
			mergedIntoId: ideas.mergedIntoId,
			hiddenAt: ideas.hiddenAt,
			hiddenReason: ideas.hiddenReason,
			createdAt: ideas.createdAt,
			updatedAt: ideas.updatedAt,
			campaign: { id: campaigns.id, title: campaigns.title },
			isMine: sql<number>`${ideas.authorId} IS NOT NULL AND ${ideas.authorId} = ${viewerId}`,
			votedByMe: votedBy(viewerId),
			following: sql<number>`EXISTS (SELECT 1 FROM ${follows} f WHERE f.idea_id = ${ideas}.id AND f.user_id = ${viewerId} AND f.active = 1)`,
		})
		.from(ideas)
		.leftJoin(users, eq(users.id, ideas.authorId))
		.leftJoin(departments, eq(departments.id, ideas.departmentId))
		.leftJoin(campaigns, eq(campaigns.id, ideas.campaignId))
		.where(eq(ideas.id, id))
		.get()
	if (!row) return null
	const tags = tagsFor([id])
	const insightIds = db
		.select({ id: ideaInsights.insightId })
		.from(ideaInsights)
		.where(eq(ideaInsights.ideaId, id))
		.all()
		.map((r) => r.id)
	return {
		...row,
		isMine: Boolean(row.isMine),
		votedByMe: Boolean(row.votedByMe),
		following: Boolean(row.following),
		stages: tags.stages.get(id) ?? [],
		events: tags.events.get(id) ?? [],
		insights: insightsByIds(insightIds),
	}
}

/** The form values of an idea, for its author's edit page. */
export function getIdeaForEdit(id: string) {
	const db = getDb()
	const row = db
		.select({
			...textColumns,
			campaignId: ideas.campaignId,
			authorId: ideas.authorId,
			firstActionAt: ideas.firstActionAt,
		})
		.from(ideas)
		.where(eq(ideas.id, id))
		.get()
	if (!row) return null
	const pick = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id)
	return {
		...row,
		stageIds: pick(db.select({ id: ideaStages.stageId }).from(ideaStages).where(eq(ideaStages.ideaId, id)).all()),
		eventIds: pick(db.select({ id: ideaEvents.eventId }).from(ideaEvents).where(eq(ideaEvents.ideaId, id)).all()),
		insightIds: pick(db.select({ id: ideaInsights.insightId }).from(ideaInsights).where(eq(ideaInsights.ideaId, id)).all()),
	}
}

/** Whether an idea exists and is hidden by a moderator (then it takes no write but moderation). */
export function ideaState(id: string) {
	const row = getDb().select({ hiddenAt: ideas.hiddenAt }).from(ideas).where(eq(ideas.id, id)).get()
	return row ? { hidden: row.hiddenAt !== null } : null
}

/**
 * One vote per person per idea (the primary key refuses a second). The stored count and
 * trend move only when a row really changed, in the same transaction, so they cannot drift.
 * Null, and nothing stored, for an idea that does not exist or is hidden; 'closed' for one
 * that is implemented, declined or merged.
 */
export function setVote(ideaId: string, userId: string, vote: boolean, now = new Date()) {
	return writeTransaction((tx) => {
		const idea = tx
			.select({ createdAt: ideas.createdAt, trendScore: ideas.trendScore, status: ideas.status })
			.from(ideas)
			.where(and(eq(ideas.id, ideaId), isNull(ideas.hiddenAt)))
			.get()
		if (!idea) return null
		// A decided idea's count is part of its record: it neither gains nor loses votes.
		if (CLOSED_STATUSES.includes(idea.status)) return 'closed' as const
		const changes = vote
			? tx.insert(votes).values({ ideaId, userId, createdAt: now }).onConflictDoNothing().run().changes
			: tx
					.delete(votes)
					.where(and(eq(votes.ideaId, ideaId), eq(votes.userId, userId)))
					.run().changes
		if (changes > 0) {
			// A new vote adds one term to the score; a withdrawal recomputes it from the votes
			// left (subtracting a term is not numerically safe).
			const score = vote
				? addToTrend(idea.trendScore, now)
				: trendScore([
						idea.createdAt,
						...tx
							.select({ at: votes.createdAt })
							.from(votes)
							.where(eq(votes.ideaId, ideaId))
							.all()
							.map((t) => t.at),
					])
			tx.update(ideas)
				.set({
					voteCount: sql`${ideas.voteCount} + ${vote ? 1 : -1}`,
					trendScore: score,
				})
				.where(eq(ideas.id, ideaId))
				.run()
			if (vote) {
				autoFollow(tx, ideaId, userId, now)
				markActive(tx, userId, now)
			}
		}
		return tx.select({ voteCount: ideas.voteCount }).from(ideas).where(eq(ideas.id, ideaId)).get()!.voteCount
	})
}

/** Whether an idea exists and is not hidden: a hidden idea takes no write but moderation. */
export function takesWrites(tx: Tx, ideaId: string) {
	return Boolean(
		tx
			.select({ id: ideas.id })
			.from(ideas)
			.where(and(eq(ideas.id, ideaId), isNull(ideas.hiddenAt)))
			.get(),
	)
}

/** False, and nothing stored, for an idea that does not exist or is hidden. */
export function setFollow(ideaId: string, userId: string, follow: boolean, now = new Date()) {
	return writeTransaction((tx) => {
		if (!takesWrites(tx, ideaId)) return false
		tx.insert(follows)
			.values({ ideaId, userId, active: follow, createdAt: now })
			.onConflictDoUpdate({ target: [follows.ideaId, follows.userId], set: { active: follow } })
			.run()
		return true
	})
}

export type FeedFilters = {
	stageId?: string
	eventId?: string
	channelId?: string
	departmentId?: string
	period?: Period
	status?: IdeaStatus
	campaignId?: string
	createdBefore?: Date
	/** The viewer's own (named) ideas, the ideas they voted for, or follow. */
	mine?: boolean
	voted?: boolean
	following?: boolean
}

type Cursor = { key: number; created: number; id: string }

function encodeCursor(c: Cursor) {
	return Buffer.from(JSON.stringify([c.key, c.created, c.id])).toString('base64url')
}

function decodeCursor(value: string | null | undefined): Cursor | null {
	if (!value) return null
	try {
		const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString())
		if (!Array.isArray(parsed) || parsed.length !== 3) return null
		const [key, created, id] = parsed as unknown[]
		if (typeof key !== 'number' || typeof created !== 'number' || typeof id !== 'string') return null
		return { key, created, id }
	} catch {
		return null
	}
}

export function listFeed({
	sort,
	filters,
	viewerId,
	cursor,
	now = new Date(),
	pageSize = FEED_PAGE_SIZE,
}: {
	sort: FeedSort
	filters: FeedFilters
	viewerId: string
	cursor?: string | null
	now?: Date
	pageSize?: number
}) {
	// Hidden ideas leave every list; merged ones live on in the idea kept.
	const conditions: SQL[] = [isNull(ideas.hiddenAt)]
	if (filters.status !== STATUS.merged) conditions.push(ne(ideas.status, STATUS.merged))
	if (filters.stageId) {
		conditions.push(sql`EXISTS (SELECT 1 FROM ${ideaStages} s WHERE s.idea_id = ${ideas}.id AND s.stage_id = ${filters.stageId})`)
	}
	if (filters.eventId === NO_EVENT) {
		conditions.push(sql`NOT EXISTS (SELECT 1 FROM ${ideaEvents} e WHERE e.idea_id = ${ideas}.id)`)
	} else if (filters.eventId) {
		conditions.push(sql`EXISTS (SELECT 1 FROM ${ideaEvents} e WHERE e.idea_id = ${ideas}.id AND e.event_id = ${filters.eventId})`)
	}
	if (filters.channelId) {
		conditions.push(
			sql`EXISTS (SELECT 1 FROM ${ideaInsights} l JOIN ${insights} i ON i.id = l.insight_id WHERE l.idea_id = ${ideas}.id AND i.channel_id = ${filters.channelId})`,
		)
	}
	if (filters.departmentId) conditions.push(inArray(ideas.departmentId, subtreeIds(filters.departmentId)))
	if (filters.period) conditions.push(gte(ideas.createdAt, new Date(now.getTime() - PERIOD_DAYS[filters.period] * 86_400_000)))
	if (filters.status) conditions.push(eq(ideas.status, filters.status))
	if (filters.campaignId) conditions.push(eq(ideas.campaignId, filters.campaignId))
	if (filters.createdBefore) conditions.push(lt(ideas.createdAt, filters.createdBefore))
	if (filters.mine) conditions.push(eq(ideas.authorId, viewerId))
	if (filters.voted || sort === 'unvoted') {
		const voted = sql`EXISTS (SELECT 1 FROM ${votes} v WHERE v.idea_id = ${ideas}.id AND v.user_id = ${viewerId})`
		conditions.push(filters.voted ? voted : sql`NOT ${voted}`)
	}
	if (filters.following) {
		conditions.push(sql`EXISTS (SELECT 1 FROM ${follows} f WHERE f.idea_id = ${ideas}.id AND f.user_id = ${viewerId} AND f.active = 1)`)
	}
	if (sort === 'unvoted') conditions.push(inArray(ideas.status, UNDECIDED_STATUSES))

	// Keyset pagination: (sort key, created_at, id) strictly after the last card shown.
	const keyColumn: SQL<number> =
		sort === 'trending' ? sql`${ideas.trendScore}` : sort === 'top' ? sql`${ideas.voteCount}` : sql`${ideas.createdAt}`
	const after = decodeCursor(cursor)
	if (after) {
		const created = new Date(after.created)
		conditions.push(
			or(
				lt(keyColumn, after.key),
				and(eq(keyColumn, after.key), lt(ideas.createdAt, created)),
				and(eq(keyColumn, after.key), eq(ideas.createdAt, created), lt(ideas.id, after.id)),
			)!,
		)
	}
	const rows = getDb()
		.select({
			id: ideas.id,
			title: ideas.title,
			status: ideas.status,
			anonymous: ideas.anonymous,
			authorName: users.name,
			voteCount: ideas.voteCount,
			commentCount: ideas.commentCount,
			createdAt: ideas.createdAt,
			key: sql<number>`${keyColumn}`,
			votedByMe: votedBy(viewerId),
		})
		.from(ideas)
		.leftJoin(users, eq(users.id, ideas.authorId))
		.where(and(...conditions))
		.orderBy(desc(keyColumn), desc(ideas.createdAt), desc(ideas.id))
		.limit(pageSize + 1)
		.all()
	const page = rows.slice(0, pageSize)
	const tags = tagsFor(page.map((r) => r.id))
	const last = page.at(-1)
	return {
		ideas: page.map(({ key: _key, ...r }) => ({
			...r,
			votedByMe: Boolean(r.votedByMe),
			stages: tags.stages.get(r.id) ?? [],
			events: tags.events.get(r.id) ?? [],
		})),
		nextCursor:
			rows.length > pageSize && last ? encodeCursor({ key: Number(last.key), created: last.createdAt.getTime(), id: last.id }) : null,
	}
}

/** Counting stops here: the home page says "99+" rather than scan every open idea. */
export const UNVOTED_CAP = 100

/** Open ideas (submitted or in review) this person has not voted on yet, up to UNVOTED_CAP. */
export function countUnvoted(viewerId: string) {
	const row = getDb().get<{ n: number }>(sql`
		SELECT count(*) AS n FROM (
			SELECT 1 FROM ${ideas}
			WHERE ${statusIn(ideas.status, UNDECIDED_STATUSES)} AND ${ideas.hiddenAt} IS NULL
				AND NOT EXISTS (SELECT 1 FROM ${votes} v WHERE v.idea_id = ${ideas}.id AND v.user_id = ${viewerId})
			LIMIT ${UNVOTED_CAP}
		)`)
	return row?.n ?? 0
}
