import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TagList } from '#app/components/tags.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { Meta } from '#app/components/ui/meta.tsx'
import { listCampaigns } from '#app/models/campaign.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:campaign:any')
	return { groups: listCampaigns(), canCreate: hasPermission(user.role, 'create:campaign:any') }
}

type Campaign = ReturnType<typeof useLoaderData<typeof loader>>['groups']['open'][number]

export default function CampaignsRoute() {
	const t = useT()
	const { groups, canCreate } = useLoaderData<typeof loader>()
	const total = groups.open.length + groups.upcoming.length + groups.closed.length
	return (
		<div>
			<PageHeader title={t('campaigns.heading')}>
				{canCreate ? (
					<ButtonLink to="/campaigns/new" variant="primary">
						{t('campaigns.newCampaign')}
					</ButtonLink>
				) : null}
			</PageHeader>
			<p className="mb-6 text-slate-700">{t('campaigns.intro')}</p>
			{total ? (
				<div className="space-y-8">
					<Group title={t('campaigns.open')} campaigns={groups.open} />
					{groups.upcoming.length ? <Group title={t('campaigns.upcoming')} campaigns={groups.upcoming} /> : null}
					{groups.closed.length ? <Group title={t('campaigns.closed')} campaigns={groups.closed} /> : null}
				</div>
			) : (
				<p className="py-6 text-slate-600">{t('campaigns.empty')}</p>
			)}
		</div>
	)
}

function Group({ title, campaigns }: { title: string; campaigns: Campaign[] }) {
	const t = useT()
	const format = useFormat()
	return (
		<section>
			<h2 className="mb-3 text-lg font-semibold">{title}</h2>
			{campaigns.length ? (
				<ul className="grid gap-3 md:grid-cols-2">
					{campaigns.map((c) => (
						<li key={c.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
							<h3 className="font-semibold">
								<Link to={`/campaigns/${c.id}`} className="text-brand-900 hover:underline">
									{c.title}
								</Link>
							</h3>
							<TagList stages={c.stage?.id ? [c.stage] : []} events={c.event?.id ? [c.event] : []} />
							<Meta>
								{t('campaigns.runs', { start: format.date(c.startsAt), end: format.date(c.endsAt) })}
								{t('campaigns.sponsoredBy', { name: c.sponsor })}
								{t('campaigns.ideas', { count: c.ideaCount })}
							</Meta>
						</li>
					))}
				</ul>
			) : (
				<p className="text-slate-600">{t('campaigns.emptyGroup')}</p>
			)}
		</section>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'campaigns.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
