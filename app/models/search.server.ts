import { sql, type SQL } from 'drizzle-orm'
import { getDb } from '#db/index.ts'
import { PERIOD_DAYS, type Period } from './insight.ts'
import { MARK_END, MARK_START, SEARCH_PAGE_SIZE, type SearchKind, toFtsQuery } from './search.ts'

export type SearchFilters = { kind?: SearchKind; stageId?: string; eventId?: string; period?: Period }

type Row = {
	kind: SearchKind
	id: string
	ideaId: string | null
	title: string | null
	snippet: string
	status: string | null
	authorName: string | null
	createdAt: number
}

/**
 * Full-text search over ideas, insights and comments, best matches first (bm25, with the
 * idea title weighing four times the body). Hidden items, merged ideas and comments on
 * hidden ideas never appear; anonymous items never carry an author.
 */
export function search(query: string, filters: SearchFilters = {}, page = 1, now = new Date()) {
	const match = toFtsQuery(query)
	if (!match) return { rows: [], page: 1, hasMore: false }
	const conditions: SQL[] = [sql`search MATCH ${match}`]
	if (filters.kind) conditions.push(sql`s.kind = ${filters.kind}`)
	const created = sql`coalesce(i.created_at, n.created_at, c.created_at)`
	if (filters.period) conditions.push(sql`${created} >= ${now.getTime() - PERIOD_DAYS[filters.period] * 86_400_000}`)
	const ideaOf = sql`coalesce(i.id, ci.id)`
	if (filters.stageId) {
		conditions.push(sql`(n.stage_id = ${filters.stageId} OR EXISTS (SELECT 1 FROM idea_stages st WHERE st.idea_id = ${ideaOf} AND st.stage_id = ${filters.stageId}))`)
	}
	if (filters.eventId) {
		conditions.push(sql`(n.event_id = ${filters.eventId} OR EXISTS (SELECT 1 FROM idea_events ev WHERE ev.idea_id = ${ideaOf} AND ev.event_id = ${filters.eventId}))`)
	}
	const offset = (Math.max(1, page) - 1) * SEARCH_PAGE_SIZE
	const rows = getDb().all<Row>(sql`
		SELECT s.kind AS kind, s.item_id AS id, ci.id AS ideaId,
			coalesce(i.title, ci.title) AS title,
			snippet(search, -1, ${MARK_START}, ${MARK_END}, '…', 16) AS snippet,
			coalesce(i.status, ci.status) AS status,
			coalesce(iu.name, nu.name, cu.name) AS authorName,
			${created} AS createdAt
		FROM search s
		LEFT JOIN ideas i ON s.kind = 'idea' AND i.id = s.item_id
		LEFT JOIN insights n ON s.kind = 'insight' AND n.id = s.item_id
		LEFT JOIN comments c ON s.kind = 'comment' AND c.id = s.item_id
		LEFT JOIN ideas ci ON ci.id = c.idea_id
		LEFT JOIN users iu ON iu.id = i.author_id
		LEFT JOIN users nu ON nu.id = n.author_id
		LEFT JOIN users cu ON cu.id = c.author_id
		WHERE ${sql.join(conditions, sql` AND `)}
			AND (
				(s.kind = 'idea' AND i.hidden_at IS NULL AND i.status <> 'merged')
				OR (s.kind = 'insight' AND n.hidden_at IS NULL)
				OR (s.kind = 'comment' AND c.hidden_at IS NULL AND ci.hidden_at IS NULL AND ci.status <> 'merged')
			)
		ORDER BY bm25(search, 0.0, 0.0, 4.0, 1.0), s.rowid
		LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset}`)
	return {
		rows: rows.slice(0, SEARCH_PAGE_SIZE).map((r) => ({ ...r, createdAt: new Date(r.createdAt) })),
		page: Math.max(1, page),
		hasMore: rows.length > SEARCH_PAGE_SIZE,
	}
}

function similarQuery(text: string) {
	return text.trim().length < 4 ? null : toFtsQuery(text, 'any')
}

/** Open ideas like the title someone is typing: any word may match. */
export function similarIdeas(text: string, viewerId: string, exceptId?: string, limit = 5) {
	const match = similarQuery(text)
	if (!match) return []
	const rows = getDb().all<{ id: string; title: string; voteCount: number; status: string; votedByMe: number }>(sql`
			SELECT i.id AS id, i.title AS title, i.vote_count AS voteCount, i.status AS status,
				EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.user_id = ${viewerId}) AS votedByMe
			FROM search s JOIN ideas i ON i.id = s.item_id
			WHERE search MATCH ${match} AND s.kind = 'idea' AND i.hidden_at IS NULL
				AND i.status IN ('submitted', 'in_review', 'accepted', 'in_progress') AND i.id <> ${exceptId ?? ''}
			ORDER BY bm25(search, 0.0, 0.0, 4.0, 1.0) LIMIT ${limit}`)
	return rows.map((r) => ({ ...r, votedByMe: Boolean(r.votedByMe) }))
}

/** Insights like the one someone is typing. */
export function similarInsights(text: string, exceptId?: string, limit = 5) {
	const match = similarQuery(text)
	if (!match) return []
	return getDb().all<{ id: string; body: string; recurrenceCount: number }>(sql`
		SELECT n.id AS id, n.body AS body, n.recurrence_count AS recurrenceCount
		FROM search s JOIN insights n ON n.id = s.item_id
		WHERE search MATCH ${match} AND s.kind = 'insight' AND n.hidden_at IS NULL AND n.id <> ${exceptId ?? ''}
		ORDER BY bm25(search) LIMIT ${limit}`)
}
