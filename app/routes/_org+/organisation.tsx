import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { activeHeadcounts, listDepartments, rollUpHeadcounts } from '#app/models/department.server.ts'
import { toTree } from '#app/models/department.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:organisation:any')
	const rows = listDepartments()
	const totals = rollUpHeadcounts(rows, activeHeadcounts())
	return {
		departments: toTree(rows).map((d) => ({ id: d.id, name: d.name, depth: d.depth, people: totals.get(d.id) ?? 0 })),
	}
}

export default function OrganisationRoute() {
	const t = useT()
	const { departments } = useLoaderData<typeof loader>()
	return (
		<div>
			<PageHeader title={t('organisation.heading')} />
			<p className="mb-4 text-slate-700">{t('organisation.intro')}</p>
			<Card>
				{departments.length ? (
					<ul className="divide-y divide-slate-100">
						{departments.map((d) => (
							<li key={d.id} className="flex items-center justify-between gap-4 py-2">
								<span className={d.depth === 0 ? 'font-semibold' : ''}>
									<span aria-hidden className="text-slate-500">
										{'— '.repeat(d.depth)}
									</span>
									{d.name}
								</span>
								<span className="text-sm text-slate-600">{t('organisation.people', { count: d.people })}</span>
							</li>
						))}
					</ul>
				) : (
					<p className="text-slate-600">{t('organisation.empty')}</p>
				)}
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organisation.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
