import { InsightFormSchema } from '#app/models/insight.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { fromLocalInput } from '#app/utils/time.ts'

const YEAR_MS = 365 * 24 * 60 * 60 * 1000
const FUTURE_SLACK_MS = 5 * 60 * 1000

/** The insight form's schema plus the checks that need the taxonomy and the clock (the server's side of capture). */
export function captureSchema(now: Date) {
	const { stages, events, channels } = captureTaxonomy()
	const timeZone = getEnv().TIME_ZONE
	return InsightFormSchema.superRefine((value, ctx) => {
		if (!channels.some((c) => c.id === value.channelId)) {
			ctx.addIssue({ code: 'custom', path: ['channelId'], message: 'insights.unknownChoice' })
		}
		const event = value.eventId ? events.find((e) => e.id === value.eventId) : null
		if (value.eventId && !event) ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'insights.unknownChoice' })
		const stageId = value.stageId || event?.defaultStageId
		if (!stageId) ctx.addIssue({ code: 'custom', path: ['stageId'], message: 'insights.stageRequired' })
		else if (!stages.some((s) => s.id === stageId)) {
			ctx.addIssue({ code: 'custom', path: ['stageId'], message: 'insights.unknownChoice' })
		}
		if (value.occurredAt) {
			const at = fromLocalInput(value.occurredAt, timeZone)
			if (!at) ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'insights.occurredAtInvalid' })
			else if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
				ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'insights.occurredAtFuture' })
			} else if (at.getTime() < now.getTime() - YEAR_MS) {
				ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'insights.occurredAtTooOld' })
			}
		}
	}).transform((value) => {
		const event = value.eventId ? events.find((e) => e.id === value.eventId) : null
		return {
			body: value.body,
			channelId: value.channelId,
			eventId: value.eventId || null,
			stageId: (value.stageId || event?.defaultStageId)!,
			emotion: value.emotion,
			endEmotion: value.endEmotion ?? null,
			resolvedFirstContact: value.resolvedFirstContact ? value.resolvedFirstContact === 'yes' : null,
			waitMinutes: value.waitMinutes ?? null,
			occurredAt: (value.occurredAt && fromLocalInput(value.occurredAt, timeZone)) || now,
			anonymous: value.anonymous,
		}
	})
}
