import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { PageHeader } from '#app/components/ui.tsx'
import { UserSearch, UserTable } from '#app/components/user-table.tsx'
import { getDepartment, subtreeIds } from '#app/models/department.server.ts'
import { listUsers } from '#app/models/user.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:team:scope')
	const department = user.departmentId ? getDepartment(user.departmentId) : null
	if (!department) return { departmentName: null, list: null }
	const url = new URL(request.url)
	const list = listUsers({
		query: url.searchParams.get('q') ?? undefined,
		departmentIds: subtreeIds(department.id),
		page: Number(url.searchParams.get('page')) || 1,
	})
	return { departmentName: department.name, list }
}

export default function TeamRoute() {
	const t = useT()
	const { departmentName, list } = useLoaderData<typeof loader>()
	return (
		<div>
			<PageHeader title={t('team.heading')} />
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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'team.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
