import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { Cell, Row, Table } from '#app/components/ui/table.tsx'
import { auditActors, listAudit, type AuditEntry } from '#app/models/audit.server.ts'
import { AUDIT_ACTIONS, AUDIT_EXPORT_LIMIT, auditFactText, type AuditFact } from '#app/models/audit.ts'
import { auditFiltersFrom } from '#app/routes/admin+/__audit.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:audit:any')
	const params = new URL(request.url).searchParams
	const { filters, dateOrder } = auditFiltersFrom(params)
	const filtered = Boolean(filters.actorId || filters.action || filters.from || filters.to)
	return { ...listAudit(filters, Number(params.get('page')) || 1), actors: auditActors(), dateOrder, filtered }
}

export default function AuditRoute() {
	const t = useT()
	const format = useFormat()
	const list = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const download = new URLSearchParams(params)
	download.delete('page')
	const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'
	const head = [t('audit.when'), t('audit.who'), t('audit.what'), t('audit.target'), t('audit.detail')]
	return (
		<div>
			<PageHeader title={t('audit.heading')} />
			<p className="mb-4 text-slate-700">{t('audit.intro')}</p>
			<Form method="get" className="mb-4 rounded-lg border border-slate-200 bg-white p-3" aria-label={t('insights.filters')}>
				<div className="grid grid-cols-2 gap-3 md:grid-cols-4">
					<div>
						<label htmlFor="audit-actor" className="block text-xs font-medium text-slate-700">
							{t('audit.who')}
						</label>
						<select id="audit-actor" name="actor" defaultValue={params.get('actor') ?? ''} className={input}>
							<option value="">{t('audit.everyone')}</option>
							{list.actors.map((a) => (
								<option key={a.id} value={a.id}>
									{a.name}
								</option>
							))}
						</select>
					</div>
					<div>
						<label htmlFor="audit-action" className="block text-xs font-medium text-slate-700">
							{t('audit.what')}
						</label>
						<select id="audit-action" name="action" defaultValue={params.get('action') ?? ''} className={input}>
							<option value="">{t('audit.everyAction')}</option>
							{AUDIT_ACTIONS.map((a) => (
								<option key={a} value={a}>
									{t(`audit.actions.${a}`)}
								</option>
							))}
						</select>
					</div>
					<div>
						<label htmlFor="audit-from" className="block text-xs font-medium text-slate-700">
							{t('audit.from')}
						</label>
						<input id="audit-from" type="date" name="from" defaultValue={params.get('from') ?? ''} className={input} />
					</div>
					<div>
						<label htmlFor="audit-to" className="block text-xs font-medium text-slate-700">
							{t('audit.to')}
						</label>
						<input id="audit-to" type="date" name="to" defaultValue={params.get('to') ?? ''} className={input} />
					</div>
				</div>
				<div className="mt-3 flex flex-wrap items-center gap-3">
					<Button variant="secondary">{t('insights.apply')}</Button>
					{list.filtered || list.dateOrder ? (
						<Link to="?" className="text-sm font-medium text-brand-700 underline">
							{t('common.clear')}
						</Link>
					) : null}
					{list.total ? (
						<a
							href={`/admin/audit/export?${download}`}
							download
							className="ml-auto text-sm font-medium text-brand-700 underline"
							aria-describedby="audit-download-hint"
						>
							{t('audit.download')}
						</a>
					) : null}
					<span id="audit-download-hint" className="sr-only">
						{t('audit.downloadHint', { limit: format.number(AUDIT_EXPORT_LIMIT) })}
					</span>
				</div>
			</Form>
			{list.dateOrder ? (
				<p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
					{t('audit.dateOrder')}
				</p>
			) : null}
			{list.rows.length ? (
				<Table caption={t('audit.heading')} head={head}>
					{list.rows.map((row) => (
						<Row key={row.id}>
							<Cell label={head[0]!} className="whitespace-nowrap">
								<time dateTime={new Date(row.createdAt).toISOString()}>{format.dateTime(row.createdAt)}</time>
							</Cell>
							<Cell label={head[1]!}>
								<Link to={`?actor=${row.actorId}`} className="text-brand-700 underline">
									{row.actorName}
								</Link>
							</Cell>
							<Cell label={head[2]!}>{t(`audit.actions.${row.action}`)}</Cell>
							<Cell label={head[3]!}>
								<Target target={row.target} />
							</Cell>
							<Cell label={head[4]!} className="text-slate-700">
								{row.facts.length ? (
									<ul className="space-y-0.5">
										{row.facts.map((fact) => (
											<li key={fact.field}>
												<Fact fact={fact} />
											</li>
										))}
									</ul>
								) : null}
							</Cell>
						</Row>
					))}
				</Table>
			) : (
				<p className="py-6 text-slate-600">{list.filtered ? t('audit.emptyFiltered') : t('audit.empty')}</p>
			)}
			{list.pages > 1 ? <Pagination page={list.page} pages={list.pages} total={list.total} /> : null}
		</div>
	)
}

const TARGET_LINKS: Partial<Record<AuditEntry['target']['type'], (id: string) => string>> = {
	idea: (id) => `/ideas/${id}`,
	insight: (id) => `/insights/${id}`,
	user: (id) => `/admin/users/${id}`,
	campaign: (id) => `/campaigns/${id}`,
}

function Target({ target }: { target: AuditEntry['target'] }) {
	const t = useT()
	const link = TARGET_LINKS[target.type]
	const label = target.name ?? t('audit.values.gone')
	return (
		<>
			<span className="block text-xs text-slate-600">{t(`audit.targets.${target.type}`)}</span>
			{link && target.name ? (
				<Link to={link(target.id)} className="text-brand-700 underline">
					{label}
				</Link>
			) : target.type === 'insight' ? (
				<Link to={`/insights/${target.id}`} className="font-mono text-xs text-brand-700 underline">
					{target.id.slice(0, 8)}
				</Link>
			) : target.type === 'comment' ? (
				<span className="font-mono text-xs">{target.id.slice(0, 8)}</span>
			) : (
				label
			)}
		</>
	)
}

/** A fact as text, with the idea it was merged into as a link. */
function Fact({ fact }: { fact: AuditFact }) {
	const t = useT()
	if (fact.field === 'into' && fact.value.kind === 'idea' && fact.value.name) {
		return (
			<>
				{t('audit.fields.into')}:{' '}
				<Link to={`/ideas/${fact.value.id}`} className="text-brand-700 underline">
					{fact.value.name}
				</Link>
			</>
		)
	}
	return <>{auditFactText(fact, t)}</>
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audit.heading')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
