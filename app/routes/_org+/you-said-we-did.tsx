import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FixEffect } from '#app/components/fix-effect.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { Meta } from '#app/components/ui/meta.tsx'
import { ideaFixEffects } from '#app/models/fix-effect.server.ts'
import { listImplemented } from '#app/models/triage.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:idea:any')
	const ideas = listImplemented()
	const effects = ideaFixEffects(ideas.map((i) => i.id))
	return { ideas: ideas.map((idea) => ({ ...idea, fix: effects.get(idea.id) ?? null })), minGroup: getEnv().MIN_GROUP_SIZE }
}

export default function YouSaidWeDidRoute() {
	const t = useT()
	const format = useFormat()
	const { ideas, minGroup } = useLoaderData<typeof loader>()
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('youSaid.heading')} />
			<p className="mb-6 text-slate-700">{t('youSaid.intro')}</p>
			{ideas.length ? (
				<ol className="space-y-6">
					{ideas.map((idea) => (
						<li key={idea.id}>
							<Card className="space-y-3">
								<h2 className="text-lg font-semibold">
									<Link to={`/ideas/${idea.id}`} className="text-brand-900 hover:underline">
										{idea.title}
									</Link>
								</h2>
								<Meta>
									{t('youSaid.implementedOn', { date: format.date(idea.implementedAt) })}
									{t('ideas.votes', { count: idea.voteCount })}
								</Meta>
								<p className="whitespace-pre-line">{idea.proposal}</p>
								{idea.fix ? (
									<div className="space-y-1 rounded-md border border-slate-200 p-3">
										<h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t('fix.heading')}</h3>
										<FixEffect figures={idea.fix.figures} date={idea.fix.closedAt} min={minGroup} />
									</div>
								) : null}
								{idea.insights.length ? (
									<div className="space-y-2">
										<h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t('youSaid.startedBy')}</h3>
										<ul className="space-y-2">
											{idea.insights.map((insight) => (
												<li key={insight.id}>
													<InsightCard insight={insight} />
												</li>
											))}
										</ul>
									</div>
								) : null}
							</Card>
						</li>
					))}
				</ol>
			) : (
				<p className="py-6 text-slate-600">{t('youSaid.empty')}</p>
			)}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'youSaid.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
