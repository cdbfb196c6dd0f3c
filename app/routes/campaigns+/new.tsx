import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { createCampaign } from '#app/models/campaign.server.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { parseCampaignForm } from '#app/routes/campaigns+/__campaign-form.server.ts'
import { CampaignForm } from '#app/routes/campaigns+/__campaign-form.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'
import { toLocalInput } from '#app/utils/time.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'create:campaign:any')
	const { stages, events } = captureTaxonomy()
	return { stages, events, today: toLocalInput(new Date(), getEnv().TIME_ZONE).slice(0, 10) }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'create:campaign:any')
	const parsed = parseCampaignForm(await request.formData())
	if (!parsed.ok) return data({ result: parsed.reply }, { status: 400 })
	const { id } = createCampaign(parsed.input, user.id)
	return redirectWithToast(`/campaigns/${id}`, { kind: 'success', message: 'campaigns.created' })
}

export default function NewCampaignRoute() {
	const t = useT()
	const { stages, events, today } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('campaigns.newTitle')} />
			<Card>
				<CampaignForm
					id="new-campaign"
					values={{ startsOn: today }}
					lastResult={actionData?.result}
					stages={stages}
					events={events}
					submitLabel={t('campaigns.create')}
					cancelTo="/campaigns"
				/>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'campaigns.newTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
