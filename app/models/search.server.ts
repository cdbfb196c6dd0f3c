import { sql, type SQL } from 'drizzle-orm'
import { getDb } from '#db/index.ts'
import { PERIOD_DAYS, type Period } from './insight.ts'
import { makeSnippet, queryTerms, RANK_WINDOW, SEARCH_PAGE_SIZE, type SearchKind, toFtsQuery } from './search.ts'

export type SearchFilters = { kind?: SearchKind; stageId?: string; eventId?: string; period?: Period }

type Row = {
	kind: SearchKind
	id: string
	rid: number
	ideaId: string | null
	title: string | null
	status: string | null
	authorName: string | null
	createdAt: number
	text: string
}

/**
 * Full-text search over ideas, insights and comments, best matches first (bm25, with the
 * idea title weighing four times the body) among the RANK_WINDOW most recent matches.
 * Hidden items, merged ideas and comments on hidden ideas never appear; anonymous items
 * never carry an author.
 */
export function search(query: string, filters: SearchFilters = {}, page = 1, now = new Date()) {
	const match = toFtsQuery(query, 'all', filters.kind)
	if (!match) return { rows: [], page: 1, hasMore: false }
	const conditions: SQL[] = [
		sql`(
			(s.kind = 'idea' AND i.hidden_at IS NULL AND i.status <> 'merged')
			OR (s.kind = 'insight' AND n.hidden_at IS NULL)
			OR (s.kind = 'comment' AND c.hidden_at IS NULL AND ci.hidden_at IS NULL AND ci.status <> 'merged')
		)`,
	]
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
		WITH hits AS (
			SELECT rowid AS rid, kind, item_id, bm25(search, 0.0, 0.0, 4.0, 1.0) AS score
			FROM search WHERE search MATCH ${match}
			ORDER BY rowid DESC LIMIT ${RANK_WINDOW}
		)
		SELECT s.kind AS kind, s.item_id AS id, s.rid AS rid, ci.id AS ideaId,
			coalesce(i.title, ci.title) AS title,
			coalesce(i.status, ci.status) AS status,
			coalesce(iu.name, nu.name, cu.name) AS authorName,
			${created} AS createdAt,
			coalesce(i.title || '. ' || i.problem || ' ' || i.proposal || ' ' || i.benefit, n.body, c.body) AS text
		FROM hits s
		LEFT JOIN ideas i ON s.kind = 'idea' AND i.id = s.item_id
		LEFT JOIN insights n ON s.kind = 'insight' AND n.id = s.item_id
		LEFT JOIN comments c ON s.kind = 'comment' AND c.id = s.item_id
		LEFT JOIN ideas ci ON ci.id = c.idea_id
		LEFT JOIN users iu ON iu.id = i.author_id
		LEFT JOIN users nu ON nu.id = n.author_id
		LEFT JOIN users cu ON cu.id = c.author_id
		WHERE ${sql.join(conditions, sql` AND `)}
		ORDER BY s.score, s.rid DESC
		LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset}`)
	const pageRows = rows.slice(0, SEARCH_PAGE_SIZE)
	const terms = queryTerms(query)
	return {
		rows: pageRows.map(({ rid: _rid, text, ...r }) => ({ ...r, snippet: makeSnippet(text, terms), createdAt: new Date(r.createdAt) })),
		page: Math.max(1, page),
		hasMore: rows.length > SEARCH_PAGE_SIZE,
	}
}

function similarQuery(text: string, kind: 'idea' | 'insight') {
	return text.trim().length < 4 ? null : toFtsQuery(text, 'any', kind)
}

/** Open ideas like the title someone is typing: any word may match. */
export function similarIdeas(text: string, viewerId: string, exceptId?: string, limit = 5) {
	const match = similarQuery(text, 'idea')
	if (!match) return []
	const rows = getDb().all<{ id: string; title: string; voteCount: number; status: string; votedByMe: number }>(sql`
			SELECT i.id AS id, i.title AS title, i.vote_count AS voteCount, i.status AS status,
				EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.user_id = ${viewerId}) AS votedByMe
			FROM (SELECT rowid, item_id, bm25(search, 0.0, 0.0, 4.0, 1.0) AS score FROM search
				WHERE search MATCH ${match} ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) s
			JOIN ideas i ON i.id = s.item_id
			WHERE i.hidden_at IS NULL
				AND i.status IN ('submitted', 'in_review', 'accepted', 'in_progress') AND i.id <> ${exceptId ?? ''}
			ORDER BY s.score LIMIT ${limit}`)
	return rows.map((r) => ({ ...r, votedByMe: Boolean(r.votedByMe) }))
}

/** Insights like the one someone is typing. */
export function similarInsights(text: string, exceptId?: string, limit = 5) {
	const match = similarQuery(text, 'insight')
	if (!match) return []
	return getDb().all<{ id: string; body: string; recurrenceCount: number }>(sql`
		SELECT n.id AS id, n.body AS body, n.recurrence_count AS recurrenceCount
		FROM (SELECT rowid, item_id, bm25(search, 0.0, 0.0, 4.0, 1.0) AS score FROM search
			WHERE search MATCH ${match} ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) s
		JOIN insights n ON n.id = s.item_id
		WHERE n.hidden_at IS NULL AND n.id <> ${exceptId ?? ''}
		ORDER BY s.score LIMIT ${limit}`)
}
