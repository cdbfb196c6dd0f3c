import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { MomentFigures } from '#app/components/dashboard/charts.tsx'
import { useFigureFormat } from '#app/components/dashboard/primitives.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SlaBadge } from '#app/components/tags.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { UserSearch, UserTable } from '#app/components/user-table.tsx'
import { teamView } from '#app/models/dashboard.server.ts'
import { getDepartment, subtreeIds } from '#app/models/department.server.ts'
import { teamStories } from '#app/models/thanks.server.ts'
import { listQueue } from '#app/models/triage.server.ts'
import { listUsers } from '#app/models/user.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:team:scope')
	const department = user.departmentId ? getDepartment(user.departmentId) : null
	const view = { ...teamView(user), sla: getEnv().SLA_DAYS, minGroup: getEnv().MIN_GROUP_SIZE }
	// Who handled which moments well this quarter: named stories, not a ranking.
	const stories = teamStories(
		hasPermission(user.role, 'read:team:any') ? null : user.departmentId ? subtreeIds(user.departmentId) : [],
		new Date(view.range.from),
	)
	// Unanswered first, then by age: the first rows are the most urgent.
	const waiting = hasPermission(user.role, 'read:triage:scope')
		? listQueue(user, {}, 'due')
				.rows.filter((r) => r.sla && r.sla.kind !== 'answered')
				.slice(0, TEAM_WAITING)
				.map(({ id, title, sla, ownerName }) => ({ id, title, sla, ownerName }))
		: null
	if (!department) return { departmentName: null, list: null, view, waiting, stories }
	const url = new URL(request.url)
	const list = listUsers({
		query: url.searchParams.get('q') ?? undefined,
		departmentIds: subtreeIds(department.id),
		page: Number(url.searchParams.get('page')) || 1,
	})
	return { departmentName: department.name, list, view, waiting, stories }
}

const TEAM_WAITING = 10

export default function TeamRoute() {
	const t = useT()
	const { departmentName, list, view, waiting, stories } = useLoaderData<typeof loader>()
	return (
		<div>
			<PageHeader title={t('team.heading')} />
			<TeamFigures view={view} />
			{waiting ? <Waiting rows={waiting} /> : null}
			<HandledWell rows={stories} />
			{departmentName && list ? (
				<>
					<p className="mb-4 text-slate-700">{t('team.intro', { department: departmentName })}</p>
					<UserSearch label={t('team.searchLabel')} />
					{list.rows.length ? <UserTable rows={list.rows} /> : <p className="py-6 text-slate-600">{t('team.empty')}</p>}
					<Pagination page={list.page} pages={list.pages} total={list.total} />
				</>
			) : (
				<p className="text-slate-700">{t('team.noDepartment')}</p>
			)}
		</div>
	)
}

/** The team's moments colleagues marked as handled well this quarter, newest first. */
function HandledWell({ rows }: { rows: ReturnType<typeof useLoaderData<typeof loader>>['stories'] }) {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	return (
		<section aria-labelledby="team-handled-well" className="mb-8">
			<h2 id="team-handled-well" className="mb-1 text-lg font-semibold">
				{t('thanks.team')}
			</h2>
			<p className="mb-3 text-sm text-slate-700">{t('thanks.teamIntro')}</p>
			{rows.length ? (
				<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
					{rows.map((r) => (
						<li key={r.insightId} className="p-3">
							<p className="text-sm font-medium text-slate-900">
								{t('thanks.teamRow', { name: r.authorName, event: r.event ? localizedName(r.event, locale) : t('thanks.noEvent') })}
							</p>
							<p className="mt-1 text-sm text-slate-700">
								<Link to={`/insights/${r.insightId}#handled-well`} className="underline">
									{r.body.length > 140 ? `${r.body.slice(0, 140)}…` : r.body}
								</Link>
							</p>
							<p className="mt-1 text-xs text-slate-600">
								{t('thanks.count', { count: r.thanksCount })} · {format.date(r.createdAt)}
							</p>
						</li>
					))}
				</ul>
			) : (
				<p className="text-sm text-slate-600">{t('thanks.teamNone')}</p>
			)}
		</section>
	)
}

function Waiting({ rows }: { rows: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['waiting']> }) {
	const t = useT()
	return (
		<section aria-labelledby="team-waiting" className="mb-6">
			<h2 id="team-waiting" className="mb-1 text-lg font-semibold">
				{t('team.waiting')}
			</h2>
			<p className="mb-3 text-sm text-slate-700">{t('team.waitingIntro')}</p>
			{rows.length ? (
				<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
					{rows.map((row) => (
						<li key={row.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
							<Link to={`/ideas/${row.id}`} className="font-medium text-brand-900 underline-offset-2 hover:underline">
								{row.title}
							</Link>
							<span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
								{row.ownerName ?? t('triage.noOwner')}
								<SlaBadge sla={row.sla} />
							</span>
						</li>
					))}
				</ul>
			) : (
				<p className="text-slate-600">{t('team.waitingNone')}</p>
			)}
			<Link to="/triage?sort=due" className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
				{t('team.waitingAll')}
			</Link>
		</section>
	)
}

function TeamFigures({ view }: { view: ReturnType<typeof useLoaderData<typeof loader>>['view'] }) {
	const t = useT()
	const format = useFormat()
	const show = useFigureFormat()
	const figure = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm'
	return (
		<section aria-labelledby="team-figures" className="mb-6">
			<h2 id="team-figures" className="mb-1 text-lg font-semibold">
				{t('team.figures')}
			</h2>
			<p className="mb-3 text-sm text-slate-700">
				{t('dashboard.range', { from: format.date(view.range.from), to: format.date(view.range.to) })}
			</p>
			<ul className="grid gap-3 sm:grid-cols-3">
				<li className={figure}>
					<h3 className="text-sm font-medium text-slate-700">{t('team.participation')}</h3>
					{view.participation ? (
						<>
							<p className="mt-2 text-2xl font-semibold" data-metric="team-participation">
								{show('percent', view.participation.current)}
							</p>
							<p className="mt-1 text-xs text-slate-600">
								{t('dashboard.previous', { value: show('percent', view.participation.previous) })}
							</p>
						</>
					) : (
						<p className="mt-2 text-sm text-slate-700" data-metric="team-participation">
							{t('dashboard.tooSmall')} ({t('team.tooSmallHint', { min: view.minGroup })})
						</p>
					)}
				</li>
				<li className={figure}>
					<h3 className="text-sm font-medium text-slate-700">{t('team.ownMedian')}</h3>
					<p className="mt-2 text-2xl font-semibold" data-metric="own-median">
						{show('days', view.own.current.median)}
					</p>
					<p className="mt-1 text-xs text-slate-600">{t('dashboard.previous', { value: show('days', view.own.previous.median) })}</p>
				</li>
				<li className={figure}>
					<h3 className="text-sm font-medium text-slate-700">{t('team.ownP90')}</h3>
					<p className="mt-2 text-2xl font-semibold">{show('days', view.own.current.p90)}</p>
					<p className="mt-1 text-xs text-slate-600">{t('team.ownCount', { count: view.own.current.count, sla: view.sla })}</p>
				</li>
			</ul>
			{view.moments ? (
				<>
					<h3 id="team-moments" className="mb-2 mt-4 font-semibold">
						{t('team.moments')}
					</h3>
					<MomentFigures current={view.moments.current} previous={view.moments.previous} min={view.minGroup} id="team-moments" />
				</>
			) : null}
		</section>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'team.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
