import { sql, type SQLWrapper } from 'drizzle-orm'
import { type IdeaStatus } from './idea.ts'

/** `column IN (…)` for a named set of statuses from models/idea.ts: queries never spell a status. */
export function statusIn(column: SQLWrapper, statuses: readonly IdeaStatus[]) {
	return sql`${column} IN (${sql.join(
		statuses.map((s) => sql`${s}`),
		sql`, `,
	)})`
}
