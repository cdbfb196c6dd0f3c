import { z } from 'zod'

export const EMOTIONS = [1, 2, 3, 4, 5] as const
/** Resolved at first contact: the two answers (not answering is the third). */
export const FIRST_CONTACT = ['yes', 'no'] as const
/** A week: a longer wait is a typing slip, or a different story. */
export const MAX_WAIT_MINUTES = 7 * 24 * 60

/** The "how did it end?" form, for an insight's author after the fact. */
export const MomentEndSchema = z.object({
	endEmotion: z.coerce
		.number({ error: 'insights.endRequired' })
		.int('insights.endRequired')
		.min(1, 'insights.endRequired')
		.max(5, 'insights.endRequired'),
	resolvedFirstContact: z.enum(FIRST_CONTACT, { error: 'insights.unknownChoice' }).optional(),
})
export const INSIGHT_MAX = 2000
export const INSIGHTS_PAGE_SIZE = 20
export const PERIODS = ['7d', '14d', '30d', '90d', '365d'] as const
export type Period = (typeof PERIODS)[number]
export const PERIOD_DAYS: Record<Period, number> = { '7d': 7, '14d': 14, '30d': 30, '90d': 90, '365d': 365 }

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
	endEmotion: z.coerce
		.number({ error: 'insights.emotionRequired' })
		.int('insights.emotionRequired')
		.min(1, 'insights.emotionRequired')
		.max(5, 'insights.emotionRequired')
		.optional(),
	resolvedFirstContact: z.enum(FIRST_CONTACT, { error: 'insights.unknownChoice' }).optional(),
	waitMinutes: z.coerce
		.number({ error: 'insights.waitInvalid' })
		.int('insights.waitInvalid')
		.min(0, 'insights.waitInvalid')
		.max(MAX_WAIT_MINUTES, 'insights.waitInvalid')
		.optional(),
	occurredAt: z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'insights.occurredAtInvalid')
		.optional(),
	anonymous: z.boolean().default(false),
})
export type InsightFormValues = z.infer<typeof InsightFormSchema>
