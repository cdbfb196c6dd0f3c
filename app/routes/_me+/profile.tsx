import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { CursorLinks } from '#app/components/ui/pagination.tsx'
import { listFeed } from '#app/models/idea.server.ts'
import { listInsights } from '#app/models/insight.server.ts'
import { IdeaCard } from '#app/routes/ideas+/__idea-card.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

const TABS = ['insights', 'ideas', 'voted', 'following'] as const
type Tab = (typeof TABS)[number]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:profile:own')
	const params = new URL(request.url).searchParams
	const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'insights'
	const cursor = params.get('cursor')
	if (tab === 'insights') return { tab, insights: listInsights({ mine: true }, user.id, cursor), feed: null }
	const filters = { mine: tab === 'ideas', voted: tab === 'voted', following: tab === 'following' }
	return { tab, insights: null, feed: listFeed({ sort: 'newest', filters, viewerId: user.id, cursor }) }
}

const EMPTY = {
	insights: 'profile.emptyInsights',
	ideas: 'profile.emptyIdeas',
	voted: 'profile.emptyVoted',
	following: 'profile.emptyFollowing',
} as const

export default function ProfileRoute() {
	const t = useT()
	const { tab, insights, feed } = useLoaderData<typeof loader>()
	const empty = insights ? !insights.rows.length : !feed?.ideas.length
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('profile.heading')} />
			<nav aria-label={t('profile.heading')} className="mb-4">
				<ul className="flex flex-wrap gap-1 border-b border-slate-200">
					{TABS.map((value) => (
						<li key={value}>
							<Link
								to={`?tab=${value}`}
								aria-current={tab === value ? 'page' : undefined}
								className={`block border-b-2 px-3 py-2 text-sm font-medium ${
									tab === value ? 'border-brand-700 text-brand-900' : 'border-transparent text-slate-600 hover:text-slate-900'
								}`}
							>
								{t(`profile.tabs.${value}`)}
							</Link>
						</li>
					))}
				</ul>
			</nav>
			{tab === 'insights' || tab === 'ideas' ? (
				<p className="mb-4 text-sm text-slate-600">
					{t('profile.anonymousNote')}{' '}
					<Link to="/receipts" className="font-medium text-brand-700 underline">
						{t('nav.receipts')}
					</Link>
				</p>
			) : null}
			{empty ? <p className="py-6 text-slate-600">{t(EMPTY[tab])}</p> : null}
			<ul className="space-y-3">
				{insights?.rows.map((insight) => (
					<li key={insight.id}>
						<InsightCard insight={insight} />
					</li>
				))}
				{feed?.ideas.map((idea) => (
					<li key={idea.id}>
						<IdeaCard idea={idea} />
					</li>
				))}
			</ul>
			<CursorLinks nextCursor={insights?.nextCursor ?? feed?.nextCursor ?? null} moreLabel="ideas.more" firstLabel="ideas.first" />
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'profile.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
