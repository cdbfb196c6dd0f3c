import { createInsight } from '#app/models/insight.server.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { type DB } from './index.ts'
import { users } from './schema.ts'

export const DAY = 86_400_000

/**
 * How a demo moment went: the emotion at its worst point alone (no end recorded yet), or
 * [peak, end, resolved at first contact?, minutes the customer waited?].
 */
export type Moment = number | [peak: number, end: number, firstContact?: boolean, waitMinutes?: number]

/** A demo insight: [author's e-mail local part, days ago, channel, event (or stage when none), moment, text, anonymous?]. */
export type InsightSpec = [author: string, daysAgo: number, channel: string, tag: string, moment: Moment, body: string, anonymous?: boolean]

/** The demo people by the local part of their e-mail address. */
export function demoPeople(db: DB) {
	const byLocal = new Map(
		db
			.select({ id: users.id, email: users.email, departmentId: users.departmentId })
			.from(users)
			.all()
			.map(({ id, email, departmentId }) => [email.split('@')[0]!, { id, departmentId }]),
	)
	return (local: string) => {
		const found = byLocal.get(local)
		if (!found) throw new Error(`Demo data: nobody called ${local}`)
		return found
	}
}

/** Logs the demo insights as their authors did, `daysAgo` before `now`; their ids in order. */
export function seedInsights(specs: InsightSpec[], person: ReturnType<typeof demoPeople>, now: number) {
	const { stages, events, channels } = captureTaxonomy()
	return specs.map(([local, daysAgo, channel, tag, moment, body, anonymous]) => {
		const at = new Date(now - daysAgo * DAY)
		const event = events.find((e) => e.name === tag)
		const [peak, end, firstContact, waitMinutes] = typeof moment === 'number' ? [moment] : moment
		return createInsight(
			person(local),
			{
				body,
				channelId: channels.find((c) => c.name === channel)!.id,
				eventId: event?.id ?? null,
				stageId: event?.defaultStageId ?? stages.find((s) => s.name === tag)!.id,
				emotion: peak,
				endEmotion: end ?? null,
				resolvedFirstContact: firstContact ?? null,
				waitMinutes: waitMinutes ?? null,
				occurredAt: at,
				anonymous: anonymous ?? false,
			},
			at,
		).id
	})
}
