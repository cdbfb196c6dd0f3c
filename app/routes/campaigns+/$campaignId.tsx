import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TagList } from '#app/components/tags.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Meta } from '#app/components/ui/meta.tsx'
import { CursorLinks } from '#app/components/ui/pagination.tsx'
import { getCampaign } from '#app/models/campaign.server.ts'
import { mayEditCampaign } from '#app/models/campaign.ts'
import { listFeed } from '#app/models/idea.server.ts'
import { feedSortFrom } from '#app/routes/__filters.server.ts'
import { IdeaList } from '#app/routes/ideas+/__idea-card.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:campaign:any')
	const campaign = getCampaign(params.campaignId ?? '')
	ensure(campaign, 'errors.campaignNotFound')
	const search = new URL(request.url).searchParams
	const feed = listFeed({
		sort: feedSortFrom(search),
		filters: { campaignId: campaign.id },
		viewerId: user.id,
		cursor: search.get('cursor'),
	})
	const { createdBy: _createdBy, ...shown } = campaign
	return { campaign: shown, feed, canEdit: mayEditCampaign(campaign, user) }
}

export default function CampaignRoute() {
	const t = useT()
	const format = useFormat()
	const { campaign, feed, canEdit } = useLoaderData<typeof loader>()
	return (
		<div className="mx-auto max-w-3xl space-y-6">
			<Card className="space-y-3">
				<div className="flex flex-wrap items-start justify-between gap-3">
					<h1 className="text-2xl font-bold">{campaign.title}</h1>
					{canEdit ? <ButtonLink to={`/campaigns/${campaign.id}/edit`}>{t('campaigns.edit')}</ButtonLink> : null}
				</div>
				<TagList stages={campaign.stage?.id ? [campaign.stage] : []} events={campaign.event?.id ? [campaign.event] : []} />
				<p className="whitespace-pre-line">{campaign.description}</p>
				<Meta>
					{t('campaigns.runs', { start: format.date(campaign.startsAt), end: format.date(campaign.endsAt) })}
					{t('campaigns.sponsoredBy', { name: campaign.sponsor })}
				</Meta>
				{campaign.criteria?.length ? (
					<div className="text-sm text-slate-700">
						<h2 className="font-semibold text-slate-900">{t('campaigns.criteria')}</h2>
						<ul className="mt-1 flex flex-wrap gap-2">
							{campaign.criteria.map((c) => (
								<li key={c.id} className="rounded-full bg-slate-100 px-3 py-1">
									{c.name} · {t('triage.weightOf', { weight: c.weight })}
									{c.lowerIsBetter ? ` · ${t('triage.lowerIsBetter')}` : ''}
								</li>
							))}
						</ul>
					</div>
				) : null}
				{campaign.state === 'open' ? (
					<ButtonLink to={`/ideas/new?campaign=${campaign.id}`} variant="primary">
						{t('campaigns.proposeHere')}
					</ButtonLink>
				) : (
					<p role="status" className="rounded-md bg-slate-100 p-3 text-sm font-medium text-slate-800">
						{campaign.state === 'closed'
							? t('campaigns.closedNotice')
							: t('campaigns.upcomingNotice', { date: format.date(campaign.startsAt) })}
					</p>
				)}
			</Card>
			<section aria-labelledby="campaign-ideas" className="space-y-3">
				<h2 id="campaign-ideas" className="text-lg font-semibold">
					{t('campaigns.ideasHeading')} ({format.number(campaign.ideaCount)})
				</h2>
				<IdeaList ideas={feed.ideas} empty={<p className="text-slate-600">{t('campaigns.noIdeas')}</p>} />
				<CursorLinks nextCursor={feed.nextCursor} moreLabel="ideas.more" firstLabel="ideas.first" />
			</section>
		</div>
	)
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	data ? [{ title: `${data.campaign.title} · Voce` }] : pageTitle(matches, 'campaigns.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
