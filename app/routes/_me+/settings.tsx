import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { ChoiceGroup, Field, FormErrors, SelectField } from '#app/components/ui/forms.tsx'
import { LOCALES } from '#app/locales/index.ts'
import { getDepartment } from '#app/models/department.server.ts'
import { setEmailDigest } from '#app/models/email.server.ts'
import {
	getEmailDigest,
	getMomentsDigest,
	getPasswordHash,
	setMomentsDigest,
	setPasswordHash,
	setUserLocale,
} from '#app/models/user.server.ts'
import { EMAIL_DIGESTS, LocaleSchema, MOMENTS_DIGESTS, NewPasswordSchema } from '#app/models/user.ts'
import { wantsMomentsDigest } from '#app/models/weekly.server.ts'
import { getAuth, requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { localeCookie } from '#app/utils/locale.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { useLocale, useT, useUser } from '#app/utils/root-data.ts'
import { invalidateUserSessions } from '#app/utils/session.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:profile:own')
	const department = user.departmentId ? getDepartment(user.departmentId) : null
	return {
		departmentName: department?.name ?? null,
		emailDigest: getEmailDigest(user.id),
		momentsDigest: getMomentsDigest(user.id),
		momentsDefault: wantsMomentsDigest('default', user.departmentId),
	}
}

const LocaleFormSchema = z.object({ intent: z.literal('locale'), locale: LocaleSchema })
const EmailFormSchema = z.object({ intent: z.literal('email'), emailDigest: z.enum(EMAIL_DIGESTS) })
const MomentsFormSchema = z.object({
	intent: z.literal('moments'),
	momentsDigest: z.enum(MOMENTS_DIGESTS, { error: 'validation.required' }),
})
const PasswordFormSchema = z
	.object({
		intent: z.literal('password'),
		current: z.string({ error: 'validation.required' }),
		password: NewPasswordSchema,
		confirm: z.string({ error: 'validation.required' }),
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'validation.passwordsDiffer' })

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:profile:own')
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'locale') {
		const submission = parseForm(formData, { schema: LocaleFormSchema })
		if (submission.status !== 'success') {
			return data({ intent, result: submission.reply() }, { status: 400 })
		}
		setUserLocale(user.id, submission.value.locale)
		return redirectWithToast(
			'/settings',
			{ kind: 'success', message: 'settings.languageSaved' },
			{ headers: { 'Set-Cookie': await localeCookie.serialize(submission.value.locale) } },
		)
	}
	if (intent === 'email') {
		const submission = parseForm(formData, { schema: EmailFormSchema })
		if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
		setEmailDigest(user.id, submission.value.emailDigest)
		return redirectWithToast('/settings', { kind: 'success', message: 'email.saved' })
	}
	if (intent === 'moments') {
		const submission = parseForm(formData, { schema: MomentsFormSchema })
		if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
		setMomentsDigest(user.id, submission.value.momentsDigest)
		return redirectWithToast('/settings', { kind: 'success', message: 'weekly.saved' })
	}
	if (intent === 'password') {
		const submission = await parseForm(formData, {
			async: true,
			schema: PasswordFormSchema.superRefine(async (value, ctx) => {
				const hash = getPasswordHash(user.id)
				if (!hash || !(await verifyPassword(hash, value.current))) {
					ctx.addIssue({ code: 'custom', path: ['current'], message: 'validation.wrongPassword' })
				}
			}),
		})
		if (submission.status !== 'success') {
			return data({ intent, result: submission.reply({ hideFields: ['current', 'password', 'confirm'] }) }, { status: 400 })
		}
		setPasswordHash(user.id, await hashPassword(submission.value.password))
		const auth = await getAuth(request)
		invalidateUserSessions(user.id, auth?.sessionId)
		return redirectWithToast('/settings', { kind: 'success', message: 'settings.passwordSaved' })
	}
	return data({ intent: null, result: null }, { status: 400 })
}

export default function SettingsRoute() {
	const t = useT()
	const user = useUser()
	const locale = useLocale()
	const { departmentName, emailDigest, momentsDigest, momentsDefault } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [localeForm, localeFields] = useForm({
		id: 'locale-form',
		lastResult: actionData?.intent === 'locale' ? actionData.result : undefined,
		defaultValue: { locale },
	})
	const [emailForm, emailFields] = useForm({
		id: 'email-form',
		lastResult: actionData?.intent === 'email' ? actionData.result : undefined,
		defaultValue: { emailDigest },
	})
	const [momentsForm, momentsFields] = useForm({
		id: 'moments-form',
		lastResult: actionData?.intent === 'moments' ? actionData.result : undefined,
		defaultValue: { momentsDigest },
	})
	const [passwordForm, passwordFields] = useForm({
		id: 'password-form',
		lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
		constraint: getZodConstraint(PasswordFormSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordFormSchema }),
	})
	return (
		<div className="space-y-6">
			<PageHeader title={t('settings.heading')} />
			<Card>
				<h2 className="text-lg font-semibold">{t('settings.profile')}</h2>
				<dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
					<dt className="font-medium text-slate-600">{t('common.name')}</dt>
					<dd>{user.name}</dd>
					<dt className="font-medium text-slate-600">{t('users.email')}</dt>
					<dd>{user.email}</dd>
					<dt className="font-medium text-slate-600">{t('users.role')}</dt>
					<dd>{t(`roles.${user.role}`)}</dd>
					<dt className="font-medium text-slate-600">{t('users.department')}</dt>
					<dd>{departmentName ?? t('users.noDepartment')}</dd>
				</dl>
			</Card>
			<Card>
				<h2 className="text-lg font-semibold">{t('settings.languageHeading')}</h2>
				<p className="mt-1 text-sm text-slate-600">{t('settings.languageHint')}</p>
				<Form method="post" {...getFormProps(localeForm)} className="mt-3 flex flex-wrap items-end gap-3">
					<input type="hidden" name="intent" value="locale" />
					<SelectField
						label={t('app.language')}
						meta={localeFields.locale}
						options={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
					/>
					<Button>{t('common.save')}</Button>
				</Form>
			</Card>
			<Card>
				<h2 className="text-lg font-semibold">{t('email.heading')}</h2>
				<Form method="post" {...getFormProps(emailForm)} className="mt-3 space-y-3">
					<input type="hidden" name="intent" value="email" />
					<ChoiceGroup
						legend={t('email.hint')}
						meta={emailFields.emailDigest}
						type="radio"
						options={EMAIL_DIGESTS.map((value) => ({ value, label: t(`email.choices.${value}`) }))}
					/>
					<Button>{t('common.save')}</Button>
				</Form>
			</Card>
			<Card>
				<h2 className="text-lg font-semibold">{t('weekly.settingsHeading')}</h2>
				<Form method="post" {...getFormProps(momentsForm)} className="mt-3 space-y-3">
					<input type="hidden" name="intent" value="moments" />
					<ChoiceGroup
						legend={t('weekly.settingsHint')}
						meta={momentsFields.momentsDigest}
						type="radio"
						options={MOMENTS_DIGESTS.map((value) => ({
							value,
							label: t(`weekly.choices.${value}`, { state: t(`weekly.state.${momentsDefault ? 'on' : 'off'}`) }),
						}))}
					/>
					<Button>{t('common.save')}</Button>
				</Form>
			</Card>
			<Card>
				<h2 className="text-lg font-semibold">{t('settings.passwordHeading')}</h2>
				<Form method="post" {...getFormProps(passwordForm)} className="mt-3 max-w-md space-y-4">
					<FormErrors errors={passwordForm.errors} />
					<input type="hidden" name="intent" value="password" />
					<input type="email" name="username" value={user.email} autoComplete="username" readOnly hidden />
					<Field label={t('settings.currentPassword')} meta={passwordFields.current} type="password" autoComplete="current-password" />
					<Field
						label={t('settings.newPassword')}
						meta={passwordFields.password}
						type="password"
						autoComplete="new-password"
						hint={t('setPassword.passwordHint')}
					/>
					<Field label={t('settings.confirmPassword')} meta={passwordFields.confirm} type="password" autoComplete="new-password" />
					<Button>{t('settings.passwordHeading')}</Button>
				</Form>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'settings.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
