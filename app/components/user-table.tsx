import { Form, Link, useSearchParams } from '@remix-run/react'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Cell, Row, Table } from '#app/components/ui/table.tsx'
import { type Role } from '#app/utils/permissions.ts'
import { useT } from '#app/utils/root-data.ts'

export type UserListRow = {
	id: string
	name: string
	email: string
	role: Role
	departmentName: string | null
	deactivatedAt: Date | string | null
	hasPassword: boolean
}

/** The search box of a people list; works as a plain GET form. */
export function UserSearch({ label, showDeactivatedToggle = false }: { label: string; showDeactivatedToggle?: boolean }) {
	const t = useT()
	const [searchParams] = useSearchParams()
	return (
		<Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
			<div className="min-w-0 flex-1 sm:max-w-sm">
				<label htmlFor="user-search" className="block text-sm font-medium text-slate-800">
					{label}
				</label>
				<input
					id="user-search"
					type="search"
					name="q"
					defaultValue={searchParams.get('q') ?? ''}
					className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm"
				/>
			</div>
			{showDeactivatedToggle ? (
				<label className="flex items-center gap-2 py-2 text-sm">
					<input type="checkbox" name="all" value="1" defaultChecked={searchParams.get('all') === '1'} className="h-4 w-4" />
					{t('users.includeDeactivated')}
				</label>
			) : null}
			<Button variant="secondary">{t('common.search')}</Button>
		</Form>
	)
}

export function UserTable({ rows, linkTo }: { rows: UserListRow[]; linkTo?: (id: string) => string }) {
	const t = useT()
	const head = [t('common.name'), t('users.email'), t('users.role'), t('users.department'), t('users.state')]
	return (
		<Table caption={t('users.heading')} head={head}>
			{rows.map((row) => (
				<Row key={row.id}>
					<Cell label={head[0]!} className="font-medium">
						{linkTo ? (
							<Link to={linkTo(row.id)} className="text-brand-700 underline">
								{row.name}
							</Link>
						) : (
							row.name
						)}
					</Cell>
					<Cell label={head[1]!} className="md:break-all">
						{row.email}
					</Cell>
					<Cell label={head[2]!}>{t(`roles.${row.role}`)}</Cell>
					<Cell label={head[3]!}>{row.departmentName ?? t('common.none')}</Cell>
					<Cell label={head[4]!}>
						{row.deactivatedAt ? (
							<Badge tone="red">{t('users.deactivated')}</Badge>
						) : !row.hasPassword ? (
							<Badge tone="amber">{t('users.pendingSetup')}</Badge>
						) : (
							<Badge tone="green">{t('common.active')}</Badge>
						)}
					</Cell>
				</Row>
			))}
		</Table>
	)
}
