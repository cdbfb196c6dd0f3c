import { type CampaignInput } from '#app/models/campaign.server.ts'
import { CampaignFormSchema } from '#app/models/campaign.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { fromLocalInput } from '#app/utils/time.ts'

/**
 * The campaign form (new and edit), checked on the server: the focus must be a live stage and
 * event, and the dates become the first and last minute of those days in the organisation's zone.
 */
export function parseCampaignForm(formData: FormData) {
	const { stages, events } = captureTaxonomy()
	const submission = parseForm(formData, {
		schema: CampaignFormSchema.superRefine((v, ctx) => {
			if (v.stageId && !stages.some((s) => s.id === v.stageId))
				ctx.addIssue({ code: 'custom', path: ['stageId'], message: 'insights.unknownChoice' })
			if (v.eventId && !events.some((e) => e.id === v.eventId))
				ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'insights.unknownChoice' })
		}),
	})
	if (submission.status !== 'success') return { ok: false as const, reply: submission.reply() }
	const { startsOn, endsOn, stageId, eventId, ...rest } = submission.value
	const timeZone = getEnv().TIME_ZONE
	const startsAt = fromLocalInput(`${startsOn}T00:00`, timeZone)
	const endsAt = fromLocalInput(`${endsOn}T23:59`, timeZone)
	if (!startsAt || !endsAt) return { ok: false as const, reply: submission.reply({ fieldErrors: { startsOn: ['validation.date'] } }) }
	const input: CampaignInput = {
		...rest,
		startsAt,
		endsAt: new Date(endsAt.getTime() + 59_999),
		stageId: stageId || null,
		eventId: eventId || null,
	}
	return { ok: true as const, input }
}
