import { and, eq, lt, or, type SQL } from 'drizzle-orm'
import { type SQLiteColumn } from 'drizzle-orm/sqlite-core'

// Keyset paging over rows in (created_at, id) order, newest first: the cursor is the
// created_at and id of the last row shown, as "ms.id".

export function encodeTimeCursor(createdAt: Date, id: string) {
	return `${createdAt.getTime()}.${id}`
}

/** The cursor's parts, or null for anything that is not one (ignored, not refused). */
export function decodeTimeCursor(cursor: string | null | undefined) {
	const match = /^(\d{1,15})\.([\w-]{1,64})$/.exec(cursor ?? '')
	return match ? { createdAt: new Date(Number(match[1])), id: match[2]! } : null
}

/** Rows strictly before the cursor in (created_at, id) order. */
export function beforeCursor(createdAt: SQLiteColumn, id: SQLiteColumn, cursor: { createdAt: Date; id: string }): SQL {
	return or(lt(createdAt, cursor.createdAt), and(eq(createdAt, cursor.createdAt), lt(id, cursor.id)))!
}
