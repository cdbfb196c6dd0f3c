import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useCommonSelects } from '#app/components/filters.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { FilterForm } from '#app/components/ui/filter-bar.tsx'
import { CursorLinks } from '#app/components/ui/pagination.tsx'
import { listInsights } from '#app/models/insight.server.ts'
import { filterOptions, insightFiltersFrom } from '#app/routes/__filters.server.ts'
import { SeeTooButton } from '#app/routes/insights+/$insightId.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:insight:any')
	const params = new URL(request.url).searchParams
	return {
		list: listInsights(insightFiltersFrom(params), user.id, params.get('cursor')),
		options: filterOptions(params.get('department')),
	}
}

export default function InsightsRoute() {
	const t = useT()
	const { list, options } = useLoaderData<typeof loader>()
	const selects = useCommonSelects(options)
	return (
		<div>
			<PageHeader title={t('insights.heading')}>
				<ButtonLink to="/insights/new" variant="primary">
					{t('nav.logInsight')}
				</ButtonLink>
			</PageHeader>
			<FilterForm selects={selects} checkboxes={[{ name: 'mine', label: 'insights.mine' }]} />
			{list.rows.length ? (
				<ul className="space-y-3">
					{list.rows.map((insight) => (
						<li key={insight.id}>
							<InsightCard insight={insight}>
								{insight.isMine ? null : (
									<SeeTooButton insightId={insight.id} seen={insight.seenByMe} count={insight.recurrenceCount} quiet />
								)}
							</InsightCard>
						</li>
					))}
				</ul>
			) : (
				<p className="py-6 text-slate-600">{t('insights.empty')}</p>
			)}
			<CursorLinks nextCursor={list.nextCursor} moreLabel="insights.more" firstLabel="insights.first" />
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'insights.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
