import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { listDepartments } from '#app/models/department.server.ts'
import {
	applyImport,
	deleteImport,
	getImport,
	planImport,
	type Plan,
	type PlannedDepartment,
	type PlannedPerson,
} from '#app/models/import.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

/** Lines listed per group; the counts say how many there are in all. */
const SHOWN = 100

function summary(plan: Plan) {
	const departmentName = new Map(listDepartments().map((d) => [d.id, d.name]))
	const cut = <T,>(list: T[]) => list.slice(0, SHOWN)
	const describe = (entry: PlannedPerson | PlannedDepartment) =>
		'email' in entry
			? {
					line: entry.line,
					who: `${entry.name} <${entry.email}>`,
					role: entry.role,
					department: entry.departmentId ? (departmentName.get(entry.departmentId) ?? null) : null,
					active: entry.active,
					changes: entry.changes,
				}
			: {
					line: entry.line,
					who: entry.path.join(' / '),
					role: null,
					department: null,
					active: true,
					changes: entry.changes,
					creates: entry.creates,
				}
	return {
		kind: plan.kind,
		problem: plan.problem,
		counts: {
			create: plan.create.length,
			change: plan.change.length,
			deactivate: plan.deactivate.length,
			unchanged: plan.unchanged,
			errors: plan.errors.length,
		},
		create: cut<PlannedPerson | PlannedDepartment>(plan.create).map(describe),
		change: cut<PlannedPerson | PlannedDepartment>(plan.change).map(describe),
		deactivate: cut(plan.deactivate).map((p) => ({ who: `${p.name} <${p.email}>` })),
		errors: cut(plan.errors),
	}
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const admin = await requirePermission(request, 'create:user:any')
	const upload = getImport(params.importId ?? '')
	ensure(upload, 'import.gone')
	return {
		upload: { kind: upload.kind, createdAt: upload.createdAt, createdByName: upload.createdByName },
		plan: summary(planImport(upload, admin.id)),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'create:user:any')
	const form = await request.formData()
	const id = params.importId ?? ''
	if (form.get('intent') === 'cancel') {
		deleteImport(id)
		return redirectWithToast('/admin/import', { kind: 'success', message: 'import.cancelled' })
	}
	if (form.get('intent') !== 'apply') httpError(400, 'errors.unknownAction')
	const result = applyImport(id, form.get('valid') === 'yes', admin.id)
	ensure(result.outcome !== 'gone', 'import.gone')
	if (result.outcome === 'blocked') return data({ blocked: true }, { status: 409 })
	return redirectWithToast(result.kind === 'departments' ? '/admin/departments' : '/admin/users', {
		kind: 'success',
		message: 'import.done',
		values: result.counts,
	})
}

function Rows({
	title,
	rows,
	total,
	changes,
}: {
	title: string
	rows: Array<{ line?: number; who: string; changes?: string[]; department?: string | null; role?: string | null; creates?: string[] }>
	total: number
	changes?: boolean
}) {
	const t = useT()
	if (!total) return null
	return (
		<section className="space-y-2">
			<h2 className="text-lg font-semibold">{title}</h2>
			<ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
				{rows.map((row, i) => (
					<li key={`${row.line ?? 'x'}-${i}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm">
						{row.line ? (
							<span className="w-16 shrink-0 text-slate-600">
								{t('import.line')} {row.line}
							</span>
						) : null}
						<span className="font-medium">{row.who}</span>
						{row.role ? <Badge>{t(`roles.${row.role}` as MessageKey)}</Badge> : null}
						{row.department ? <span className="text-slate-600">{row.department}</span> : null}
						{row.creates?.length ? <span className="text-slate-600">+ {row.creates.join(' / ')}</span> : null}
						{changes && row.changes?.length ? (
							<span className="text-slate-700">
								{t('import.what')}: {row.changes.map((c) => t(`import.fields.${c}` as MessageKey)).join(', ')}
							</span>
						) : null}
					</li>
				))}
			</ul>
			{total > rows.length ? <p className="text-sm text-slate-600">{t('import.shown', { shown: rows.length, count: total })}</p> : null}
		</section>
	)
}

export default function ImportPreviewRoute() {
	const t = useT()
	const format = useFormat()
	const { upload: file, plan } = useLoaderData<typeof loader>()
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const { counts } = plan
	const valid = counts.create + counts.change + counts.deactivate
	return (
		<div className="space-y-6">
			<PageHeader title={t('import.previewHeading')} />
			<p className="-mt-2 text-slate-700">
				{t('import.fileFrom', { kind: t(`import.${file.kind}`), name: file.createdByName, date: format.dateTime(file.createdAt) })}
			</p>
			{plan.problem ? (
				<p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
					{t(plan.problem.key, plan.problem.values)}
				</p>
			) : (
				<Card>
					<ul className="flex flex-wrap gap-2" aria-label={t('import.previewHeading')} data-testid="import-counts">
						<li>
							<Badge tone="green">{t('import.create', { count: counts.create })}</Badge>
						</li>
						<li>
							<Badge tone="amber">{t('import.change', { count: counts.change })}</Badge>
						</li>
						{plan.kind === 'people' ? (
							<li>
								<Badge tone="red">{t('import.deactivate', { count: counts.deactivate })}</Badge>
							</li>
						) : null}
						<li>
							<Badge>{t('import.unchanged', { count: counts.unchanged })}</Badge>
						</li>
						{counts.errors ? (
							<li>
								<Badge tone="red">{t('import.errors', { count: counts.errors })}</Badge>
							</li>
						) : null}
					</ul>
				</Card>
			)}
			{plan.errors.length ? (
				<section className="space-y-2" aria-labelledby="import-problems">
					<h2 id="import-problems" className="text-lg font-semibold text-red-900">
						{t('import.errors', { count: counts.errors })}
					</h2>
					<div className="overflow-x-auto rounded-md border border-red-200 bg-white">
						<table className="w-full text-left text-sm">
							<thead className="bg-red-50 text-red-950">
								<tr>
									<th scope="col" className="px-3 py-2">
										{t('import.line')}
									</th>
									<th scope="col" className="px-3 py-2">
										{t('import.who')}
									</th>
									<th scope="col" className="px-3 py-2">
										{t('import.problem')}
									</th>
								</tr>
							</thead>
							<tbody className="divide-y divide-slate-100">
								{plan.errors.map((e) => (
									<tr key={e.line}>
										<td className="px-3 py-2">{e.line}</td>
										<td className="px-3 py-2">{e.who}</td>
										<td className="px-3 py-2">{e.problems.map((p) => t(p.key, p.values)).join(' ')}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{counts.errors > plan.errors.length ? (
						<p className="text-sm text-slate-600">{t('import.shown', { shown: plan.errors.length, count: counts.errors })}</p>
					) : null}
				</section>
			) : null}
			<Rows title={t('import.create', { count: counts.create })} rows={plan.create} total={counts.create} />
			<Rows title={t('import.change', { count: counts.change })} rows={plan.change} total={counts.change} changes />
			<Rows title={t('import.deactivate', { count: counts.deactivate })} rows={plan.deactivate} total={counts.deactivate} />
			<Card>
				{plan.problem ? null : !valid ? (
					<p className="mb-3 text-slate-700">{t('import.nothing')}</p>
				) : counts.errors ? (
					<p className="mb-3 text-slate-700">{t('import.blocked')}</p>
				) : null}
				<div className="flex flex-wrap gap-2">
					{!plan.problem && valid ? (
						<Form method="post">
							<input type="hidden" name="intent" value="apply" />
							<input type="hidden" name="valid" value={counts.errors ? 'yes' : 'no'} />
							<Button disabled={busy}>{counts.errors ? t('import.importValid', { count: valid }) : t('import.importAll')}</Button>
						</Form>
					) : null}
					<Form method="post">
						<input type="hidden" name="intent" value="cancel" />
						<Button variant="secondary">{t('import.cancel')}</Button>
					</Form>
					<Link
						to="/admin/import"
						className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-brand-700 underline sm:min-h-9"
					>
						{t('import.heading')}
					</Link>
				</div>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'import.previewTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
