import { z } from 'zod'

export const EMOTIONS = [1, 2, 3, 4, 5] as const
export const INSIGHT_MAX = 2000
export const INSIGHTS_PAGE_SIZE = 20
export const PERIODS = ['7d', '30d', '90d', '365d'] as const
export type Period = (typeof PERIODS)[number]
export const PERIOD_DAYS: Record<Period, number> = { '7d': 7, '30d': 30, '90d': 90, '365d': 365 }

export const InsightFormSchema = z.object({
	body: z
		.string({ error: 'validation.required' })
		.trim()
		.min(1, 'validation.required')
		.min(10, 'validation.tooShort')
		.max(INSIGHT_MAX, 'validation.tooLong'),
	channelId: z.string({ error: 'insights.channelRequired' }).trim().min(1, 'insights.channelRequired'),
	eventId: z.string().trim().optional(),
	// Optional in the form: without JavaScript, an event's usual stage fills it in on the server.
	stageId: z.string().trim().optional(),
	emotion: z.coerce
		.number({ error: 'insights.emotionRequired' })
		.int('insights.emotionRequired')
		.min(1, 'insights.emotionRequired')
		.max(5, 'insights.emotionRequired'),
	occurredAt: z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'insights.occurredAtInvalid')
		.optional(),
	anonymous: z.boolean().default(false),
})
export type InsightFormValues = z.infer<typeof InsightFormSchema>
