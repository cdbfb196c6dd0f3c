import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ConfirmPanel } from '#app/components/confirm.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { Field, FormErrors } from '#app/components/ui/forms.tsx'
import { createScimToken, listScimTokens, revokeScimToken } from '#app/models/scim.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { readFlash, redirectWithFlash, redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

// SCIM provisioning's bearer tokens (decision 064): created here, shown once, revocable.
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'create:user:any')
	const { flash } = await readFlash(request)
	return {
		tokens: listScimTokens(),
		fresh: flash.shownOnce?.kind === 'scim' ? flash.shownOnce : null,
		endpoint: `${new URL(getEnv().APP_URL).origin}/scim/v2`,
	}
}

const TokenSchema = z.object({
	intent: z.literal('create'),
	name: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
})

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'create:user:any')
	const formData = await request.formData()
	if (formData.get('intent') === 'revoke') {
		ensure(revokeScimToken(String(formData.get('id') ?? ''), admin.id), 'scim.notFound')
		return redirectWithToast('/admin/scim', { kind: 'success', message: 'scim.revokedToast' })
	}
	const submission = parseForm(formData, { schema: TokenSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { token } = createScimToken(submission.value.name, admin.id)
	return redirectWithFlash('/admin/scim', {
		toast: { kind: 'success', message: 'scim.created' },
		shownOnce: { kind: 'scim', name: submission.value.name, token },
	})
}

export default function ScimRoute() {
	const t = useT()
	const format = useFormat()
	const { tokens, fresh, endpoint } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const location = useLocation()
	const confirming = searchParams.get('confirm')
	const [form, fields] = useForm({
		id: 'scim-token',
		lastResult: actionData?.result,
		constraint: getZodConstraint(TokenSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: TokenSchema }),
	})
	return (
		<div className="space-y-6">
			<PageHeader title={t('scim.heading')} />
			<p className="-mt-2 max-w-3xl text-slate-700">{t('scim.intro', { endpoint })}</p>
			{fresh ? (
				<section aria-labelledby="fresh-token" className="rounded-lg border-2 border-green-600 bg-green-50 p-4">
					<h2 id="fresh-token" className="font-semibold text-green-950">
						{t('scim.tokenOnce', { name: fresh.name })}
					</h2>
					<p className="mt-2 break-all rounded bg-white p-3 font-mono text-sm" data-testid="scim-token">
						{fresh.token}
					</p>
					<p className="mt-2 text-sm text-green-950">{t('scim.howTo', { endpoint })}</p>
				</section>
			) : null}
			<Card>
				<h2 className="mb-3 text-lg font-semibold">{t('scim.create')}</h2>
				<Form key={location.key} method="post" {...getFormProps(form)} className="space-y-4">
					<input type="hidden" name="intent" value="create" />
					<FormErrors errors={form.errors} />
					<Field label={t('scim.name')} hint={t('scim.nameHint')} meta={fields.name} />
					<Button>{t('scim.create')}</Button>
				</Form>
			</Card>
			<Card>
				{tokens.length ? (
					<ul className="divide-y divide-slate-100">
						{tokens.map((token) => (
							<li key={token.id} className="py-3">
								<div className="flex flex-wrap items-start justify-between gap-2">
									<div>
										<p className="font-medium">
											{token.name} {token.revokedAt ? <Badge>{t('scim.revoked', { date: format.date(token.revokedAt) })}</Badge> : null}
										</p>
										<p className="text-sm text-slate-700">
											{token.lastUsedAt ? t('scim.lastUsed', { date: format.date(token.lastUsedAt) }) : t('scim.neverUsed')}
										</p>
										<p className="text-xs text-slate-600">
											{t('scim.createdBy', { name: token.createdByName, date: format.date(token.createdAt) })}
										</p>
									</div>
									{token.revokedAt ? null : (
										<Link
											to={`?confirm=${token.id}`}
											className="rounded px-3 py-2 text-sm font-semibold text-red-700 hover:bg-red-50"
											aria-label={`${t('scim.revoke')}: ${token.name}`}
										>
											{t('scim.revoke')}
										</Link>
									)}
								</div>
								{confirming === token.id && !token.revokedAt ? (
									<ConfirmPanel
										message={t('scim.revokeConfirm', { name: token.name })}
										intent="revoke"
										fields={{ id: token.id }}
										confirmLabel={t('scim.revoke')}
									/>
								) : null}
							</li>
						))}
					</ul>
				) : (
					<p className="text-slate-700">{t('scim.none')}</p>
				)}
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'scim.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
