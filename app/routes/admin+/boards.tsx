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
import { Field, FormErrors, SelectField } from '#app/components/ui/forms.tsx'
import { LOCALES } from '#app/locales/index.ts'
import { createBoardToken, listBoardTokens, revokeBoardToken } from '#app/models/board.server.ts'
import { getDepartment, listDepartments } from '#app/models/department.server.ts'
import { toTree } from '#app/models/department.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { readFlash, redirectWithFlash, redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { DEFAULT_LOCALE } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:board:any')
	// A new board's token is shown once: it came sealed in the flash cookie, cleared on this response.
	const { flash } = await readFlash(request)
	return {
		boards: listBoardTokens(),
		fresh: flash.shownOnce?.kind === 'board' ? flash.shownOnce : null,
		boardUrl: `${getEnv().APP_URL.replace(/\/$/, '')}/board`,
		departments: toTree(listDepartments()).map(({ id, name, depth }) => ({ id, name, depth })),
	}
}

const BoardFormSchema = z.object({
	intent: z.literal('create'),
	name: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
	departmentId: z.string().trim().optional(),
	locale: z.enum(LOCALES, { error: 'playbooks.unknownLanguage' }),
})

export async function action({ request }: ActionFunctionArgs) {
	const formData = await request.formData()
	if (formData.get('intent') === 'revoke') {
		const admin = await requirePermission(request, 'update:board:any')
		ensure(revokeBoardToken(String(formData.get('id') ?? ''), admin.id), 'board.admin.notFound')
		return redirectWithToast('/admin/boards', { kind: 'success', message: 'board.admin.revokedToast' })
	}
	const admin = await requirePermission(request, 'create:board:any')
	const submission = parseForm(formData, {
		schema: BoardFormSchema.superRefine((value, ctx) => {
			const department = value.departmentId ? getDepartment(value.departmentId) : null
			if (value.departmentId && (!department || department.retiredAt)) {
				ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'validation.unknownDepartment' })
			}
		}),
	})
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { name, departmentId, locale } = submission.value
	const { token } = createBoardToken({ name, departmentId: departmentId || null, locale }, admin.id)
	return redirectWithFlash('/admin/boards', {
		toast: { kind: 'success', message: 'board.admin.created' },
		shownOnce: { kind: 'board', name, token },
	})
}

export default function BoardsRoute() {
	const t = useT()
	const format = useFormat()
	const { boards, fresh, boardUrl, departments } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const location = useLocation()
	const confirming = searchParams.get('confirm')
	const [form, fields] = useForm({
		id: 'board-new',
		lastResult: actionData?.result,
		constraint: getZodConstraint(BoardFormSchema),
		defaultValue: { locale: DEFAULT_LOCALE },
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: BoardFormSchema }),
	})
	return (
		<div className="space-y-6">
			<PageHeader title={t('board.admin.heading')} />
			<p className="-mt-2 max-w-3xl text-slate-700">{t('board.admin.intro')}</p>
			{fresh ? (
				<section aria-labelledby="fresh-token" className="rounded-lg border-2 border-green-600 bg-green-50 p-4">
					<h2 id="fresh-token" className="font-semibold text-green-950">
						{t('board.admin.tokenOnce', { name: fresh.name })}
					</h2>
					<p className="mt-2 break-all rounded bg-white p-3 font-mono text-sm" data-testid="board-token">
						{fresh.token}
					</p>
					<p className="mt-2 text-sm text-green-950">{t('board.admin.howTo', { url: boardUrl })}</p>
				</section>
			) : null}
			<Card>
				<h2 className="mb-3 text-lg font-semibold">{t('board.admin.create')}</h2>
				<Form key={location.key} method="post" {...getFormProps(form)} className="space-y-4">
					<input type="hidden" name="intent" value="create" />
					<FormErrors errors={form.errors} />
					<Field label={t('board.admin.name')} hint={t('board.admin.nameHint')} meta={fields.name} />
					<div className="grid gap-4 sm:grid-cols-2">
						<SelectField
							label={t('board.admin.department')}
							meta={fields.departmentId}
							placeholder={t('board.admin.company')}
							options={departments.map((d) => ({ value: d.id, label: d.name, depth: d.depth }))}
						/>
						<SelectField
							label={t('board.admin.language')}
							meta={fields.locale}
							options={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
						/>
					</div>
					<Button>{t('board.admin.create')}</Button>
				</Form>
			</Card>
			<Card>
				{boards.length ? (
					<ul className="divide-y divide-slate-100">
						{boards.map((b) => (
							<li key={b.id} className="py-3">
								<div className="flex flex-wrap items-start justify-between gap-2">
									<div>
										<p className="font-medium">
											{b.name} {b.revokedAt ? <Badge>{t('board.admin.revoked', { date: format.date(b.revokedAt) })}</Badge> : null}
										</p>
										<p className="text-sm text-slate-700">
											{b.departmentName ?? t('board.admin.company')} · {t(`languages.${b.locale}`)} ·{' '}
											{b.lastUsedAt ? t('board.admin.lastUsed', { date: format.date(b.lastUsedAt) }) : t('board.admin.neverUsed')}
										</p>
										<p className="text-xs text-slate-600">
											{t('board.admin.createdBy', { name: b.createdByName, date: format.date(b.createdAt) })}
										</p>
									</div>
									{b.revokedAt ? null : (
										<Link
											to={`?confirm=${b.id}`}
											className="rounded px-3 py-2 text-sm font-semibold text-red-700 hover:bg-red-50"
											aria-label={`${t('board.admin.revoke')}: ${b.name}`}
										>
											{t('board.admin.revoke')}
										</Link>
									)}
								</div>
								{confirming === b.id && !b.revokedAt ? (
									<ConfirmPanel
										message={t('board.admin.revokeConfirm', { name: b.name })}
										intent="revoke"
										fields={{ id: b.id }}
										confirmLabel={t('board.admin.revoke')}
									/>
								) : null}
							</li>
						))}
					</ul>
				) : (
					<p className="text-slate-700">{t('board.admin.none')}</p>
				)}
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'board.admin.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
