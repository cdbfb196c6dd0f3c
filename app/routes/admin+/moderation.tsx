import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { RestoreButton } from '#app/components/moderation.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { FormErrors } from '#app/components/ui/forms.tsx'
import { listHidden } from '#app/models/moderation.server.ts'
import { CONTENT_KINDS } from '#app/models/moderation.ts'
import { moderationAction } from '#app/routes/__moderation.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:moderation:any')
	return { hidden: listHidden() }
}

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'update:moderation:any')
	return moderationAction(await request.formData(), admin, { kinds: CONTENT_KINDS, after: () => '/admin/moderation' })
}

export default function ModerationRoute() {
	const t = useT()
	const format = useFormat()
	const { hidden } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div>
			<PageHeader title={t('moderation.title')} />
			<p className="mb-4 text-slate-700">{t('moderation.intro')}</p>
			<FormErrors errors={actionData?.result?.error?.[''] ?? null} />
			{hidden.length ? (
				<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
					{hidden.map((item) => (
						<li key={`${item.kind}-${item.id}`} className="flex flex-wrap items-start gap-3 p-4">
							<div className="min-w-0 flex-1">
								<p className="text-xs font-semibold uppercase text-slate-600">{t(`moderation.kinds.${item.kind}`)}</p>
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
							<RestoreButton kind={item.kind} targetId={item.id} />
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
