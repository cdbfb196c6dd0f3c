import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { UserSearch, UserTable } from '#app/components/user-table.tsx'
import { listUsers } from '#app/models/user.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:user:any')
	const url = new URL(request.url)
	return listUsers({
		query: url.searchParams.get('q') ?? undefined,
		includeDeactivated: url.searchParams.get('all') === '1',
		page: Number(url.searchParams.get('page')) || 1,
	})
}

export default function AdminUsersRoute() {
	const t = useT()
	const list = useLoaderData<typeof loader>()
	return (
		<div>
			<PageHeader title={t('users.heading')}>
				<ButtonLink to="/admin/users/new" variant="primary">
					{t('users.newUser')}
				</ButtonLink>
			</PageHeader>
			<UserSearch label={t('users.searchLabel')} showDeactivatedToggle />
			{list.rows.length ? (
				<UserTable rows={list.rows} linkTo={(id) => `/admin/users/${id}`} />
			) : (
				<p className="py-6 text-slate-600">{t('users.empty')}</p>
			)}
			<Pagination page={list.page} pages={list.pages} total={list.total} />
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
