import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { MomentFigures } from '#app/components/dashboard/charts.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { ownedMoments } from '#app/models/dashboard.server.ts'
import { departmentLine } from '#app/models/department.server.ts'
import { ownedEvents } from '#app/models/taxonomy.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:moment:own')
	const events = ownedEvents(user.id, departmentLine(user.departmentId))
	const { range, rows, computedAt } = ownedMoments(events.map((e) => e.id))
	return {
		range,
		computedAt,
		minGroup: getEnv().MIN_GROUP_SIZE,
		moments: events.map((event, i) => ({ event, mine: event.ownerUserId === user.id, ...rows[i]! })),
	}
}

export default function MyMomentsRoute() {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	const { range, computedAt, minGroup, moments } = useLoaderData<typeof loader>()
	return (
		<div>
			<PageHeader title={t('myMoments.heading')} />
			<p className="mb-6 max-w-3xl text-slate-700">
				{t('myMoments.intro', { from: format.date(range.from), to: format.date(range.to) })}{' '}
				{moments.length ? (
					<span className="text-sm text-slate-600">({t('dashboard.computedAt', { time: format.dateTime(computedAt) })})</span>
				) : null}
			</p>
			{moments.length ? (
				<ul className="space-y-6">
					{moments.map((m) => {
						const name = localizedName(m.event, locale)
						const headingId = `moment-${m.eventId}`
						return (
							<li key={m.eventId}>
								<Card className={m.blindSpot ? 'border-amber-500 ring-1 ring-amber-500' : ''}>
									<div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
										<h2 id={headingId} className="text-lg font-semibold">
											{name}
										</h2>
										{m.mine ? <span className="text-sm text-slate-600">{t('myMoments.yours')}</span> : null}
									</div>
									{m.blindSpot ? <p className="mb-3 text-sm font-medium text-amber-900">{t('myMoments.blindSpot')}</p> : null}
									<dl className="mb-4 grid gap-3 sm:grid-cols-3">
										{(
											[
												['heat', t('myMoments.heatValue', { count: m.heat })],
												['openIdeas', format.number(m.openIdeas)],
												['unanswered', format.number(m.unanswered)],
											] as const
										).map(([key, value]) => (
											<div key={key} className="rounded-md bg-slate-50 p-3">
												<dt className="text-sm text-slate-700">{t(`myMoments.${key}`)}</dt>
												<dd className="mt-1 font-semibold tabular-nums" data-figure={`${m.eventId}-${key}`}>
													{value}
												</dd>
											</div>
										))}
									</dl>
									{m.moments ? (
										<MomentFigures current={m.moments.current} previous={m.moments.previous} min={minGroup} id={headingId} />
									) : null}
									<p className="mt-4 flex flex-wrap gap-4 text-sm font-medium">
										<Link to={`/moments/${m.eventId}`} className="text-brand-700 underline">
											{t('myMoments.playbook')}
										</Link>
										<Link to={`/insights?event=${m.eventId}`} className="text-brand-700 underline">
											{t('myMoments.insights')}
										</Link>
									</p>
								</Card>
							</li>
						)
					})}
				</ul>
			) : (
				<p className="text-slate-700">{t('myMoments.empty')}</p>
			)}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'myMoments.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
