import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BarChart, MomentFigures } from '#app/components/dashboard/charts.tsx'
import { RateBase, Section, SectionHeader, TooSmallNotice, useFigureFormat } from '#app/components/dashboard/primitives.tsx'
import { SpikeNotice } from '#app/components/dashboard/spikes.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FixEffect } from '#app/components/fix-effect.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { EventOwnerLine } from '#app/components/moments.tsx'
import { PlaybookGuide } from '#app/components/playbook.tsx'
import { StatusBadge } from '#app/components/tags.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { eventFigures, EVERYONE, periodOf, previousPeriod, type Period, type Scope } from '#app/models/dashboard.server.ts'
import { QUARTER_WEEKS, rateValue, type MomentRates } from '#app/models/dashboard.ts'
import { departmentLine } from '#app/models/department.server.ts'
import { listFeed } from '#app/models/idea.server.ts'
import { IDEA_STATUSES } from '#app/models/idea.ts'
import { insightsByIds, insightsInOrder } from '#app/models/insight.server.ts'
import { currentPlaybook } from '#app/models/playbook.server.ts'
import { mayEditPlaybook } from '#app/models/playbook.ts'
import { spikesIn } from '#app/models/signals.server.ts'
import { eventOwner, listEvents } from '#app/models/taxonomy.server.ts'
import { handledWellStories } from '#app/models/thanks.server.ts'
import { dashboardQuery } from '#app/routes/dashboard+/__query.server.ts'
import { IdeaList } from '#app/routes/ideas+/__idea-card.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

const TREND_WEEKS = 26
/** How many quarters the playbook's table of how moments ended goes back. */
const QUARTERS = 4

/**
 * The playbook of one moment of truth: how the company handles it now, for everyone; and,
 * for whoever reads the dashboard, what the front line said about it in their department scope.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:playbook:any')
	const event = listEvents({ includeRetired: true }).find((e) => e.id === params.eventId)
	ensure(event, 'errors.eventNotFound')
	const owner = eventOwner(event.id)
	const { current, fallback } = currentPlaybook(event.id, await getLocale(request, user))
	const stories = handledWellStories(event.id)
	const base = {
		stories: insightsInOrder(stories.ids).map((insight) => ({
			insight,
			notes: (stories.notes.get(insight.id) ?? []).map(({ userId: _, ...n }) => n),
		})),
		event,
		owner,
		guide: current,
		fallback,
		mayEdit: mayEditPlaybook(
			user,
			{ ownerUserId: owner?.userId ?? null, ownerDepartmentId: owner?.departmentId ?? null },
			departmentLine(user.departmentId),
		),
		minGroup: getEnv().MIN_GROUP_SIZE,
	}
	// Spiking now (decision 057): across the company, or in the department a dashboard reader looks at.
	const spikeIn = (scope: Scope) => spikesIn(scope)?.find((s) => s.eventId === event.id && !s.stageId) ?? null
	if (!hasPermission(user.role, 'read:dashboard:scope')) return { ...base, spike: spikeIn(EVERYONE), figures: null }
	const q = dashboardQuery(new URL(request.url), user)
	const scoped = { search: q.search, departmentId: q.departmentId }
	// The last quarters, newest first: recovery over time.
	const quarters: Period[] = [periodOf(q.end, QUARTER_WEEKS)]
	while (quarters.length < QUARTERS) quarters.push(previousPeriod(quarters.at(-1)!))
	const { value: figures, computedAt } = eventFigures(event.id, q.scope, {
		trend: periodOf(q.end, TREND_WEEKS),
		current: q.period,
		previous: q.previous,
		quarters,
	})
	// Below the minimum group size the data functions compute nothing.
	if (!figures) return { ...base, spike: null, figures: { ...scoped, computedAt: new Date(computedAt), book: null } }
	return {
		...base,
		spike: spikeIn(q.scope),
		figures: {
			...scoped,
			computedAt: new Date(computedAt),
			book: {
				...figures,
				unanswered: insightsByIds(figures.unansweredIds),
				ideas: listFeed({
					sort: 'top',
					filters: { eventId: event.id, departmentId: q.departmentId ?? undefined },
					viewerId: user.id,
					pageSize: 10,
				}).ideas,
			},
		},
	}
}

export default function EventPlaybookRoute() {
	const t = useT()
	const format = useFormat()
	const locale = useLocale()
	const { event, owner, guide, fallback, mayEdit, figures, minGroup, stories, spike } = useLoaderData<typeof loader>()
	const name = localizedName(event, locale)
	return (
		<div>
			{figures ? (
				<Link to={`/dashboard?${figures.search}#heatmap`} className="text-sm font-medium text-brand-700 underline">
					{t('dashboard.cell.back')}
				</Link>
			) : null}
			<PageHeader title={t('dashboard.event.heading', { event: name })} />
			<EventOwnerLine owner={owner} />
			{spike ? (
				<div id="spike">
					<SpikeNotice
						spike={spike}
						title={t('spikes.banner')}
						departmentId={figures?.departmentId}
						className="mb-6 rounded-md border border-red-200 bg-red-50 p-4"
					/>
				</div>
			) : null}
			<Section id="how-we-handle-it">
				<SectionHeader id="how-we-handle-it" title={t('playbooks.now')} />
				<HowWeHandleIt eventId={event.id} guide={guide} fallback={fallback} mayEdit={mayEdit} />
			</Section>
			<Section id="handled-well">
				<SectionHeader id="handled-well" title={t('thanks.stories')} />
				<Stories stories={stories} />
			</Section>
			{figures ? (
				<>
					<p className="mb-6 max-w-3xl text-slate-700">
						{t('dashboard.event.intro')}{' '}
						<span className="text-sm text-slate-600">({t('dashboard.computedAt', { time: format.dateTime(figures.computedAt) })})</span>
					</p>
					{figures.book ? (
						<EventFigures eventId={event.id} book={figures.book} departmentId={figures.departmentId} minGroup={minGroup} />
					) : (
						<TooSmallNotice min={minGroup} />
					)}
				</>
			) : null}
		</div>
	)
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

/** The current version with who wrote it, when and why; the way to edit it, its history, and logging a moment of this kind. */
function HowWeHandleIt({ eventId, guide, fallback, mayEdit }: Pick<Loaded, 'guide' | 'fallback' | 'mayEdit'> & { eventId: string }) {
	const t = useT()
	const format = useFormat()
	const locale = useLocale()
	return (
		<div className="max-w-3xl">
			{guide ? (
				<>
					{fallback ? (
						<p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" lang={locale}>
							{t('playbooks.fallback', { language: t(`languages.${guide.locale}`) })}
						</p>
					) : null}
					<div lang={guide.locale}>
						<PlaybookGuide content={guide.content} />
					</div>
					<p className="mt-5 text-sm text-slate-700" data-testid="playbook-version">
						{t('playbooks.versionLine', { version: guide.version, date: format.date(guide.createdAt), author: guide.authorName })}
						{guide.ideaId && guide.ideaTitle ? (
							<>
								{' · '}
								{t('playbooks.causedBy')}{' '}
								<Link to={`/ideas/${guide.ideaId}`} className="text-brand-700 underline">
									{guide.ideaTitle}
								</Link>
							</>
						) : null}
					</p>
				</>
			) : (
				<p className="text-slate-700">{t(mayEdit ? 'playbooks.emptyOwner' : 'playbooks.empty')}</p>
			)}
			<p className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm font-medium">
				{mayEdit ? (
					<Link to={`/moments/${eventId}/edit`} className="text-brand-700 underline">
						{guide ? t('playbooks.edit') : t('playbooks.writeFirst')}
					</Link>
				) : null}
				{guide ? (
					<Link to={`/moments/${eventId}/history?lang=${guide.locale}`} className="text-brand-700 underline">
						{t('playbooks.history')}
					</Link>
				) : null}
				<Link to={`/insights/new?event=${eventId}`} className="text-brand-700 underline">
					{t('playbooks.logOne')}
				</Link>
			</p>
		</div>
	)
}

/** The playbook's case histories: moments colleagues marked as handled well, with what they said. */
function Stories({ stories }: { stories: Loaded['stories'] }) {
	const t = useT()
	if (!stories.length) return <p className="max-w-3xl text-sm text-slate-700">{t('thanks.noStories')}</p>
	return (
		<>
			<p className="mb-3 max-w-3xl text-sm text-slate-700">{t('thanks.storiesIntro')}</p>
			<ul className="grid gap-3 lg:grid-cols-2">
				{stories.map(({ insight, notes }) => (
					<li key={insight.id}>
						<InsightCard insight={insight}>
							<ul className="space-y-1 border-t border-slate-100 pt-2 text-sm text-slate-800">
								{notes.map((n) => (
									<li key={`${n.name}-${String(n.createdAt)}`}>{t('thanks.by', { name: n.name, note: n.note })}</li>
								))}
							</ul>
						</InsightCard>
					</li>
				))}
			</ul>
		</>
	)
}

type Book = NonNullable<NonNullable<Loaded['figures']>['book']>

/** What the front line said about this moment in the dashboard's scope, and what came of it. */
function EventFigures({
	eventId,
	book,
	departmentId,
	minGroup,
}: {
	eventId: string
	book: Book
	departmentId: string | null
	minGroup: number
}) {
	const t = useT()
	const format = useFormat()
	const scope = departmentId ? `&department=${departmentId}` : ''
	return (
		<>
			<div className="mb-8 grid gap-4 lg:grid-cols-2">
				<BarChart title={t('dashboard.event.trend')} points={book.series.map((p) => ({ label: p.week, value: p.insights }))} />
				<section aria-labelledby="by-status" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
					<h2 id="by-status" className="mb-3 text-sm font-medium text-slate-800">
						{t('dashboard.event.ideasByStatus')}
					</h2>
					{Object.keys(book.byStatus).length ? (
						<ul className="space-y-2">
							{IDEA_STATUSES.filter((s) => book.byStatus[s]).map((status) => (
								<li key={status} className="flex items-center justify-between gap-2">
									<Link to={`/ideas?event=${eventId}&status=${status}${scope}`} className="hover:underline">
										<StatusBadge status={status} />
									</Link>
									<span className="font-semibold tabular-nums">{format.number(book.byStatus[status]!)}</span>
								</li>
							))}
						</ul>
					) : (
						<p className="text-sm text-slate-600">{t('dashboard.event.noIdeas')}</p>
					)}
				</section>
			</div>
			<Section id="moments">
				<SectionHeader id="moments" title={t('dashboard.cell.moments')} />
				<MomentFigures current={book.moments.current} previous={book.moments.previous} min={minGroup} id="moments-now" />
				<QuarterTable quarters={book.quarters} min={minGroup} />
			</Section>
			<Section id="fixes">
				<SectionHeader id="fixes" title={t('dashboard.event.fixes')} />
				{book.fixes.length ? (
					<ul className="divide-y divide-slate-100">
						{book.fixes.map((fix) => (
							<li key={fix.id} className="py-3">
								<Link to={`/ideas/${fix.id}`} className="font-medium text-brand-700 underline">
									{fix.title}
								</Link>
								<div className="mt-1">
									<FixEffect figures={fix.figures} date={fix.closedAt} min={minGroup} />
								</div>
							</li>
						))}
					</ul>
				) : (
					<p className="text-sm text-slate-600">{t('dashboard.event.noFixes')}</p>
				)}
			</Section>
			<div className="grid gap-8 lg:grid-cols-2">
				<section aria-labelledby="unanswered">
					<h2 id="unanswered" className="mb-1 text-lg font-semibold">
						{t('dashboard.event.unanswered')}
					</h2>
					<p className="mb-3 text-sm text-slate-700">{t('dashboard.event.unansweredCount', { count: book.unansweredCount })}</p>
					<ul className="space-y-3">
						{book.unanswered.map((insight) => (
							<li key={insight.id}>
								<InsightCard insight={insight} />
							</li>
						))}
					</ul>
				</section>
				<section aria-labelledby="event-ideas">
					<h2 id="event-ideas" className="mb-3 text-lg font-semibold">
						{t('dashboard.event.openIdeas')}
					</h2>
					<IdeaList ideas={book.ideas} empty={<p className="text-sm text-slate-600">{t('dashboard.event.noIdeas')}</p>} />
				</section>
			</div>
		</>
	)
}

type QuarterRow = { from: Date | string; to: Date | string } & MomentRates

/** Recovery and first-contact resolution quarter by quarter, newest first. */
function QuarterTable({ quarters, min }: { quarters: QuarterRow[]; min: number }) {
	const t = useT()
	const format = useFormat()
	const show = useFigureFormat()
	const cell = 'py-2 pr-3 text-right align-top tabular-nums'
	return (
		<table className="mt-4 w-full text-sm">
			<caption className="mb-2 text-left font-medium text-slate-800">{t('dashboard.event.quarters')}</caption>
			<thead>
				<tr className="border-b border-slate-200 text-left text-slate-700">
					<th scope="col" className="py-1 pr-3 font-medium">
						{t('dashboard.event.quarter')}
					</th>
					<th scope="col" className="py-1 pr-3 text-right font-medium">
						{t('dashboard.metrics.recoveryRate.label')}
					</th>
					<th scope="col" className="py-1 pr-3 text-right font-medium">
						{t('dashboard.metrics.firstContactRate.label')}
					</th>
				</tr>
			</thead>
			<tbody>
				{quarters.map((q) => (
					<tr key={String(q.from)} className="border-b border-slate-100">
						<th scope="row" className="py-2 pr-3 text-left font-normal">
							{t('dashboard.event.quarterRange', { from: format.date(q.from), to: format.date(q.to) })}
						</th>
						{([q.recovery, q.firstContact] as const).map((rate, i) => (
							<td key={i} className={cell}>
								{rate.part === null ? null : show('percent', rateValue(rate))}
								<RateBase rate={rate} min={min} className="text-xs text-slate-600" />
							</td>
						))}
					</tr>
				))}
			</tbody>
		</table>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.event.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
