import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { getCampaign, updateCampaign } from '#app/models/campaign.server.ts'
import { mayEditCampaign } from '#app/models/campaign.ts'
import { criteriaLine, isDefaultCriterion } from '#app/models/evaluation.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { parseCampaignForm } from '#app/routes/campaigns+/__campaign-form.server.ts'
import { CampaignForm } from '#app/routes/campaigns+/__campaign-form.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { getT } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'
import { toLocalInput } from '#app/utils/time.ts'

async function editableCampaign(request: Request, campaignId: string | undefined) {
	const user = await requirePermission(request, 'update:campaign:own')
	const campaign = getCampaign(campaignId ?? '')
	ensure(campaign, 'errors.campaignNotFound')
	if (!mayEditCampaign(campaign, user)) httpError(403, 'errors.campaignNotYours')
	return { user, campaign }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { campaign } = await editableCampaign(request, params.campaignId)
	const { stages, events } = captureTaxonomy()
	const day = (date: Date) => toLocalInput(date, getEnv().TIME_ZONE).slice(0, 10)
	return {
		campaign: {
			id: campaign.id,
			title: campaign.title,
			description: campaign.description,
			sponsor: campaign.sponsor,
			startsOn: day(campaign.startsAt),
			endsOn: day(campaign.endsAt),
			stageId: campaign.stage?.id ?? '',
			eventId: campaign.event?.id ?? '',
			criteria: campaign.criteria,
		},
		stages,
		events,
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, campaign } = await editableCampaign(request, params.campaignId)
	const parsed = parseCampaignForm(await request.formData())
	if (!parsed.ok) return data({ result: parsed.reply }, { status: 400 })
	// The log is written in the editor's words: the criteria's names are theirs too.
	const t = getT(await getLocale(request, user))
	const zone = getEnv().TIME_ZONE
	const day = (date: Date) => toLocalInput(date, zone).slice(0, 10)
	const rescored = updateCampaign(campaign.id, parsed.input, user.id, {
		period: (startsAt, endsAt) => `${day(startsAt)} – ${day(endsAt)}`,
		criteria: (list) =>
			criteriaLine(
				list.map((c) => (isDefaultCriterion(c.id) ? { ...c, name: t(`triage.${c.id}`) } : c)),
				t('triage.lowerIsBetter'),
			),
	})
	ensure(rescored !== null, 'errors.campaignNotFound')
	return redirectWithToast(
		`/campaigns/${campaign.id}`,
		rescored
			? { kind: 'success', message: 'campaigns.rescored', values: { count: rescored } }
			: { kind: 'success', message: 'campaigns.saved' },
	)
}

export default function EditCampaignRoute() {
	const t = useT()
	const { campaign, stages, events } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('campaigns.editTitle')} />
			<Card>
				<CampaignForm
					id={`edit-campaign-${campaign.id}`}
					values={campaign}
					lastResult={actionData?.result}
					stages={stages}
					events={events}
					submitLabel={t('campaigns.save')}
					cancelTo={`/campaigns/${campaign.id}`}
				/>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'campaigns.editTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
