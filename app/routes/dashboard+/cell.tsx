import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { MomentFigures } from '#app/components/dashboard/charts.tsx'
import { TooSmallNotice } from '#app/components/dashboard/primitives.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { EventOwnerLine } from '#app/components/moments.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { CursorLinks } from '#app/components/ui/pagination.tsx'
import { displayRange, momentRatesIn } from '#app/models/dashboard.server.ts'
import { NO_EVENT } from '#app/models/dashboard.ts'
import { listFeed } from '#app/models/idea.server.ts'
import { listInsights } from '#app/models/insight.server.ts'
import { eventOwner, listEvents, listStages } from '#app/models/taxonomy.server.ts'
import { dashboardQuery } from '#app/routes/dashboard+/__query.server.ts'
import { IdeaList } from '#app/routes/ideas+/__idea-card.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

const IDEAS_SHOWN = 20

/** One heatmap cell: the period's insights for a (stage, event), and the ideas addressing it. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:dashboard:scope')
	const url = new URL(request.url)
	const q = dashboardQuery(url, user)
	const stage = listStages({ includeRetired: true }).find((s) => s.id === url.searchParams.get('stage'))
	const eventParam = url.searchParams.get('event')
	const event = eventParam === NO_EVENT ? null : listEvents({ includeRetired: true }).find((e) => e.id === eventParam)
	ensure(stage && event !== undefined, 'errors.cellNotFound')
	const base = {
		stage,
		event,
		owner: event ? eventOwner(event.id) : null,
		search: q.search,
		departmentId: q.departmentId,
		range: displayRange(q.period),
		minGroup: getEnv().MIN_GROUP_SIZE,
	}
	if (q.tooSmall) return { ...base, insights: null, ideas: null, moments: null }
	const filters = { stageId: stage.id, eventId: event?.id ?? NO_EVENT, departmentId: q.departmentId ?? undefined }
	const cell = { stageId: stage.id, eventId: event?.id ?? null }
	const ratesIn = (p: typeof q.period) => momentRatesIn(q.scope, p, cell)
	return {
		...base,
		moments: { current: ratesIn(q.period), previous: ratesIn(q.previous) },
		insights: listInsights(
			{ ...filters, createdFrom: q.period.start, createdBefore: q.period.end },
			user.id,
			url.searchParams.get('cursor'),
		),
		ideas: listFeed({ sort: 'top', filters: { ...filters, createdBefore: q.period.end }, viewerId: user.id, pageSize: IDEAS_SHOWN }),
	}
}

export default function DashboardCellRoute() {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	const d = useLoaderData<typeof loader>()
	const eventName = d.event ? localizedName(d.event, locale) : t('dashboard.heatmap.noEvent')
	const filter = new URLSearchParams({
		stage: d.stage.id,
		event: d.event?.id ?? NO_EVENT,
		...(d.departmentId ? { department: d.departmentId } : {}),
	})
	return (
		<div>
			<Link to={`/dashboard?${d.search}#heatmap`} className="text-sm font-medium text-brand-700 underline">
				{t('dashboard.cell.back')}
			</Link>
			<PageHeader title={t('dashboard.cell.heading', { event: eventName, stage: localizedName(d.stage, locale) })} />
			<EventOwnerLine owner={d.owner} />
			<p className="mb-6 text-slate-700">{t('dashboard.cell.intro', { from: format.date(d.range.from), to: format.date(d.range.to) })}</p>
			{d.moments?.current ? (
				<section aria-labelledby="cell-moments" className="mb-8">
					<h2 id="cell-moments" className="mb-3 text-lg font-semibold">
						{t('dashboard.cell.moments')}
					</h2>
					<MomentFigures current={d.moments.current} previous={d.moments.previous} min={d.minGroup} id="cell-moments" />
				</section>
			) : null}
			{d.insights && d.ideas ? (
				<div className="grid gap-8 lg:grid-cols-2">
					<section aria-labelledby="cell-insights">
						<h2 id="cell-insights" className="mb-3 text-lg font-semibold">
							{t('dashboard.cell.insights')}
						</h2>
						{d.insights.rows.length ? (
							<ul className="space-y-3">
								{d.insights.rows.map((insight) => (
									<li key={insight.id}>
										<InsightCard insight={insight} />
									</li>
								))}
							</ul>
						) : (
							<p className="text-slate-600">{t('dashboard.cell.noInsights')}</p>
						)}
						<CursorLinks nextCursor={d.insights.nextCursor} moreLabel="insights.more" firstLabel="insights.first" />
						<Link to={`/insights?${filter}`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
							{t('dashboard.cell.allInsights')}
						</Link>
					</section>
					<section aria-labelledby="cell-ideas">
						<h2 id="cell-ideas" className="mb-3 text-lg font-semibold">
							{t('dashboard.cell.ideas')}
						</h2>
						<IdeaList ideas={d.ideas.ideas} empty={<p className="text-slate-600">{t('dashboard.cell.noIdeas')}</p>} />
						<Link to={`/ideas?${filter}&sort=top`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
							{t('dashboard.cell.allIdeas')}
						</Link>
					</section>
				</div>
			) : (
				<TooSmallNotice min={d.minGroup} />
			)}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.cell.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
