import { invariantResponse } from '@epic-web/invariant'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { StatusBadge } from '#app/components/tags.tsx'
import { Button, ButtonLink, Card } from '#app/components/ui.tsx'
import { getInsight, insightExists, setRecurrence } from '#app/models/insight.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:insight:any')
	const insight = getInsight(params.insightId ?? '', user.id)
	invariantResponse(insight, 'Insight not found', { status: 404 })
	return { insight }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'read:insight:any')
	const id = params.insightId ?? ''
	invariantResponse(insightExists(id), 'Insight not found', { status: 404 })
	const formData = await request.formData()
	const intent = formData.get('intent')
	invariantResponse(intent === 'see' || intent === 'unsee', 'Unknown action', { status: 400 })
	setRecurrence(id, user.id, intent === 'see')
	return redirectWithToast(`/insights/${id}`, { kind: 'success', message: intent === 'see' ? 'insights.seeTooDone' : 'insights.unseeDone' })
}

export default function InsightRoute() {
	const t = useT()
	const { insight } = useLoaderData<typeof loader>()
	return (
		<div className="mx-auto max-w-3xl space-y-6">
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
