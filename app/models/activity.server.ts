import { getEnv } from '#app/utils/env.server.ts'
import { isoWeek } from '#app/utils/time.ts'
import { type Tx } from '#db/index.ts'
import { activityWeeks } from '#db/schema.ts'

/**
 * Marks the person active in this ISO week. Only named work calls it: every mark then stands
 * beside a named row (or one withdrawn), and says nothing an anonymous item could be matched to.
 */
export function markActive(tx: Tx, userId: string, at: Date) {
	tx.insert(activityWeeks)
		.values({ userId, week: isoWeek(at, getEnv().TIME_ZONE) })
		.onConflictDoNothing()
		.run()
}
