import crypto from 'node:crypto'
import { getTableName, type InferInsertModel } from 'drizzle-orm'
import { type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { getEnv } from '#app/utils/env.server.ts'
import { startOfDay } from '#app/utils/time.ts'
import { getDb, type Tx } from '#db/index.ts'

// What an anonymous submission leaves in the database file, and why it cannot be lined up with
// its author: docs/decisions/001-anonymity-against-a-database-reader.md.

/** The only time kept of an anonymous item (and of rows written with it): its day, in TIME_ZONE. */
export function anonymousTime(now: Date) {
	return startOfDay(now, getEnv().TIME_ZONE)
}

/**
 * A rowid that says nothing of when its row was written: random and negative. SQLite gives an
 * ordinary row max(rowid) + 1, so a negative one neither sits among the rows written around it
 * nor moves the rowids given after it. Between -2^52 and -1: exact as a JavaScript number.
 */
export function unorderedRowid() {
	return -1 - Number(crypto.randomBytes(8).readBigUInt64BE() & 0xfffffffffffffn)
}

/** Inserts a row, at an unordered rowid when it belongs to an anonymous item. */
export function insertRow<T extends SQLiteTable>(tx: Tx, table: T, values: InferInsertModel<T>, unordered: boolean) {
	// The builder's types cannot follow a generic table; the values are the table's own insert model.
	if (!unordered)
		tx.insert(table)
			.values(values as never)
			.run()
	else insertUnordered(tx, table, values)
}

/**
 * Inserts a row at an unordered rowid (see above). drizzle cannot name the rowid, so its own
 * statement for the row gets the rowid as one more column, run on the same connection (and so
 * inside the caller's transaction).
 */
export function insertUnordered<T extends SQLiteTable>(tx: Tx, table: T, values: InferInsertModel<T>) {
	// The builder's types cannot follow a generic table; the values are the table's own insert model.
	const query = tx
		.insert(table)
		.values(values as never)
		.toSQL()
	const prefix = `insert into "${getTableName(table)}" (`
	if (!query.sql.startsWith(prefix) || !query.sql.includes(') values (')) throw new Error(`Unexpected insert: ${query.sql}`)
	const statement = query.sql.replace(prefix, `${prefix}"rowid", `).replace(') values (', ') values (?, ')
	getDb()
		.$client.prepare(statement)
		.run(unorderedRowid(), ...(query.params as unknown[]))
}
