import { sql, type SQLWrapper } from 'drizzle-orm'
import { type IdeaStatus } from '#app/models/idea.ts'

/** Values as an SQL list of bound parameters, for `IN (…)`. */
export function sqlList(values: ReadonlyArray<string | number>) {
	return sql.join(
		values.map((v) => sql`${v}`),
		sql`, `,
	)
}

/** `column IN (…)` for a named set of statuses from models/idea.ts: queries never spell a status. */
export function statusIn(column: SQLWrapper, statuses: readonly IdeaStatus[]) {
	return sql`${column} IN (${sqlList(statuses)})`
}
