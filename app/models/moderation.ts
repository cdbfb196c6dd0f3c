import { z } from 'zod'

export const CONTENT_KINDS = ['idea', 'insight', 'comment'] as const
export type ContentKind = (typeof CONTENT_KINDS)[number]
export const MODERATION_INTENTS = ['hide', 'restore'] as const
export type ModerationIntent = (typeof MODERATION_INTENTS)[number]

const Target = { kind: z.enum(CONTENT_KINDS), targetId: z.string().min(1) }

/** Hiding always says why: the reason goes to the author and into the audit log. */
export const HideSchema = z.object({
	intent: z.literal('hide'),
	...Target,
	reason: z.string({ error: 'triage.reasonRequired' }).trim().min(1, 'triage.reasonRequired').max(1000, 'validation.tooLong'),
})
export const RestoreSchema = z.object({ intent: z.literal('restore'), ...Target })
export const ModerationSchema = z.discriminatedUnion('intent', [HideSchema, RestoreSchema])
export type ModerationInput = z.infer<typeof ModerationSchema>

/** What became of a report: the item was hidden, or a moderator kept it. */
export const REPORT_OUTCOMES = ['hidden', 'kept'] as const
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number]
export const REPORT_INTENTS = ['report', 'dismiss-reports'] as const

/** Anyone may report what they can read; the reason goes to the moderators only. */
export const ReportSchema = z.object({
	intent: z.literal('report'),
	...Target,
	reason: z
		.string({ error: 'moderation.reportReasonRequired' })
		.trim()
		.min(1, 'moderation.reportReasonRequired')
		.max(500, 'validation.tooLong'),
})
/** A moderator keeps a reported item; the optional note goes to the reporters. */
export const DismissSchema = z.object({
	intent: z.literal('dismiss-reports'),
	...Target,
	note: z.string().trim().max(500, 'validation.tooLong').optional(),
})

export function isModerationIntent(value: unknown): value is ModerationIntent {
	return MODERATION_INTENTS.includes(value as ModerationIntent)
}

/** An item's open reports: how many, and each reason once. */
export type OpenReports = { count: number; reasons: string[] }
