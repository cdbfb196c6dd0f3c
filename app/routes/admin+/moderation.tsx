import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { HideForm, KeepForm, RestoreButton } from '#app/components/moderation.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { FormErrors } from '#app/components/ui/forms.tsx'
import { listHidden, listReports } from '#app/models/moderation.server.ts'
import { CONTENT_KINDS } from '#app/models/moderation.ts'
import { isReportIntent, moderationAction, reportAction } from '#app/routes/__moderation.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:moderation:any')
	return { hidden: listHidden(), reported: listReports() }
}

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'update:moderation:any')
	const formData = await request.formData()
	if (isReportIntent(formData.get('intent'))) return reportAction(formData, admin, { kinds: CONTENT_KINDS, back: '/admin/moderation' })
	return moderationAction(formData, admin, { kinds: CONTENT_KINDS, after: () => '/admin/moderation' })
}

export default function ModerationRoute() {
	const t = useT()
	const format = useFormat()
	const { hidden, reported } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div>
			<PageHeader title={t('moderation.heading')} />
			<FormErrors errors={actionData?.result?.error?.[''] ?? null} />
			<section aria-labelledby="reported-heading" className="mb-8">
				<h2 id="reported-heading" className="text-lg font-semibold">
					{t('moderation.reportsHeading')}
				</h2>
				<p className="mb-3 text-slate-700">{t('moderation.reportsIntro')}</p>
				{reported.length ? (
					<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
						{reported.map((item) => (
							<li key={`${item.kind}-${item.targetId}`} className="grid gap-4 p-4 md:grid-cols-[minmax(0,1fr)_18rem]">
								<div className="min-w-0 space-y-2">
									<p className="text-xs font-semibold uppercase text-slate-600">
										{t(`moderation.kinds.${item.kind}`)} · {t('moderation.reportCount', { count: item.count })}{' '}
										{t('moderation.reportedSince', { date: format.date(item.since) })}
									</p>
									<Link
										to={item.kind === 'insight' ? `/insights/${item.targetId}` : `/ideas/${item.ideaId}`}
										className="line-clamp-3 font-medium text-brand-900 underline"
									>
										{item.text}
									</Link>
									<ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
										{item.reasons.map((reason, i) => (
											<li key={i}>{reason}</li>
										))}
									</ul>
								</div>
								<div className="space-y-3">
									<HideForm
										kind={item.kind}
										targetId={item.targetId}
										label={t(`moderation.hide${item.kind === 'idea' ? 'Idea' : item.kind === 'insight' ? 'Insight' : 'Comment'}`)}
										lastResult={actionData?.intent === 'hide' ? actionData.result : null}
									/>
									<KeepForm kind={item.kind} targetId={item.targetId} />
								</div>
							</li>
						))}
					</ul>
				) : (
					<p className="py-4 text-slate-600">{t('moderation.reportsEmpty')}</p>
				)}
			</section>
			<h2 className="text-lg font-semibold">{t('moderation.hiddenHeading')}</h2>
			<p className="mb-3 text-slate-700">{t('moderation.intro')}</p>
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
