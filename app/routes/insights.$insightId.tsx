import { invariantResponse } from '@epic-web/invariant'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList } from '#app/components/forms.tsx'
import { HiddenBanner } from '#app/components/hidden-banner.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { StatusBadge } from '#app/components/tags.tsx'
import { Button, ButtonLink, Card } from '#app/components/ui.tsx'
import { getInsight, insightExists, setRecurrence } from '#app/models/insight.server.ts'
import { canModerate, hideContent, restoreContent } from '#app/models/moderation.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:insight:any')
	const insight = getInsight(params.insightId ?? '', user.id)
	invariantResponse(insight, 'Insight not found', { status: 404 })
	const canHide = hasPermission(user.role, 'update:moderation:scope') && canModerate('insight', insight.id, user)
	const canRestore = hasPermission(user.role, 'update:moderation:any')
	invariantResponse(!insight.hiddenAt || canHide || canRestore, 'Insight not found', { status: 404 })
	return { insight, canHide: canHide && !insight.hiddenAt, canRestore }
}

const HideSchema = z.object({ reason: z.string().trim().min(1, 'triage.reasonRequired').max(1000, 'validation.tooLong') })

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'read:insight:any')
	const id = params.insightId ?? ''
	invariantResponse(insightExists(id), 'Insight not found', { status: 404 })
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'hide' || intent === 'restore') {
		const allowed =
			hasPermission(user.role, intent === 'hide' ? 'update:moderation:scope' : 'update:moderation:any') && canModerate('insight', id, user)
		if (!allowed) throw new Response('This insight is outside your moderation scope.', { status: 403 })
		if (intent === 'restore') {
			restoreContent('insight', id, user)
			return redirectWithToast(`/insights/${id}`, { kind: 'success', message: 'moderation.restored' })
		}
		const submission = parseForm(formData, { schema: HideSchema })
		if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
		hideContent('insight', id, user, submission.value.reason)
		return redirectWithToast('/insights', { kind: 'success', message: 'moderation.hidden' })
	}
	invariantResponse(intent === 'see' || intent === 'unsee', 'Unknown action', { status: 400 })
	const seen = setRecurrence(id, user.id, intent === 'see')
	// A hidden insight takes no write but moderation, and answers as its page does.
	invariantResponse(seen !== 'not-found', 'Insight not found', { status: 404 })
	invariantResponse(seen !== 'own', 'You wrote this insight: "I see this too" is for colleagues.', { status: 400 })
	// From a similar-insight suggestion (JavaScript): answer with data, the form stays.
	if (formData.get('fetch') === '1') return { seen: intent === 'see' }
	return redirectWithToast(`/insights/${id}`, { kind: 'success', message: intent === 'see' ? 'insights.seeTooDone' : 'insights.unseeDone' })
}

export default function InsightRoute() {
	const t = useT()
	const { insight, canHide, canRestore } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const reasonError = actionData && 'result' in actionData ? actionData.result.error?.reason : null
	return (
		<div className="mx-auto max-w-3xl space-y-6">
			{insight.hiddenAt ? <HiddenBanner reason={insight.hiddenReason} restoreFields={canRestore ? {} : null} /> : null}
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
				<details className="rounded-lg border border-slate-200 bg-white p-4">
					<summary className="font-medium text-red-700">{t('moderation.hideInsight')}</summary>
					<Form method="post" className="mt-3 space-y-2">
						<input type="hidden" name="intent" value="hide" />
						<label htmlFor="hide-reason" className="block text-sm font-medium text-slate-800">
							{t('moderation.reason')}
						</label>
						<textarea
							id="hide-reason"
							name="reason"
							rows={2}
							required
							maxLength={1000}
							aria-invalid={reasonError ? true : undefined}
							aria-describedby={reasonError ? 'hide-reason-error' : undefined}
							className="block w-full rounded-md border border-slate-300 px-3 py-2"
						/>
						<ErrorList id="hide-reason-error" errors={reasonError} />
						<Button variant="danger">{t('moderation.hide')}</Button>
					</Form>
				</details>
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
