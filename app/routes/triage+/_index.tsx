import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { departmentSelect } from '#app/components/filters.tsx'
import { SlaBadge, StatusBadge } from '#app/components/tags.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { FilterForm, type FilterSelect } from '#app/components/ui/filter-bar.tsx'
import { Meta } from '#app/components/ui/meta.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { listCampaigns } from '#app/models/campaign.server.ts'
import { IDEA_STATUSES, QUEUE_SORTS, SLA_FILTERS, STATUS, type IdeaStatus, type QueueSort } from '#app/models/idea.ts'
import { toOptions } from '#app/models/taxonomy.ts'
import { changeStatus, evaluate, ideaInScope, listQueue, resolveOwner } from '#app/models/triage.server.ts'
import { getUserById } from '#app/models/user.server.ts'
import { filterOptions, shortText } from '#app/routes/__filters.server.ts'
import { OwnerField } from '#app/routes/resources+/owners.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { httpError } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:triage:scope')
	const params = new URL(request.url).searchParams
	const sort = QUEUE_SORTS.find((s) => s === params.get('sort')) ?? 'oldest'
	const status = IDEA_STATUSES.find((s) => s === params.get('status'))
	// The owner filter offers "unassigned" and "me"; any other owner is reached from a row.
	const ownerParam = shortText(params.get('owner'))
	const ownerId = ownerParam === 'me' ? user.id : ownerParam
	const queue = listQueue(
		user,
		{
			status,
			stageId: shortText(params.get('stage')),
			eventId: shortText(params.get('event')),
			campaignId: shortText(params.get('campaign')),
			departmentId: shortText(params.get('department')),
			ownerId,
			sla: SLA_FILTERS.find((s) => s === params.get('sla')),
		},
		sort,
		Number(params.get('page')) || 1,
	)
	const { stages, events, departments, departmentsPartial } = filterOptions(shortText(params.get('department')))
	const { open, upcoming, closed } = listCampaigns()
	return {
		queue,
		sort,
		options: {
			stages,
			events,
			departments,
			departmentsPartial,
			campaigns: [...open, ...upcoming, ...closed].map((c) => ({ id: c.id, title: c.title })),
		},
		filteredOwner: ownerId && ownerParam !== 'me' && ownerId !== 'none' ? { id: ownerId, name: getUserById(ownerId)?.name ?? null } : null,
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:triage:scope')
	const formData = await request.formData()
	const intent = formData.get('intent')
	const ids = [...new Set(formData.getAll('ids').map(String))].slice(0, 100)
	const back = new URL(request.url)
	const to = `/triage${back.search}`
	if (!ids.length) return redirectWithToast(to, { kind: 'error', message: 'triage.bulkNone' })
	let done = 0
	if (intent === 'bulk-review') {
		for (const id of ids) if (ideaInScope(id, user) && changeStatus(id, user, STATUS.in_review, null).ok) done++
	} else if (intent === 'bulk-assign') {
		const typed = String(formData.get('owner') ?? '').trim()
		if (!typed) return redirectWithToast(to, { kind: 'error', message: 'triage.ownerRequired' })
		const choice = resolveOwner(typed)
		if (!choice.ok) return redirectWithToast(to, { kind: 'error', message: choice.error })
		for (const id of ids) if (ideaInScope(id, user) && evaluate(id, user, { ownerId: choice.ownerId })) done++
	} else {
		httpError(400, 'errors.unknownAction')
	}
	return redirectWithToast(to, {
		kind: done === ids.length ? 'success' : 'error',
		message: 'triage.bulkDone',
		values: { done, total: ids.length },
	})
}

export default function TriageRoute() {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	const { queue, sort, options, filteredOwner } = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const selects: FilterSelect[] = [
		{
			name: 'status',
			label: t('ideas.status'),
			allLabel: t('triage.open'),
			options: IDEA_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
		},
		{ name: 'stage', label: t('insights.stage'), options: toOptions(options.stages, locale) },
		{ name: 'event', label: t('insights.event'), options: toOptions(options.events, locale) },
		{ name: 'campaign', label: t('ideas.campaign'), options: options.campaigns.map((c) => ({ value: c.id, label: c.title })) },
		departmentSelect(options, t),
		{ name: 'sla', label: t('triage.sla.filter'), options: SLA_FILTERS.map((f) => ({ value: f, label: t(`triage.sla.filters.${f}`) })) },
		{
			name: 'owner',
			label: t('triage.owner'),
			options: [
				{ value: 'none', label: t('triage.noOwner') },
				{ value: 'me', label: t('triage.ownerMe') },
				...(filteredOwner ? [{ value: filteredOwner.id, label: filteredOwner.name ?? t('triage.unknownPerson') }] : []),
			],
		},
	]
	const ownerLink = (id: string) => {
		const next = new URLSearchParams(params)
		next.set('owner', id)
		next.delete('page')
		return `?${next}`
	}
	const sortLink = (value: QueueSort) => {
		const next = new URLSearchParams(params)
		next.set('sort', value)
		next.delete('page')
		return `?${next}`
	}
	return (
		<div>
			<PageHeader title={t('triage.heading')} />
			<p className="mb-4 text-slate-700">{t('triage.intro', { count: queue.slaDays })}</p>
			<nav aria-label={t('triage.sort')} className="mb-3">
				<ul className="flex flex-wrap gap-1 border-b border-slate-200">
					{QUEUE_SORTS.map((value) => (
						<li key={value}>
							<Link
								to={sortLink(value)}
								aria-current={sort === value ? 'page' : undefined}
								className={`block border-b-2 px-3 py-2 text-sm font-medium ${sort === value ? 'border-brand-700 text-brand-900' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
							>
								{t(`triage.sorts.${value}`)}
							</Link>
						</li>
					))}
				</ul>
			</nav>
			<FilterForm selects={selects} keep={['sort']} />
			{queue.rows.length ? (
				<Form method="post">
					<div className="mb-3 flex flex-wrap items-start gap-2 rounded-lg border border-slate-200 bg-white p-3">
						<Button name="intent" value="bulk-review" variant="secondary" className="mt-5">
							{t('triage.bulkReview')}
						</Button>
						<div className="flex flex-wrap items-start gap-2">
							<div className="w-64">
								<OwnerField id="bulk-owner" name="owner" hint={t('triage.ownerBulkHint')} compact />
							</div>
							<Button name="intent" value="bulk-assign" variant="secondary" className="mt-5">
								{t('triage.bulkAssign')}
							</Button>
						</div>
					</div>
					<ul className="space-y-2">
						{queue.rows.map((row) => (
							<li
								key={row.id}
								className={`flex gap-3 rounded-lg border bg-white p-3 ${row.sla?.kind === 'overdue' ? 'border-red-300' : 'border-slate-200'}`}
							>
								<input
									type="checkbox"
									name="ids"
									value={row.id}
									aria-label={t('triage.select', { title: row.title })}
									className="mt-1 h-5 w-5 accent-brand-700"
								/>
								<div className="min-w-0 flex-1 space-y-1">
									<div className="flex flex-wrap items-start justify-between gap-2">
										<Link to={`/ideas/${row.id}`} className="font-semibold text-brand-900 hover:underline">
											{row.title}
										</Link>
										<span className="flex items-center gap-2">
											<StatusBadge status={row.status as IdeaStatus} />
											<SlaBadge sla={row.sla} />
										</span>
									</div>
									<Meta>
										{t('triage.waiting', { count: row.daysWaiting })}
										{format.date(row.createdAt)}
										{t('ideas.votes', { count: row.voteCount })}
										{row.score !== null
											? t('triage.weighted', { value: format.number(row.score) })
											: row.scored
												? t('triage.partlyScored', { scored: row.scored, total: row.criteriaCount })
												: t('triage.notScored')}
										<>
											{t('triage.owner')}:{' '}
											{row.ownerId && row.ownerName ? (
												<Link to={ownerLink(row.ownerId)} className="underline hover:text-slate-900">
													{row.ownerName}
												</Link>
											) : (
												t('triage.noOwner')
											)}
										</>
									</Meta>
									<p className="text-sm text-slate-600">
										{row.insightCount
											? t('triage.evidence', {
													insights: t('counts.insights', { count: row.insightCount }),
													recurrence: t('counts.seenToo', { count: row.recurrence }),
													emotion: format.number(Math.round((row.meanEmotion ?? 0) * 10) / 10),
												})
											: t('triage.noEvidence')}
									</p>
								</div>
							</li>
						))}
					</ul>
				</Form>
			) : (
				<p className="py-6 text-slate-600">{t('triage.empty')}</p>
			)}
			{queue.pages > 1 ? <Pagination page={queue.page} pages={queue.pages} total={queue.total} /> : null}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'triage.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
