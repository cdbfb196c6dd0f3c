import type Database from 'better-sqlite3'

/**
 * Stored counters that differ from the rows they count, by counter: all zero when nothing
 * drifted. Used after crashes, backups and benchmarks.
 */
export function counterDrift(db: Database.Database) {
	const n = (sql: string) => db.prepare<[], number>(sql).pluck().get()!
	return {
		ideaVotes: n('SELECT count(*) FROM ideas i WHERE vote_count <> (SELECT count(*) FROM votes v WHERE v.idea_id = i.id)'),
		ideaComments: n(
			'SELECT count(*) FROM ideas i WHERE comment_count <> (SELECT count(*) FROM comments c WHERE c.idea_id = i.id AND c.hidden_at IS NULL)',
		),
		insightRecurrences: n(
			'SELECT count(*) FROM insights i WHERE recurrence_count <> (SELECT count(*) FROM insight_recurrences r WHERE r.insight_id = i.id)',
		),
	}
}
