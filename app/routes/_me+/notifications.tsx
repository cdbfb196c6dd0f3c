import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { listNotifications, markRead } from '#app/models/notification.server.ts'
import { describeNotification, notificationPath } from '#app/models/notification.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:notification:own')
	const page = Number(new URL(request.url).searchParams.get('page')) || 1
	return listNotifications(user.id, await getLocale(request, user), page)
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'read:notification:own')
	const formData = await request.formData()
	if (formData.get('intent') === 'read-all') {
		markRead(user.id, 'all')
		return redirectWithToast('/notifications', { kind: 'success', message: 'notifications.allRead' })
	}
	const id = formData.get('id')
	ensure(typeof id === 'string' && id, 'errors.sayWhichNotification', 400)
	markRead(user.id, [id])
	return redirectWithToast('/notifications', { kind: 'success', message: 'notifications.oneRead' })
}

export default function NotificationsRoute() {
	const t = useT()
	const format = useFormat()
	const list = useLoaderData<typeof loader>()
	const anyUnread = list.rows.some((n) => !n.readAt)
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('notifications.heading')}>
				{anyUnread ? (
					<Form method="post">
						<input type="hidden" name="intent" value="read-all" />
						<Button variant="secondary">{t('notifications.markAllRead')}</Button>
					</Form>
				) : null}
			</PageHeader>
			{list.rows.length ? (
				<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
					{list.rows.map((n) => {
						const { label, why } = describeNotification(n, t)
						return (
							<li key={n.id} className={`flex flex-wrap items-start gap-3 p-4 ${n.readAt ? '' : 'bg-brand-50'}`}>
								<div className="min-w-0 flex-1">
									{!n.readAt ? (
										<span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">
											{t('notifications.unread')}
										</span>
									) : null}
									{notificationPath(n) ? (
										<Link to={notificationPath(n)!} className="font-medium text-brand-900 underline">
											{label}
										</Link>
									) : n.ideaId && n.kind !== 'hidden' ? (
										<Link
											to={`/ideas/${n.ideaId}${n.commentId ? `#comment-${n.commentId}` : ''}`}
											className="font-medium text-brand-900 underline"
										>
											{label}
										</Link>
									) : (
										<span className="font-medium text-slate-900">{label}</span>
									)}
									{n.commentBody ? <p className="mt-1 line-clamp-2 text-sm text-slate-700">{n.commentBody}</p> : null}
									{why ? <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{why}</p> : null}
									<p className="mt-1 text-xs text-slate-600">{format.dateTime(n.createdAt)}</p>
								</div>
								{!n.readAt ? (
									<Form method="post">
										<input type="hidden" name="id" value={n.id} />
										<Button variant="ghost" aria-label={`${t('notifications.markRead')}: ${label}`}>
											{t('notifications.markRead')}
										</Button>
									</Form>
								) : null}
							</li>
						)
					})}
				</ul>
			) : (
				<p className="py-6 text-slate-600">{t('notifications.empty')}</p>
			)}
			{list.pages > 1 ? <Pagination page={list.page} pages={list.pages} total={list.total} /> : null}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
