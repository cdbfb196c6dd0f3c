import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { HiddenBanner, HideForm } from '#app/components/moderation.tsx'
import { StatusBadge } from '#app/components/tags.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { getInsight, insightExists, setRecurrence } from '#app/models/insight.server.ts'
import { canView, mayModerate } from '#app/models/moderation.server.ts'
import { isModerationIntent } from '#app/models/moderation.ts'
import { moderationAction } from '#app/routes/__moderation.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:insight:any')
	const insight = getInsight(params.insightId ?? '', user.id)
	ensure(insight && canView('insight', insight.id, insight.hiddenAt, user), 'errors.insightNotFound')
	return {
		insight,
		canHide: !insight.hiddenAt && mayModerate('hide', 'insight', insight.id, user),
		canRestore: Boolean(insight.hiddenAt) && mayModerate('restore', 'insight', insight.id, user),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'read:insight:any')
	const id = params.insightId ?? ''
	ensure(insightExists(id), 'errors.insightNotFound')
	const formData = await request.formData()
	const intent = formData.get('intent')
	// A hidden insight leaves the lists for everyone but moderators: after hiding, back to the list.
	if (isModerationIntent(intent)) {
		return moderationAction(formData, user, {
			kinds: ['insight'],
			after: (done) => (done.intent === 'hide' ? '/insights' : `/insights/${id}`),
		})
	}
	ensure(intent === 'see' || intent === 'unsee', 'errors.unknownAction', 400)
	const seen = setRecurrence(id, user.id, intent === 'see')
	// A hidden insight takes no write but moderation, and answers as its page does.
	ensure(seen !== 'not-found', 'errors.insightNotFound')
	ensure(seen !== 'own', 'errors.ownInsight', 400)
	// From a similar-insight suggestion (JavaScript): answer with data, the form stays.
	if (formData.get('fetch') === '1') return { seen: intent === 'see' }
	return redirectWithToast(`/insights/${id}`, { kind: 'success', message: intent === 'see' ? 'insights.seeTooDone' : 'insights.unseeDone' })
}

export default function InsightRoute() {
	const t = useT()
	const { insight, canHide, canRestore } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const hideResult = actionData && 'intent' in actionData && actionData.intent === 'hide' ? actionData.result : null
	return (
		<div className="mx-auto max-w-3xl space-y-6">
			{insight.hiddenAt ? (
				<HiddenBanner reason={insight.hiddenReason} restore={canRestore ? { kind: 'insight', targetId: insight.id } : null} />
			) : null}
			<h1 className="text-2xl font-bold">{t('insights.detailTitle')}</h1>
			<InsightCard insight={insight} headingLevel="h2">
				<div className="flex flex-wrap gap-2 pt-2">
					{insight.isMine ? (
						<p className="text-sm text-slate-600">{t('insights.ownInsight')}</p>
					) : (
						<Form method="post">
							<input type="hidden" name="intent" value={insight.seenByMe ? 'unsee' : 'see'} />
							<Button variant={insight.seenByMe ? 'secondary' : 'primary'} aria-pressed={insight.seenByMe}>
								{insight.seenByMe ? t('insights.unsee') : t('insights.seeToo')}
							</Button>
						</Form>
					)}
					<ButtonLink to={`/ideas/new?insight=${insight.id}`}>{t('insights.proposeIdea')}</ButtonLink>
				</div>
			</InsightCard>
			{canHide ? (
				<Card>
					<HideForm kind="insight" targetId={insight.id} label={t('moderation.hideInsight')} lastResult={hideResult} />
				</Card>
			) : null}
			<Card>
				<h2 className="text-lg font-semibold">{t('insights.backedIdeas')}</h2>
				{insight.backedIdeas.length ? (
					<ul className="mt-3 divide-y divide-slate-200">
						{insight.backedIdeas.map((idea) => (
							<li key={idea.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
								<Link to={`/ideas/${idea.id}`} className="font-medium text-brand-900 underline">
									{idea.title}
								</Link>
								<span className="flex items-center gap-2 text-sm text-slate-600">
									<StatusBadge status={idea.status} />
									{t('ideas.votes', { count: idea.voteCount })}
								</span>
							</li>
						))}
					</ul>
				) : (
					<p className="mt-2 text-slate-600">{t('insights.noBackedIdeas')}</p>
				)}
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'insights.detailTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
