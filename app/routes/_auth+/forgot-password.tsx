import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Field, FormErrors } from '#app/components/ui/forms.tsx'
import { requestPasswordReset } from '#app/models/account.server.ts'
import { EmailSchema } from '#app/models/user.ts'
import { getClientIp, requireAnonymous } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

const ForgotSchema = z.object({ email: EmailSchema })

// The same answer whether or not the address has an account (decision 061).
export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request)
	const submission = parseForm(await request.formData(), { schema: ForgotSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), sentTo: null }, { status: 400 })
	const { email } = submission.value
	const outcome = await requestPasswordReset(email, getClientIp(context))
	if (outcome === 'too-many') return data({ result: submission.reply({ formErrors: ['forgot.tooMany'] }), sentTo: null }, { status: 429 })
	return { result: submission.reply({ resetForm: true }), sentTo: email }
}

export default function ForgotPasswordRoute() {
	const t = useT()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'forgot-password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ForgotSchema),
		// As on the login page: checked when sent, so leaving the autofocused field moves nothing.
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotSchema }),
	})
	const busy = navigation.state !== 'idle' && navigation.formAction === '/forgot-password'
	return (
		<div className="mx-auto max-w-md pt-4 sm:pt-10">
			<Card>
				<h1 className="mb-2 text-2xl font-bold">{t('forgot.heading')}</h1>
				{actionData?.sentTo ? (
					<p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
						{t('forgot.sent', { email: actionData.sentTo })}
					</p>
				) : (
					<p className="mb-4 text-slate-700">{t('forgot.intro')}</p>
				)}
				<Form method="post" {...getFormProps(form)} className="space-y-4">
					<FormErrors errors={form.errors} />
					<Field label={t('login.email')} meta={fields.email} type="email" autoComplete="username" autoFocus />
					<Button className="w-full" disabled={busy}>
						{busy ? t('forgot.submitting') : t('forgot.submit')}
					</Button>
				</Form>
				<Link to="/login" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
					{t('forgot.back')}
				</Link>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forgot.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
