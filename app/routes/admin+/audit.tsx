import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { listAudit } from '#app/models/audit.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:audit:any')
	return listAudit(Number(new URL(request.url).searchParams.get('page')) || 1)
}

/** The JSON detail as short "key: value" text; statuses and roles stay as stored codes. */
function describe(detail: string | null) {
	if (!detail) return ''
	try {
		return Object.entries(JSON.parse(detail) as Record<string, unknown>)
			.map(([key, value]) => `${key}: ${String(value)}`)
			.join(' · ')
	} catch {
		return ''
	}
}

export default function AuditRoute() {
	const t = useT()
	const format = useFormat()
	const list = useLoaderData<typeof loader>()
	return (
		<div>
			<PageHeader title={t('audit.heading')} />
			<p className="mb-4 text-slate-700">{t('audit.intro')}</p>
			{list.rows.length ? (
				<div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
					<table className="w-full text-left text-sm">
						<caption className="sr-only">{t('audit.heading')}</caption>
						<thead className="bg-slate-50 text-slate-700">
							<tr>
								<th scope="col" className="px-3 py-2">
									{t('audit.when')}
								</th>
								<th scope="col" className="px-3 py-2">
									{t('audit.who')}
								</th>
								<th scope="col" className="px-3 py-2">
									{t('audit.what')}
								</th>
								<th scope="col" className="px-3 py-2">
									{t('audit.target')}
								</th>
								<th scope="col" className="px-3 py-2">
									{t('audit.detail')}
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-200">
							{list.rows.map((row) => (
								<tr key={row.id}>
									<td className="whitespace-nowrap px-3 py-2">{format.dateTime(row.createdAt)}</td>
									<td className="px-3 py-2">{row.actorName}</td>
									<td className="px-3 py-2">{t(`audit.actions.${row.action}`)}</td>
									<td className="px-3 py-2">
										{row.targetType === 'idea' ? (
											<Link to={`/ideas/${row.targetId}`} className="text-brand-700 underline">
												{row.ideaTitle ?? row.targetId}
											</Link>
										) : row.targetType === 'user' ? (
											<Link to={`/admin/users/${row.targetId}`} className="text-brand-700 underline">
												{row.userName ?? row.targetId}
											</Link>
										) : (
											`${t(`moderation.kinds.${row.targetType}`)} ${row.targetId.slice(0, 8)}`
										)}
									</td>
									<td className="px-3 py-2 text-slate-600">{describe(row.detail)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p className="py-6 text-slate-600">{t('audit.empty')}</p>
			)}
			{list.pages > 1 ? <Pagination page={list.page} pages={list.pages} total={list.total} /> : null}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audit.heading')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
