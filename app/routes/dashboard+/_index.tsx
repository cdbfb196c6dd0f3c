import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BacklogTable, BarChart, DepartmentTable, Heatmap, MetricGrid } from '#app/components/dashboard/charts.tsx'
import { DashboardFilters, ExportLink, Section, SectionHeader, TooSmallNotice } from '#app/components/dashboard/primitives.tsx'
import { SpikeList } from '#app/components/dashboard/spikes.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { Meta } from '#app/components/ui/meta.tsx'
import { displayRange } from '#app/models/dashboard.server.ts'
import { BLIND_SPOT_MIN_HEAT } from '#app/models/dashboard.ts'
import { listEvents, listStages } from '#app/models/taxonomy.server.ts'
import { dashboardData, dashboardQuery } from '#app/routes/dashboard+/__query.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:dashboard:scope')
	const q = dashboardQuery(new URL(request.url), user)
	const { SLA_DAYS, MIN_GROUP_SIZE } = getEnv()
	const base = {
		weeks: q.weeks,
		end: q.end,
		departmentId: q.departmentId,
		departments: q.departments,
		departmentsPartial: q.departmentsPartial,
		canSeeAll: hasPermission(user.role, 'read:dashboard:any'),
		search: q.search,
		people: q.people,
		range: displayRange(q.period),
		previousRange: displayRange(q.previous),
		sla: SLA_DAYS,
		minGroup: MIN_GROUP_SIZE,
	}
	// Below the minimum group size no figure leaves the server, not even in the data response.
	if (q.tooSmall) return { ...base, data: null }
	const data = dashboardData(q)
	return { ...base, data: data && { ...data, stages: listStages(), events: listEvents() } }
}

export default function DashboardRoute() {
	const t = useT()
	const format = useFormat()
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<PageHeader title={t('dashboard.heading')} />
			<p className="mb-4 max-w-3xl text-slate-700">{t('dashboard.intro')}</p>
			<DashboardFilters
				weeks={d.weeks}
				end={d.end}
				departmentId={d.departmentId}
				departments={d.departments}
				departmentsPartial={d.departmentsPartial}
				canSeeAll={d.canSeeAll}
			/>
			<Meta className="mb-6 text-sm text-slate-700">
				<>
					<strong>{t('dashboard.range', { from: format.date(d.range.from), to: format.date(d.range.to) })}</strong>,{' '}
					{t('dashboard.comparedWith', { from: format.date(d.previousRange.from), to: format.date(d.previousRange.to) })}
				</>
				{t('dashboard.scopePeople', { count: d.people })}
				{d.data ? t('dashboard.computedAt', { time: format.dateTime(d.data.computedAt) }) : null}
			</Meta>
			{d.data ? (
				<>
					{d.data.spikes ? (
						<Section id="spikes">
							<SectionHeader id="spikes" title={t('spikes.heading')} />
							<p className="mb-3 max-w-3xl text-sm text-slate-700">{t('spikes.intro')}</p>
							<SpikeList spikes={d.data.spikes} events={d.data.events} departmentId={d.departmentId} />
						</Section>
					) : null}
					<Section id="figures">
						<SectionHeader id="figures" title={t('dashboard.figures')}>
							<ExportLink table="summary" search={d.search} />
						</SectionHeader>
						<MetricGrid current={d.data.current} previous={d.data.previous} sla={d.sla} min={d.minGroup} />
					</Section>
					<Section id="backlog">
						<SectionHeader id="backlog" title={t('dashboard.backlog.heading')} />
						<p className="mb-2 text-sm text-slate-700">{t('dashboard.backlog.intro')}</p>
						<BacklogTable current={d.data.current.backlog} previous={d.data.previous.backlog} />
					</Section>
					<Section id="trends">
						<SectionHeader id="trends" title={t('dashboard.trends.heading')}>
							<ExportLink table="trends" search={d.search} />
						</SectionHeader>
						<div className="grid gap-4 md:grid-cols-2">
							{(['participants', 'insights', 'ideas', 'decisions'] as const).map((key) => (
								<BarChart
									key={key}
									title={t(`dashboard.trends.${key}`)}
									points={d.data!.series.map((p) => ({ label: p.week, value: p[key] }))}
								/>
							))}
						</div>
					</Section>
					<Section id="heatmap">
						<SectionHeader id="heatmap" title={t('dashboard.heatmap.heading')}>
							<ExportLink table="heatmap" search={d.search} />
						</SectionHeader>
						<p className="mb-3 max-w-3xl text-sm text-slate-700">{t('dashboard.heatmap.intro')}</p>
						{d.data.heat.some((c) => c.heat > 0) ? null : (
							<p className="mb-3 text-sm font-medium text-slate-700">{t('dashboard.heatmap.empty')}</p>
						)}
						<Heatmap
							cells={d.data.heat}
							stages={d.data.stages}
							events={d.data.events}
							search={d.search}
							minHeat={BLIND_SPOT_MIN_HEAT}
							spikes={d.data.spikes}
						/>
					</Section>
					<Section id="departments">
						<SectionHeader id="departments" title={t('dashboard.departments.heading')}>
							<ExportLink table="departments" search={d.search} />
						</SectionHeader>
						<p className="mb-2 text-sm text-slate-700">
							{t('dashboard.departments.intro', { min: d.minGroup })}{' '}
							{d.canSeeAll ? (
								<Link to="/organisation" className="font-medium text-brand-700 underline">
									{t('dashboard.departments.chart')}
								</Link>
							) : null}
						</p>
						<DepartmentTable rows={d.data.comparison} search={d.search} />
					</Section>
				</>
			) : (
				<TooSmallNotice min={d.minGroup} />
			)}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
