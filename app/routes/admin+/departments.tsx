import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { ConfirmPanel } from '#app/components/confirm.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { CheckboxField, Field, FormErrors, SelectField } from '#app/components/ui/forms.tsx'
import {
	activeHeadcounts,
	canMoveUnder,
	createDepartment,
	departmentNameTaken,
	getDepartment,
	listDepartments,
	removeDepartment,
	restoreDepartment,
	updateDepartment,
} from '#app/models/department.server.ts'
import { DepartmentSchema, toTree } from '#app/models/department.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:department:any')
	const own = activeHeadcounts()
	return {
		departments: toTree(listDepartments({ includeRetired: true })).map((d) => ({ ...d, people: own.get(d.id) ?? 0 })),
	}
}

function parseDepartment(formData: FormData, id?: string) {
	return parseForm(formData, {
		schema: DepartmentSchema.superRefine((value, ctx) => {
			const parentId = value.parentId || null
			const parent = parentId ? getDepartment(parentId) : null
			if (parentId && (!parent || parent.retiredAt)) {
				ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'validation.unknownDepartment' })
			} else if (id && !canMoveUnder(id, parentId)) {
				ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'validation.parentCycle' })
			}
			if (departmentNameTaken(value.name, parentId, id)) {
				ctx.addIssue({ code: 'custom', path: ['name'], message: 'validation.nameTaken' })
			}
		}),
	})
}

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'read:department:any')
	const formData = await request.formData()
	const intent = formData.get('intent')
	const id = String(formData.get('id') ?? '')
	const here = '/admin/departments'
	if (intent === 'create') {
		await requirePermission(request, 'create:department:any')
		const submission = parseDepartment(formData)
		if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
		const { name, parentId, customerFacing } = submission.value
		createDepartment({ name, parentId: parentId || null, customerFacing }, admin.id)
		return redirectWithToast(here, { kind: 'success', message: 'departments.added' })
	}
	if (intent === 'update') {
		await requirePermission(request, 'update:department:any')
		ensure(getDepartment(id), 'errors.departmentNotFound')
		const submission = parseDepartment(formData, id)
		if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
		const { name, parentId, customerFacing } = submission.value
		updateDepartment(id, { name, parentId: parentId || null, customerFacing }, admin.id)
		return redirectWithToast(here, { kind: 'success', message: 'departments.updated' })
	}
	if (intent === 'delete') {
		await requirePermission(request, 'delete:department:any')
		const outcome = removeDepartment(id, admin.id)
		ensure(outcome !== 'not-found', 'errors.departmentNotFound')
		return redirectWithToast(here, {
			kind: 'success',
			message: outcome === 'retired' ? 'departments.retired' : 'departments.deleted',
		})
	}
	if (intent === 'restore') {
		await requirePermission(request, 'update:department:any')
		ensure(restoreDepartment(id, admin.id), 'errors.departmentNotFound')
		return redirectWithToast(here, { kind: 'success', message: 'departments.restored' })
	}
	httpError(400, 'errors.unknownAction')
}

type Dept = ReturnType<typeof useLoaderData<typeof loader>>['departments'][number]

function DepartmentForm({ department, options }: { department?: Dept; options: Dept[] }) {
	const t = useT()
	const actionData = useActionData<typeof action>()
	const intent = department ? 'update' : 'create'
	const [form, fields] = useForm({
		id: department ? `department-${department.id}` : 'department-new',
		lastResult: actionData?.intent === intent ? actionData.result : undefined,
		constraint: getZodConstraint(DepartmentSchema),
		defaultValue: department
			? { name: department.name, parentId: department.parentId ?? '', customerFacing: department.customerFacing ? 'on' : undefined }
			: undefined,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: DepartmentSchema }),
	})
	return (
		<Form method="post" action="/admin/departments" {...getFormProps(form)} className="space-y-4">
			<input type="hidden" name="intent" value={intent} />
			{department ? <input type="hidden" name="id" value={department.id} /> : null}
			<FormErrors errors={form.errors} />
			<div className="grid gap-4 sm:grid-cols-2">
				<Field label={t('common.name')} meta={fields.name} autoFocus={Boolean(department)} />
				<SelectField
					label={t('departments.parent')}
					meta={fields.parentId}
					placeholder={t('departments.noParent')}
					options={options
						.filter((d) => !d.retiredAt && d.id !== department?.id)
						.map((d) => ({ value: d.id, label: d.name, depth: d.depth }))}
				/>
			</div>
			<CheckboxField label={t('departments.customerFacing')} hint={t('departments.customerFacingHint')} meta={fields.customerFacing} />
			<div className="flex gap-2">
				<Button>{department ? t('common.save') : t('common.add')}</Button>
				{department ? <ButtonLink to="/admin/departments">{t('common.cancel')}</ButtonLink> : null}
			</div>
		</Form>
	)
}

export default function DepartmentsRoute() {
	const t = useT()
	const { departments } = useLoaderData<typeof loader>()
	const [searchParams] = useSearchParams()
	// A successful save redirects here: a new location key rebuilds the forms from the saved data, so
	// the add form is empty again; a refused save keeps what was typed.
	const location = useLocation()
	const editing = searchParams.get('edit')
	const confirming = searchParams.get('confirm')
	return (
		<div className="space-y-6">
			<PageHeader title={t('departments.heading')} />
			<Card>
				{departments.length ? (
					<ul className="divide-y divide-slate-100">
						{departments.map((d) => (
							<li key={d.id} className="py-3">
								{editing === d.id ? (
									<DepartmentForm key={location.key} department={d} options={departments} />
								) : (
									<div className="flex flex-wrap items-center justify-between gap-2">
										<span className={d.retiredAt ? 'text-slate-600' : ''}>
											<span aria-hidden className="text-slate-500">
												{'— '.repeat(d.depth)}
											</span>
											<span className="font-medium">{d.name}</span>{' '}
											<span className="text-sm text-slate-600">· {t('departments.people', { count: d.people })}</span>{' '}
											{d.customerFacing ? <Badge tone="green">{t('departments.meetsCustomers')}</Badge> : null}{' '}
											{d.retiredAt ? <Badge>{t('common.retired')}</Badge> : null}
										</span>
										<span className="flex gap-1">
											{d.retiredAt ? (
												<Form method="post">
													<input type="hidden" name="intent" value="restore" />
													<input type="hidden" name="id" value={d.id} />
													<Button variant="ghost" aria-label={`${t('common.restore')}: ${d.name}`}>
														{t('common.restore')}
													</Button>
												</Form>
											) : (
												<>
													<Link
														to={`?edit=${d.id}`}
														className="rounded px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
														aria-label={`${t('common.edit')}: ${d.name}`}
													>
														{t('common.edit')}
													</Link>
													<Link
														to={`?confirm=${d.id}`}
														className="rounded px-3 py-2 text-sm font-semibold text-red-700 hover:bg-red-50"
														aria-label={`${t('common.delete')}: ${d.name}`}
													>
														{t('common.delete')}
													</Link>
												</>
											)}
										</span>
									</div>
								)}
								{confirming === d.id && !d.retiredAt ? (
									<ConfirmPanel
										message={t('departments.deleteConfirm', { name: d.name })}
										intent="delete"
										fields={{ id: d.id }}
										confirmLabel={t('common.delete')}
									/>
								) : null}
							</li>
						))}
					</ul>
				) : (
					<p className="text-slate-600">{t('departments.empty')}</p>
				)}
			</Card>
			<Card>
				<h2 className="mb-4 text-lg font-semibold">{t('departments.addHeading')}</h2>
				<DepartmentForm key={location.key} options={departments} />
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'departments.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
