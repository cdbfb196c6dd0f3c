import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ConfirmPanel } from '#app/components/confirm.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { FormErrors } from '#app/components/ui/forms.tsx'
import { UserFields } from '#app/components/user-fields.tsx'
import { listDepartments } from '#app/models/department.server.ts'
import { toTree } from '#app/models/department.ts'
import { getUserById, setUserActive, updateUser } from '#app/models/user.server.ts'
import { UserFormSchema } from '#app/models/user.ts'
import { parseUserForm, redirectWithInvitation } from '#app/routes/admin+/__user-form.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { useFormat, useRootData, useT } from '#app/utils/root-data.ts'

function loadUser(id: string | undefined) {
	const user = id ? getUserById(id) : null
	ensure(user, 'errors.userNotFound')
	return user
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:user:any')
	const user = loadUser(params.userId)
	return {
		user: { ...user, hasPassword: Boolean(user.hasPassword) },
		departments: toTree(listDepartments()).map(({ id, name, depth }) => ({ id, name, depth })),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'update:user:any')
	const user = loadUser(params.userId)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const here = `/admin/users/${user.id}`
	const isSelf = admin.id === user.id

	if (intent === 'update') {
		const submission = parseUserForm(formData, user.id)
		if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
		// An administrator keeps the power to manage people: nobody is left locked out.
		if (isSelf && !hasPermission(submission.value.role, 'update:user:any')) {
			return data({ result: submission.reply({ fieldErrors: { role: ['users.cannotDemoteSelf'] } }) }, { status: 400 })
		}
		const { departmentId, ...rest } = submission.value
		updateUser(user.id, { ...rest, departmentId: departmentId || null }, admin.id)
		return redirectWithToast(here, { kind: 'success', message: 'users.updated' })
	}
	if (intent === 'deactivate') {
		if (isSelf) return redirectWithToast(here, { kind: 'error', message: 'users.cannotDeactivateSelf' }, { status: 303 })
		setUserActive(user.id, false, admin.id)
		return redirectWithToast(here, { kind: 'success', message: 'users.deactivated_toast' })
	}
	if (intent === 'reactivate') {
		setUserActive(user.id, true, admin.id)
		return redirectWithToast(here, { kind: 'success', message: 'users.reactivated' })
	}
	if (intent === 'setup-link') {
		return redirectWithInvitation(user.id, admin.id, { emailed: 'users.newSetupLinkDone', notEmailed: 'users.newSetupLinkNotEmailed' })
	}
	httpError(400, 'errors.unknownAction')
}

export default function EditUserRoute() {
	const t = useT()
	const format = useFormat()
	const { user, departments } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const rootData = useRootData()
	const [searchParams] = useSearchParams()
	const setupLink = rootData?.setupLink?.userId === user.id ? rootData.setupLink.url : null
	const [form, fields] = useForm({
		id: `edit-user-${user.id}`,
		lastResult: actionData?.result,
		constraint: getZodConstraint(UserFormSchema),
		defaultValue: { name: user.name, email: user.email, role: user.role, departmentId: user.departmentId ?? '' },
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: UserFormSchema }),
	})
	return (
		<div className="space-y-6">
			<PageHeader title={user.name}>
				{user.deactivatedAt ? <Badge tone="red">{t('users.deactivated')}</Badge> : null}
				{!user.hasPassword ? <Badge tone="amber">{t('users.pendingSetup')}</Badge> : null}
			</PageHeader>
			{setupLink ? (
				<section aria-labelledby="setup-link-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
					<h2 id="setup-link-heading" className="font-semibold text-amber-950">
						{t('users.setupLinkHeading')}
					</h2>
					<p className="mt-1 text-amber-950">{t('users.setupLinkBody', { name: user.name })}</p>
					<label htmlFor="setup-link" className="sr-only">
						{t('users.setupLinkLabel')}
					</label>
					<input
						id="setup-link"
						readOnly
						value={setupLink}
						className="mt-2 block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
					/>
				</section>
			) : null}
			<Card>
				<h2 className="mb-4 text-lg font-semibold">{t('users.accountHeading')}</h2>
				<Form method="post" {...getFormProps(form)} className="space-y-6">
					<input type="hidden" name="intent" value="update" />
					<FormErrors errors={form.errors} />
					<UserFields fields={fields} departments={departments} />
					<div className="flex gap-2">
						<Button>{t('common.save')}</Button>
						<ButtonLink to="/admin/users">{t('common.cancel')}</ButtonLink>
					</div>
				</Form>
				<p className="mt-4 text-sm text-slate-600">{t('users.createdOn', { date: format.dateTime(user.createdAt) })}</p>
			</Card>
			<Card>
				<h2 className="mb-4 text-lg font-semibold">{t('users.accessHeading')}</h2>
				{searchParams.get('confirm') === 'deactivate' && !user.deactivatedAt ? (
					<ConfirmPanel
						message={t('users.deactivateConfirm', { name: user.name })}
						intent="deactivate"
						confirmLabel={t('users.deactivate')}
					/>
				) : null}
				<div className="flex flex-wrap gap-2">
					<Form method="post">
						<input type="hidden" name="intent" value="setup-link" />
						<Button variant="secondary">{t('users.newSetupLink')}</Button>
					</Form>
					{user.deactivatedAt ? (
						<Form method="post">
							<input type="hidden" name="intent" value="reactivate" />
							<Button variant="secondary">{t('users.reactivate')}</Button>
						</Form>
					) : (
						<ButtonLink to="?confirm=deactivate" variant="danger">
							{t('users.deactivate')}
						</ButtonLink>
					)}
				</div>
			</Card>
		</div>
	)
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	pageTitle(matches, 'users.editTitle', { name: data?.user.name ?? '' })

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
