import { data } from '@remix-run/node'
import { getCampaign, openCampaigns } from '#app/models/campaign.server.ts'
import { campaignState } from '#app/models/campaign.ts'
import { IdeaFormSchema } from '#app/models/idea.ts'
import { existingInsightIds, insightsByIds, namedInsightIdsOf, searchInsights } from '#app/models/insight.server.ts'
import { similarIdeas } from '#app/models/search.server.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { privacyReview, redactFields } from '#app/utils/privacy.server.ts'

/** What the idea form needs: taxonomy, open campaigns, and the insights already linked. */
export function ideaFormOptions(linkedIds: string[], now = new Date()) {
	return { ...captureTaxonomy(), campaigns: openCampaigns(now), linked: insightsByIds(linkedIds) }
}

function serverSchema(now: Date, keepCampaignId?: string | null) {
	const { stages, events } = captureTaxonomy()
	return IdeaFormSchema.superRefine((value, ctx) => {
		if (value.stageIds.some((id) => !stages.some((s) => s.id === id))) {
			ctx.addIssue({ code: 'custom', path: ['stageIds'], message: 'insights.unknownChoice' })
		}
		if (value.eventIds.some((id) => !events.some((e) => e.id === id))) {
			ctx.addIssue({ code: 'custom', path: ['eventIds'], message: 'insights.unknownChoice' })
		}
		if (existingInsightIds(value.insightIds).length !== new Set(value.insightIds).size) {
			ctx.addIssue({ code: 'custom', path: ['insightIds'], message: 'ideas.unknownInsight' })
		}
		// A closed campaign takes no new ideas; an idea already in it may keep it.
		if (value.campaignId && value.campaignId !== keepCampaignId) {
			const campaign = getCampaign(value.campaignId, now)
			if (!campaign || campaignState(campaign, now) !== 'open') {
				ctx.addIssue({ code: 'custom', path: ['campaignId'], message: 'ideas.campaignClosed' })
			}
		}
	})
}

/**
 * Parses a posted idea form. `intent=search` looks up insights to link and sends every
 * typed value back untouched; anything else validates for saving. `newFor` is the person
 * submitting a new idea: similar ideas are shown to them once, and an anonymous idea whose
 * evidence includes insights under their own name asks first (the evidence would point to them).
 */
export function parseIdeaForm(formData: FormData, now = new Date(), keepCampaignId?: string | null, newFor?: string) {
	const query = String(formData.get('insightQuery') ?? '').slice(0, 200)
	const linkedIds = formData.getAll('insightIds').map(String).slice(0, 100)
	if (formData.get('intent') === 'search') {
		const submission = parseForm(formData, { schema: IdeaFormSchema })
		return {
			kind: 'search' as const,
			response: data({
				// Every typed value comes back, without the errors of a form not yet finished.
				result: { ...submission.reply(), error: {} },
				search: { query, results: searchInsights(query, 10) },
				linked: insightsByIds(linkedIds),
			}),
		}
	}
	const submission = parseForm(formData, { schema: serverSchema(now, keepCampaignId) })
	if (submission.status !== 'success') {
		return {
			kind: 'invalid' as const,
			response: data({ result: submission.reply(), search: null, linked: insightsByIds(linkedIds) }, { status: 400 }),
		}
	}
	const { title, problem, proposal, benefit } = submission.value
	const review = privacyReview(formData, { title, problem, proposal, benefit })
	if (review.mustConfirm) {
		return {
			kind: 'privacy' as const,
			response: data(
				{ result: { ...submission.reply(), error: {} }, search: null, linked: insightsByIds(linkedIds), privacy: review.findings },
				{ status: 422 },
			),
		}
	}
	const clean = redactFields(submission.value, ['title', 'problem', 'proposal', 'benefit'])
	if (newFor && clean.anonymous && formData.get('ownEvidenceConfirmed') !== '1') {
		const ownEvidence = namedInsightIdsOf(newFor, clean.insightIds)
		if (ownEvidence.length) {
			return {
				kind: 'ownEvidence' as const,
				response: data(
					{ result: { ...submission.reply(), error: {} }, search: null, linked: insightsByIds(linkedIds), ownEvidence },
					{ status: 422 },
				),
			}
		}
	}
	// Without JavaScript, similar ideas are shown once before a new idea is saved.
	if (newFor && formData.get('similarSeen') !== '1') {
		const found = similarIdeas(clean.title, newFor)
		if (found.length) {
			return {
				kind: 'similar' as const,
				response: data({
					result: { ...submission.reply(), error: {} },
					search: null,
					linked: insightsByIds(linkedIds),
					similar: { ideas: found, insights: [] as [] },
				}),
			}
		}
	}
	const { anonymous, campaignId, ...rest } = clean
	return { kind: 'valid' as const, value: { ...rest, campaignId: campaignId || null }, anonymous }
}
