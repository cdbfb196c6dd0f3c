import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

// This guard only protects the layout's own data; every child route checks again.
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:user:any')
	return null
}

const SECTIONS: Array<[string, MessageKey]> = [
	['/admin/users', 'admin.users'],
	['/admin/import', 'admin.import'],
	['/admin/scim', 'admin.scim'],
	['/admin/departments', 'admin.departments'],
	['/admin/taxonomy/stages', 'admin.stages'],
	['/admin/taxonomy/events', 'admin.events'],
	['/admin/emerging', 'admin.emerging'],
	['/admin/taxonomy/channels', 'admin.channels'],
	['/admin/moderation', 'admin.moderation'],
	['/admin/audit', 'admin.audit'],
	['/admin/boards', 'board.admin.title'],
]

export default function AdminLayout() {
	const t = useT()
	return (
		<div className="gap-8 md:flex">
			<nav aria-label={t('admin.sections')} className="mb-6 md:mb-0 md:w-52 md:shrink-0">
				<p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600">{t('admin.heading')}</p>
				<ul className="flex flex-wrap gap-1 md:flex-col">
					{SECTIONS.map(([to, label]) => (
						<li key={to}>
							<NavLink
								to={to}
								className={({ isActive }) =>
									`block rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-brand-100 text-brand-900' : 'text-slate-700 hover:bg-slate-100'}`
								}
							>
								{t(label)}
							</NavLink>
						</li>
					))}
				</ul>
			</nav>
			<div className="min-w-0 flex-1">
				<Outlet />
			</div>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
