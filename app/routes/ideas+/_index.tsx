import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useCommonSelects } from '#app/components/filters.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { FilterForm } from '#app/components/ui/filter-bar.tsx'
import { CursorLinks } from '#app/components/ui/pagination.tsx'
import { listCampaigns } from '#app/models/campaign.server.ts'
import { listFeed } from '#app/models/idea.server.ts'
import { FEED_SORTS, IDEA_STATUSES } from '#app/models/idea.ts'
import { feedFiltersFrom, feedSortFrom, filterOptions } from '#app/routes/__filters.server.ts'
import { IdeaList } from '#app/routes/ideas+/__idea-card.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:idea:any')
	const params = new URL(request.url).searchParams
	const sort = feedSortFrom(params)
	const { open, upcoming, closed } = listCampaigns()
	return {
		sort,
		feed: listFeed({ sort, filters: feedFiltersFrom(params), viewerId: user.id, cursor: params.get('cursor') }),
		options: {
			...filterOptions(params.get('department')),
			campaigns: [...open, ...upcoming, ...closed].map((c) => ({ id: c.id, title: c.title })),
		},
	}
}

export default function IdeasRoute() {
	const t = useT()
	const { sort, feed, options } = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const selects = [
		...useCommonSelects(options),
		{ name: 'status', label: t('ideas.status'), options: IDEA_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })) },
		{ name: 'campaign', label: t('ideas.campaign'), options: options.campaigns.map((c) => ({ value: c.id, label: c.title })) },
	]
	const sortLink = (value: string) => {
		const next = new URLSearchParams(params)
		next.delete('cursor')
		next.set('sort', value)
		return `?${next}`
	}
	return (
		<div>
			<PageHeader title={t('ideas.heading')}>
				<ButtonLink to="/you-said-we-did">{t('nav.youSaid')}</ButtonLink>
				<ButtonLink to="/ideas/new" variant="primary">
					{t('ideas.newIdea')}
				</ButtonLink>
			</PageHeader>
			<nav aria-label={t('ideas.sort')} className="mb-3">
				<ul className="flex flex-wrap gap-1 border-b border-slate-200">
					{FEED_SORTS.map((value) => (
						<li key={value}>
							<Link
								to={sortLink(value)}
								aria-current={sort === value ? 'page' : undefined}
								className={`block border-b-2 px-3 py-2 text-sm font-medium ${
									sort === value ? 'border-brand-700 text-brand-900' : 'border-transparent text-slate-600 hover:text-slate-900'
								}`}
							>
								{t(`ideas.sorts.${value}`)}
							</Link>
						</li>
					))}
				</ul>
			</nav>
			{sort === 'trending' ? <p className="mb-3 text-sm text-slate-600">{t('ideas.trendingHint')}</p> : null}
			<FilterForm selects={selects} checkboxes={[{ name: 'mine', label: 'insights.mine' }]} keep={['sort']} />
			<IdeaList
				ideas={feed.ideas}
				empty={<p className="py-6 text-slate-600">{sort === 'unvoted' ? t('ideas.emptyUnvoted') : t('ideas.empty')}</p>}
			/>
			<CursorLinks nextCursor={feed.nextCursor} moreLabel="ideas.more" firstLabel="ideas.first" />
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'ideas.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
