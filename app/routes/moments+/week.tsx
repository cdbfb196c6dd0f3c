import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { cachedWeeklyMoments } from '#app/models/weekly.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

/** The weekly moments-of-truth digest, in the app: what the e-mail says, for everyone. */
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:playbook:any')
	return cachedWeeklyMoments()
}

export default function WeekRoute() {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	const { range, hottest, story, fixed, blindSpot } = useLoaderData<typeof loader>()
	const dates = { from: format.date(range.from), to: format.date(range.to) }
	return (
		<div className="mx-auto max-w-3xl space-y-6">
			<PageHeader title={t('weekly.heading')} />
			<p className="-mt-2 text-slate-700">{t('weekly.intro', dates)}</p>
			{hottest === null ? (
				<p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">{t('weekly.tooSmall')}</p>
			) : (
				<>
					<Card>
						<h2 className="mb-3 text-lg font-semibold">{t('weekly.hottest')}</h2>
						{hottest.length ? (
							<ol className="list-decimal space-y-2 pl-5">
								{hottest.map((h) => (
									<li key={h.event.id}>
										<Link to={`/moments/${h.event.id}`} className="font-medium text-brand-700 underline">
											{t('weekly.heatLine', { event: localizedName(h.event, locale), count: h.heat, previous: h.previous })}
										</Link>
									</li>
								))}
							</ol>
						) : (
							<p className="text-slate-700">{t('weekly.noHeat')}</p>
						)}
					</Card>
					<section aria-labelledby="week-story" className="space-y-3">
						<h2 id="week-story" className="text-lg font-semibold">
							{t('weekly.story')}
						</h2>
						{story ? (
							<InsightCard insight={story.insight}>
								<ul className="space-y-1 border-t border-slate-100 pt-2 text-sm text-slate-800">
									{story.notes.map((n) => (
										<li key={`${n.name}-${String(n.createdAt)}`}>{t('thanks.by', { name: n.name, note: n.note })}</li>
									))}
								</ul>
							</InsightCard>
						) : (
							<p className="text-slate-700">{t('weekly.noStory')}</p>
						)}
					</section>
					<Card>
						<h2 className="mb-3 text-lg font-semibold">{t('weekly.fixed')}</h2>
						{fixed.length ? (
							<ul className="space-y-2">
								{fixed.map((f) => (
									<li key={f.id}>
										<Link to={`/ideas/${f.id}`} className="font-medium text-brand-700 underline">
											{f.title}
										</Link>{' '}
										<span className="text-sm text-slate-600">· {format.date(f.implementedAt)}</span>
									</li>
								))}
							</ul>
						) : (
							<Link to="/you-said-we-did" className="text-brand-700 underline">
								{t('weekly.nothingFixed')}
							</Link>
						)}
					</Card>
					<Card>
						<h2 className="mb-3 text-lg font-semibold">{t('weekly.blindSpot')}</h2>
						{blindSpot ? (
							<Link to={`/moments/${blindSpot.id}`} className="text-brand-700 underline">
								{t('weekly.blindSpotLine', { event: localizedName(blindSpot, locale) })}
							</Link>
						) : (
							<p className="text-slate-700">{t('weekly.noBlindSpot')}</p>
						)}
					</Card>
				</>
			)}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'weekly.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
