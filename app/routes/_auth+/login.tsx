import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Field, FormErrors } from '#app/components/ui/forms.tsx'
import { getUserById } from '#app/models/user.server.ts'
import { EmailSchema } from '#app/models/user.ts'
import { oidcEnabled } from '#app/routes/_auth+/__oidc.server.ts'
import { samlEnabled } from '#app/routes/_auth+/__saml.server.ts'
import { getClientIp, requireAnonymous, startSession, verifyLogin } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { getT } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	const env = getEnv()
	const url = new URL(request.url)
	// With PASSWORD_LOGIN=admins the form shows only at /login?password (break-glass).
	const passwordForm = env.PASSWORD_LOGIN === 'on' || (env.PASSWORD_LOGIN === 'admins' && url.searchParams.has('password'))
	const path = oidcEnabled() ? '/sso/oidc' : samlEnabled() ? '/sso/saml' : null
	return { sso: path ? { name: env.SSO_NAME, path } : null, passwordForm, breakGlass: env.PASSWORD_LOGIN === 'admins' }
}

const LoginSchema = z.object({
	email: EmailSchema,
	password: z.string({ error: 'validation.required' }).min(1, 'validation.required'),
	redirectTo: z.string().optional(),
})

export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request)
	const submission = parseForm(await request.formData(), { schema: LoginSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	}
	const { email, password, redirectTo } = submission.value
	const env = getEnv()
	if (env.PASSWORD_LOGIN === 'off') {
		const t = getT(await getLocale(request, null))
		return data(
			{ result: submission.reply({ formErrors: [t('sso.passwordOff', { name: env.SSO_NAME })], hideFields: ['password'] }) },
			{ status: 403 },
		)
	}
	const verified = await verifyLogin(email, password, getClientIp(context))
	// Break-glass: with PASSWORD_LOGIN=admins only administrators' passwords open a session; anyone
	// else's, right or wrong, gets the answer a wrong password gets.
	const outcome: typeof verified =
		verified.ok && env.PASSWORD_LOGIN === 'admins' && !hasPermission(getUserById(verified.userId)?.role ?? 'employee', 'create:user:any')
			? { ok: false, reason: 'invalid' }
			: verified
	if (!outcome.ok) {
		const t = getT(await getLocale(request, null))
		const message = outcome.reason === 'locked' ? t('login.locked', { count: outcome.minutes }) : t('login.invalid')
		return data(
			{ result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
			{ status: outcome.reason === 'locked' ? 429 : 400 },
		)
	}
	return startSession(outcome.userId, redirectTo ?? null)
}

export default function LoginRoute() {
	const t = useT()
	const { sso, passwordForm, breakGlass } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'login',
		lastResult: actionData?.result,
		constraint: getZodConstraint(LoginSchema),
		// Checked when sent, not when the field autofocused on load loses focus: an error shown then moves
		// "Forgot your password?" from under the pointer that was clicking it.
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
	})
	const busy = navigation.state !== 'idle' && navigation.formAction === '/login'
	const redirectTo = searchParams.get('redirectTo')
	return (
		<div className="mx-auto max-w-md pt-4 sm:pt-10">
			<p className="mb-6 text-center text-slate-600">{t('app.tagline')}</p>
			<Card>
				<h1 className="mb-4 text-2xl font-bold">{t('login.heading')}</h1>
				{sso ? (
					<>
						{/* A plain link: the browser leaves for the IdP. */}
						<a
							href={`${sso.path}${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ''}`}
							className="flex min-h-11 w-full items-center justify-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
						>
							{t('sso.signIn', { name: sso.name })}
						</a>
						{passwordForm ? <p className="my-4 text-center text-sm text-slate-600">{t('sso.or')}</p> : null}
					</>
				) : null}
				{passwordForm ? (
					<Form method="post" {...getFormProps(form)} className="space-y-4">
						<FormErrors errors={form.errors} />
						<input type="hidden" name={fields.redirectTo.name} value={fields.redirectTo.initialValue ?? ''} />
						<Field label={t('login.email')} meta={fields.email} type="email" autoComplete="username" autoFocus />
						<Field label={t('login.password')} meta={fields.password} type="password" autoComplete="current-password" />
						<p className="text-sm">
							<Link to="/forgot-password" className="font-semibold text-brand-700 underline">
								{t('login.forgot')}
							</Link>
						</p>
						<Button className="w-full" disabled={busy} variant={sso ? 'secondary' : 'primary'}>
							{busy ? t('login.submitting') : t('login.submit')}
						</Button>
					</Form>
				) : null}
				{sso && breakGlass && !passwordForm ? (
					<Link to="/login?password" className="mt-4 inline-block text-sm text-slate-600 underline">
						{t('sso.breakGlass')}
					</Link>
				) : null}
				<p className="mt-4 text-sm text-slate-600">{t('login.noAccount')}</p>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
