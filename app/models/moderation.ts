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

export function isModerationIntent(value: unknown): value is ModerationIntent {
	return MODERATION_INTENTS.includes(value as ModerationIntent)
}
