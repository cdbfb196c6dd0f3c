import { z } from 'zod'
import { CriteriaSchema } from '#app/models/evaluation.ts'
import { hasPermission, type Role } from '#app/utils/permissions.ts'

export const CAMPAIGN_STATES = ['upcoming', 'open', 'closed'] as const
export type CampaignState = (typeof CAMPAIGN_STATES)[number]

export function campaignState(campaign: { startsAt: Date | number; endsAt: Date | number }, now = new Date()): CampaignState {
	if (now.getTime() < Number(campaign.startsAt)) return 'upcoming'
	if (now.getTime() > Number(campaign.endsAt)) return 'closed'
	return 'open'
}

/** Who launched a campaign edits it; leaders and administrators edit any. */
export function mayEditCampaign(campaign: { createdBy: string }, user: { id: string; role: Role }) {
	return (
		hasPermission(user.role, 'update:campaign:any') || (hasPermission(user.role, 'update:campaign:own') && campaign.createdBy === user.id)
	)
}

const date = z
	.string({ error: 'validation.required' })
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')

export const CampaignFormSchema = z
	.object({
		title: z
			.string({ error: 'validation.required' })
			.trim()
			.min(1, 'validation.required')
			.min(10, 'validation.tooShort')
			.max(200, 'validation.tooLong'),
		description: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(4000, 'validation.tooLong'),
		sponsor: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
		startsOn: date,
		endsOn: date,
		stageId: z.string().trim().optional(),
		eventId: z.string().trim().optional(),
		criteria: CriteriaSchema,
	})
	.refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'campaigns.endBeforeStart' })
