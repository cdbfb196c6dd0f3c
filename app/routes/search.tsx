import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Highlighted } from '#app/components/highlight.tsx'
import { StatusBadge } from '#app/components/tags.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { type IdeaStatus } from '#app/models/idea.ts'
import { PERIODS, type Period } from '#app/models/insight.ts'
import { search } from '#app/models/search.server.ts'
import { highlightSegments, SEARCH_KINDS, SEARCH_QUERY_MAX, type SearchKind } from '#app/models/search.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { toOptions } from '#app/models/taxonomy.ts'
import { oneOf } from '#app/routes/__filters.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:idea:any')
	const params = new URL(request.url).searchParams
	const query = (params.get('q') ?? '').slice(0, SEARCH_QUERY_MAX)
	const filters = {
		kind: oneOf<SearchKind>(SEARCH_KINDS, params.get('kind')),
		period: oneOf<Period>(PERIODS, params.get('period')),
		stageId: params.get('stage') || undefined,
		eventId: params.get('event') || undefined,
	}
	const { stages, events } = captureTaxonomy()
	return { query, results: query.trim() ? search(query, filters, Number(params.get('page')) || 1) : null, stages, events }
}

export default function SearchRoute() {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	const { query, results, stages, events } = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const navigation = useNavigation()
	const select = (name: string, label: string, options: Array<{ value: string; label: string }>, all: string) => (
		<div>
			<label htmlFor={`search-${name}`} className="block text-xs font-medium text-slate-700">
				{label}
			</label>
			<select
				id={`search-${name}`}
				name={name}
				defaultValue={params.get(name) ?? ''}
				className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
			>
				<option value="">{all}</option>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	)
	const pageLink = (page: number) => {
		const next = new URLSearchParams(params)
		next.set('page', String(page))
		return `?${next}`
	}
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('search.heading')} />
			<Form method="get" role="search" className="mb-6 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
				<div className="flex gap-2">
					<label htmlFor="search-q" className="sr-only">
						{t('search.label')}
					</label>
					<input
						id="search-q"
						type="search"
						name="q"
						defaultValue={query}
						maxLength={SEARCH_QUERY_MAX}
						placeholder={t('search.placeholder')}
						className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base"
					/>
					<Button>{t('search.submit')}</Button>
				</div>
				<div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
					{select(
						'kind',
						t('search.kind'),
						SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kinds.${k}`) })),
						t('insights.all'),
					)}
					{select('stage', t('insights.stage'), toOptions(stages, locale), t('insights.all'))}
					{select('event', t('insights.event'), toOptions(events, locale), t('insights.all'))}
					{select(
						'period',
						t('insights.period'),
						PERIODS.map((p) => ({ value: p, label: t(`insights.periods.${p}`) })),
						t('insights.anyTime'),
					)}
				</div>
			</Form>
			<div aria-live="polite" aria-busy={navigation.state === 'loading'}>
				{!results ? (
					<p className="text-slate-600">{t('search.intro')}</p>
				) : results.rows.length ? (
					<ol className="space-y-3">
						{results.rows.map((row) => {
							const to =
								row.kind === 'insight'
									? `/insights/${row.id}`
									: row.kind === 'comment'
										? `/ideas/${row.ideaId}#comment-${row.id}`
										: `/ideas/${row.id}`
							return (
								<li key={`${row.kind}-${row.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
									<p className="mb-1 flex flex-wrap items-center gap-2 text-xs font-semibold uppercase text-slate-600">
										{t(`search.kinds.${row.kind}`)}
										{row.status ? <StatusBadge status={row.status as IdeaStatus} /> : null}
									</p>
									<Link to={to} className="font-semibold text-brand-900 hover:underline">
										{row.title ?? headline(row.snippet)}
									</Link>
									<p className="mt-1 text-slate-800">
										<Highlighted text={row.snippet} />
									</p>
									<p className="mt-1 text-sm text-slate-600">
										{row.authorName ?? t('ideas.anonymousAuthor')} · {format.date(row.createdAt)}
									</p>
								</li>
							)
						})}
					</ol>
				) : (
					<p className="text-slate-600">{t('search.empty', { query })}</p>
				)}
			</div>
			{results && (results.page > 1 || results.hasMore) ? (
				<nav aria-label={t('common.pagination')} className="mt-4 flex gap-2">
					{results.page > 1 ? (
						<Link
							to={pageLink(results.page - 1)}
							className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium"
							rel="prev"
						>
							{t('common.previous')}
						</Link>
					) : null}
					{results.hasMore ? (
						<Link
							to={pageLink(results.page + 1)}
							className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium"
							rel="next"
						>
							{t('common.next')}
						</Link>
					) : null}
				</nav>
			) : null}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'search.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}

/** An insight has no title: its result is headed by the start of its matched text. */
function headline(snippet: string) {
	const text = highlightSegments(snippet)
		.map((segment) => segment.text)
		.join('')
		.replace(/\s+/g, ' ')
		.trim()
	if (text.length <= 80) return text
	const cut = text.slice(0, 80)
	return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 80)}…`
}
