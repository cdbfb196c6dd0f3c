import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Field, FormErrors } from '#app/components/ui/forms.tsx'
import { completePasswordSetup, findPasswordSetup } from '#app/models/user.server.ts'
import { NewPasswordSchema } from '#app/models/user.ts'
import { getAuth, startSession } from '#app/utils/auth.server.ts'
import { flashCookie } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { useT } from '#app/utils/root-data.ts'
import { invalidateSession } from '#app/utils/session.server.ts'

// The link itself is the credential: whoever holds a valid token may set that user's password.
export async function loader({ params }: LoaderFunctionArgs) {
	const setup = findPasswordSetup(params.token ?? '')
	if (!setup) return data({ setup: null }, { status: 404 })
	return { setup: { name: setup.name, email: setup.email, reset: setup.reset } }
}

const SetPasswordSchema = z
	.object({ password: NewPasswordSchema, confirm: z.string({ error: 'validation.required' }) })
	.refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'validation.passwordsDiffer' })

export async function action({ request, params }: ActionFunctionArgs) {
	const setup = findPasswordSetup(params.token ?? '')
	if (!setup) return data({ result: null, expired: true }, { status: 404 })
	const submission = parseForm(await request.formData(), { schema: SetPasswordSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }), expired: false }, { status: 400 })
	}
	completePasswordSetup(setup.setupId, setup.userId, await hashPassword(submission.value.password))
	// Whoever was signed in on this browser is signed out: the link's owner takes over.
	const current = await getAuth(request)
	if (current) invalidateSession(current.sessionId)
	return startSession(setup.userId, '/', {
		'Set-Cookie': await flashCookie({ toast: { kind: 'success', message: 'setPassword.done' } }),
	})
}

export default function SetPasswordRoute() {
	const t = useT()
	const { setup } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'set-password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(SetPasswordSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
	})
	if (!setup || actionData?.expired) {
		return (
			<div className="mx-auto max-w-md pt-10">
				<Card>
					<h1 className="mb-3 text-2xl font-bold">{t('setPassword.invalidTitle')}</h1>
					<p className="text-slate-700">{t('setPassword.invalidBody')}</p>
					<Link to="/login" className="mt-4 inline-block font-semibold text-brand-700 underline">
						{t('login.title')}
					</Link>
				</Card>
			</div>
		)
	}
	return (
		<div className="mx-auto max-w-md pt-4 sm:pt-10">
			<Card>
				<h1 className="mb-2 text-2xl font-bold">{t('setPassword.heading')}</h1>
				<p className="mb-4 text-slate-700">
					{t(setup.reset ? 'setPassword.resetIntro' : 'setPassword.intro', { name: setup.name, email: setup.email })}
				</p>
				<Form method="post" {...getFormProps(form)} className="space-y-4">
					<FormErrors errors={form.errors} />
					{/* Lets password managers store the login under the right account. */}
					<input type="email" name="username" value={setup.email} autoComplete="username" readOnly hidden />
					<Field
						label={t('setPassword.password')}
						meta={fields.password}
						type="password"
						autoComplete="new-password"
						hint={t('setPassword.passwordHint')}
						autoFocus
					/>
					<Field label={t('setPassword.confirm')} meta={fields.confirm} type="password" autoComplete="new-password" />
					<Button className="w-full">{t('setPassword.submit')}</Button>
				</Form>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'setPassword.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
