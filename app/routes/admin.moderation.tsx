import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button, PageHeader } from '#app/components/ui.tsx'
import { CONTENT_KINDS, listHidden, restoreContent } from '#app/models/moderation.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:moderation:any')
	return { hidden: listHidden() }
}

const RestoreSchema = z.object({ kind: z.enum(CONTENT_KINDS), targetId: z.string().min(1) })

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'update:moderation:any')
	const parsed = RestoreSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) throw new Response('Say what to restore.', { status: 400 })
	const done = restoreContent(parsed.data.kind, parsed.data.targetId, admin)
	return redirectWithToast(
		'/admin/moderation',
		done ? { kind: 'success', message: 'moderation.restored' } : { kind: 'error', message: 'triage.notAllowed' },
	)
}

export default function ModerationRoute() {
	const t = useT()
	const format = useFormat()
	const { hidden } = useLoaderData<typeof loader>()
	return (
		<div>
			<PageHeader title={t('moderation.title')} />
			<p className="mb-4 text-slate-700">{t('moderation.intro')}</p>
			{hidden.length ? (
				<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
					{hidden.map((item) => (
						<li key={`${item.kind}-${item.id}`} className="flex flex-wrap items-start gap-3 p-4">
							<div className="min-w-0 flex-1">
								<p className="text-xs font-semibold uppercase text-slate-500">{t(`moderation.kinds.${item.kind}`)}</p>
								{item.kind === 'idea' ? (
									<Link to={`/ideas/${item.id}`} className="font-medium text-brand-900 underline">
										{item.text}
									</Link>
								) : (
									<p className="line-clamp-2">{item.text}</p>
								)}
								<p className="mt-1 text-sm text-slate-600">
									{t('moderation.hiddenBanner', { reason: item.reason ?? '' })} · {item.hiddenAt ? format.dateTime(item.hiddenAt) : ''}
								</p>
							</div>
							<Form method="post">
								<input type="hidden" name="kind" value={item.kind} />
								<input type="hidden" name="targetId" value={item.id} />
								<Button variant="secondary">{t('moderation.restore')}</Button>
							</Form>
						</li>
					))}
				</ul>
			) : (
				<p className="py-6 text-slate-600">{t('moderation.empty')}</p>
			)}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'moderation.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
