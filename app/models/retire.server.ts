import { SqliteError } from 'better-sqlite3'
import { eq, type SQL } from 'drizzle-orm'
import { type Tx } from '#db/index.ts'
import { type channels, type criticalEvents, type departments, type journeyStages } from '#db/schema.ts'

type Retirable = typeof departments | typeof journeyStages | typeof criticalEvents | typeof channels

export type RemoveOutcome = 'deleted' | 'retired' | 'not-found'

/**
 * Deletes an entry nothing refers to; one still referred to (any foreign key, in any
 * table, now or added later) is retired instead, so old items keep their label.
 */
export function deleteOrRetire(tx: Tx, table: Retirable, id: string): RemoveOutcome {
	const byId: SQL = eq(table.id, id)
	try {
		// A refused statement is undone on its own; the transaction around it goes on.
		const result = tx.delete(table).where(byId).run()
		return result.changes > 0 ? 'deleted' : 'not-found'
	} catch (error) {
		if (!(error instanceof SqliteError) || error.code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error
		return tx.update(table).set({ retiredAt: new Date() }).where(byId).run().changes > 0 ? 'retired' : 'not-found'
	}
}

export function restore(tx: Tx, table: Retirable, id: string) {
	return tx.update(table).set({ retiredAt: null }).where(eq(table.id, id)).run().changes > 0
}
