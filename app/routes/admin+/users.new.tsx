import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { FormErrors } from '#app/components/ui/forms.tsx'
import { UserFields } from '#app/components/user-fields.tsx'
import { listDepartments } from '#app/models/department.server.ts'
import { toTree } from '#app/models/department.ts'
import { createUser } from '#app/models/user.server.ts'
import { UserFormSchema } from '#app/models/user.ts'
import { parseUserForm, redirectWithInvitation } from '#app/routes/admin+/__user-form.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'create:user:any')
	return { departments: toTree(listDepartments()).map(({ id, name, depth }) => ({ id, name, depth })) }
}

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'create:user:any')
	const submission = parseUserForm(await request.formData())
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { departmentId, ...rest } = submission.value
	const user = createUser({ ...rest, departmentId: departmentId || null }, admin.id)
	return redirectWithInvitation(user.id, admin.id, { emailed: 'users.created', notEmailed: 'users.createdNotEmailed' })
}

export default function NewUserRoute() {
	const t = useT()
	const { departments } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'new-user',
		lastResult: actionData?.result,
		constraint: getZodConstraint(UserFormSchema),
		defaultValue: { role: 'employee' },
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: UserFormSchema }),
	})
	return (
		<div>
			<PageHeader title={t('users.createHeading')} />
			<Card>
				<Form method="post" {...getFormProps(form)} className="space-y-6">
					<FormErrors errors={form.errors} />
					<UserFields fields={fields} departments={departments} />
					<div className="flex gap-2">
						<Button>{t('users.create')}</Button>
						<ButtonLink to="/admin/users">{t('common.cancel')}</ButtonLink>
					</div>
				</Form>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.createTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
