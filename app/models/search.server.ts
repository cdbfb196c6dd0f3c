import { sql, type SQL } from 'drizzle-orm'
import { OPEN_STATUSES, STATUS } from '#app/models/idea.ts'
import { PERIOD_DAYS, type Period } from '#app/models/insight.ts'
import {
	ANONYMOUS_WINDOW,
	makeSnippet,
	queryTerms,
	RANK_WINDOW,
	rankMatches,
	SEARCH_PAGE_SIZE,
	toFtsQuery,
	type SearchKind,
} from '#app/models/search.ts'
import { alikeEnough } from '#app/models/similarity.ts'
import { sqlList, statusIn } from '#app/models/sql.server.ts'
import { getDb } from '#db/index.ts'

export type SearchFilters = { kind?: SearchKind; stageId?: string; eventId?: string; period?: Period }

type Candidate = { rid: number; kind: SearchKind; itemId: string; title: string; body: string }
type Detail = {
	kind: SearchKind
	id: string
	ideaId: string | null
	title: string | null
	status: string | null
	authorName: string | null
	createdAt: number
}

/** The FTS5 query for what was typed, with its terms (the last one a prefix). */
function ftsQuery(text: string, mode: 'all' | 'any', kind?: SearchKind) {
	const terms = queryTerms(text)
	if (!terms.length) return null
	return { match: toFtsQuery(text, mode, kind)!, terms }
}

/**
 * The RANK_WINDOW most recent index entries that match, with their indexed text, and only
 * those that pass `where` (joined as i: the idea, n: the insight, c: the comment, ci: the
 * comment's idea). FTS5 walks its index newest first and stops at the window. Anonymous items
 * sit at random negative rowids, in no order of time (app/models/anonymity.server.ts): up to
 * ANONYMOUS_WINDOW of them that match join the window.
 */
function candidates(match: string, where: SQL) {
	return getDb().all<Candidate>(sql`
		WITH named AS (
			SELECT rowid AS rid, kind, item_id, title, body FROM search WHERE search MATCH ${match} AND rowid > 0
			ORDER BY rowid DESC LIMIT ${RANK_WINDOW}
		), anonymous AS (
			SELECT rowid AS rid, kind, item_id, title, body FROM search WHERE search MATCH ${match} AND rowid < 0
			LIMIT ${ANONYMOUS_WINDOW}
		), hits AS (SELECT * FROM named UNION ALL SELECT * FROM anonymous)
		SELECT s.rid AS rid, s.kind AS kind, s.item_id AS itemId, s.title AS title, s.body AS body
		FROM hits s
		LEFT JOIN ideas i ON s.kind = 'idea' AND i.id = s.item_id
		LEFT JOIN insights n ON s.kind = 'insight' AND n.id = s.item_id
		LEFT JOIN comments c ON s.kind = 'comment' AND c.id = s.item_id
		LEFT JOIN ideas ci ON ci.id = c.idea_id
		WHERE ${where}`)
}

/**
 * Full-text search over ideas, insights and comments, best matches first (BM25F, with the
 * idea title weighing four times the body) among the RANK_WINDOW most recent matches.
 * Hidden items, merged ideas and comments on hidden ideas never appear; anonymous items
 * never carry an author.
 */
export function search(query: string, filters: SearchFilters = {}, page = 1, now = new Date()) {
	const fts = ftsQuery(query, 'all', filters.kind)
	if (!fts) return { rows: [], page: 1, hasMore: false }
	const { match, terms } = fts
	const conditions: SQL[] = [
		sql`(
			(s.kind = 'idea' AND i.hidden_at IS NULL AND i.status <> ${STATUS.merged})
			OR (s.kind = 'insight' AND n.hidden_at IS NULL)
			OR (s.kind = 'comment' AND c.hidden_at IS NULL AND ci.hidden_at IS NULL AND ci.status <> ${STATUS.merged})
		)`,
	]
	if (filters.period) {
		conditions.push(sql`coalesce(i.created_at, n.created_at, c.created_at) >= ${now.getTime() - PERIOD_DAYS[filters.period] * 86_400_000}`)
	}
	const ideaOf = sql`coalesce(i.id, ci.id)`
	if (filters.stageId) {
		conditions.push(
			sql`(n.stage_id = ${filters.stageId} OR EXISTS (SELECT 1 FROM idea_stages st WHERE st.idea_id = ${ideaOf} AND st.stage_id = ${filters.stageId}))`,
		)
	}
	if (filters.eventId) {
		conditions.push(
			sql`(n.event_id = ${filters.eventId} OR EXISTS (SELECT 1 FROM idea_events ev WHERE ev.idea_id = ${ideaOf} AND ev.event_id = ${filters.eventId}))`,
		)
	}
	const offset = (Math.max(1, page) - 1) * SEARCH_PAGE_SIZE
	const ranked = rankMatches(candidates(match, sql.join(conditions, sql` AND `)), terms)
	const shown = ranked.slice(offset, offset + SEARCH_PAGE_SIZE)
	// Titles, statuses and authors for the page's rows only.
	const details = new Map(
		(shown.length
			? getDb().all<Detail>(sql`
				SELECT s.kind AS kind, s.item_id AS id, ci.id AS ideaId,
					coalesce(i.title, ci.title) AS title,
					coalesce(i.status, ci.status) AS status,
					coalesce(iu.name, nu.name, cu.name) AS authorName,
					coalesce(i.created_at, n.created_at, c.created_at) AS createdAt
				FROM search_docs s
				LEFT JOIN ideas i ON s.kind = 'idea' AND i.id = s.item_id
				LEFT JOIN insights n ON s.kind = 'insight' AND n.id = s.item_id
				LEFT JOIN comments c ON s.kind = 'comment' AND c.id = s.item_id
				LEFT JOIN ideas ci ON ci.id = c.idea_id
				LEFT JOIN users iu ON iu.id = i.author_id
				LEFT JOIN users nu ON nu.id = n.author_id
				LEFT JOIN users cu ON cu.id = c.author_id
				WHERE s.id IN (${sqlList(shown.map((r) => r.rid))})`)
			: []
		).map((d) => [`${d.kind}:${d.id}`, d]),
	)
	return {
		rows: shown.flatMap((r) => {
			const d = details.get(`${r.kind}:${r.itemId}`)
			if (!d) return []
			const text = r.kind === 'idea' ? `${r.title}. ${r.body}` : r.body
			return [{ ...d, snippet: makeSnippet(text, terms), createdAt: new Date(d.createdAt) }]
		}),
		page: Math.max(1, page),
		hasMore: ranked.length > offset + SEARCH_PAGE_SIZE,
	}
}

function similarQuery(text: string, kind: 'idea' | 'insight') {
	return text.trim().length < 4 ? null : ftsQuery(text, 'any', kind)
}

/** The best `limit` candidates' ids, as ranked. */
function bestIds({ match, terms }: NonNullable<ReturnType<typeof ftsQuery>>, where: SQL, limit: number) {
	return rankMatches(candidates(match, where), terms)
		.slice(0, limit)
		.map((r) => r.itemId)
}

/**
 * The candidates that tell the same story as `text`, most alike first: the index's matches on
 * any word, kept only above the measured similarity threshold (app/models/similarity.ts), so a
 * stolen-card story is not offered a mortgage one because both say "customer".
 */
function alikeIds(text: string, { match }: NonNullable<ReturnType<typeof ftsQuery>>, where: SQL, limit: number) {
	// A title is compared with titles (what someone types for a new idea), an insight with insights.
	return alikeEnough(text, candidates(match, where), (c) => (c.kind === 'idea' ? c.title : c.body))
		.slice(0, limit)
		.map((s) => s.candidate.itemId)
}

const inOrder = <T extends { id: string }>(ids: string[], rows: T[]) => {
	const byId = new Map(rows.map((r) => [r.id, r]))
	return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Open ideas like the title someone is typing: any word may match. */
export function similarIdeas(text: string, viewerId: string, exceptId?: string, limit = 5) {
	const fts = similarQuery(text, 'idea')
	if (!fts) return []
	const ids = alikeIds(
		text,
		fts,
		sql`i.hidden_at IS NULL AND ${statusIn(sql`i.status`, OPEN_STATUSES)} AND i.id <> ${exceptId ?? ''}`,
		limit,
	)
	if (!ids.length) return []
	const rows = getDb().all<{ id: string; title: string; voteCount: number; status: string; votedByMe: number }>(sql`
		SELECT i.id AS id, i.title AS title, i.vote_count AS voteCount, i.status AS status,
			EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.user_id = ${viewerId}) AS votedByMe
		FROM ideas i WHERE i.id IN (${sqlList(ids)})`)
	return inOrder(ids, rows).map((r) => ({ ...r, votedByMe: Boolean(r.votedByMe) }))
}

/** Ideas that can take a merge (not hidden, not merged, not this one), best match first, up to `limit`. */
export function mergeableIdeaIds(text: string, exceptId: string, limit = 30) {
	const fts = similarQuery(text, 'idea')
	if (!fts) return []
	return bestIds(fts, sql`i.hidden_at IS NULL AND i.status <> ${STATUS.merged} AND i.id <> ${exceptId}`, limit)
}

/** Insights like the one someone is typing. */
export function similarInsights(text: string, exceptId?: string, limit = 5) {
	const fts = similarQuery(text, 'insight')
	if (!fts) return []
	const ids = alikeIds(text, fts, sql`n.hidden_at IS NULL AND n.id <> ${exceptId ?? ''}`, limit)
	if (!ids.length) return []
	const rows = getDb().all<{ id: string; body: string; recurrenceCount: number }>(sql`
		SELECT n.id AS id, n.body AS body, n.recurrence_count AS recurrenceCount
		FROM insights n WHERE n.id IN (${sqlList(ids)})`)
	return inOrder(ids, rows)
}
