import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CommentBody } from '#app/components/comment-body.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { StatusBadge } from '#app/components/tags.tsx'
import { Timeline } from '#app/components/timeline.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { Meta } from '#app/components/ui/meta.tsx'
import { knownHandles, listComments } from '#app/models/comment.server.ts'
import { getIdea } from '#app/models/idea.server.ts'
import { getInsight } from '#app/models/insight.server.ts'
import { findReceipt } from '#app/models/receipt.server.ts'
import { thanksNotes } from '#app/models/thanks.server.ts'
import { timelineOf } from '#app/models/triage.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { readFlash } from '#app/utils/flash.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

/**
 * The private side of an anonymous submission: whoever holds the code sees its status
 * and the replies. The code travels in a POST body, never in a URL or a log line.
 */
function receiptView(code: string, viewerId: string) {
	const receipt = findReceipt(code)
	if (receipt?.ideaId) {
		const idea = getIdea(receipt.ideaId, viewerId)
		if (!idea) return null
		const comments = listComments(idea.id).rows.map(({ authorId: _authorId, ...c }) => c)
		return {
			kind: 'idea' as const,
			idea: { id: idea.id, title: idea.title, status: idea.status, voteCount: idea.voteCount, createdAt: idea.createdAt },
			comments,
			timeline: timelineOf(idea.id),
			handles: [...knownHandles(comments.map((c) => c.body))],
		}
	}
	if (receipt?.insightId) {
		const insight = getInsight(receipt.insightId, viewerId)
		if (!insight) return null
		const { isMine: _m, seenByMe: _s, ...shown } = insight
		// The anonymous author sees who thanked them for the moment, as a named author would.
		const thanks = (thanksNotes([insight.id]).get(insight.id) ?? []).map(({ userId: _u, ...x }) => x)
		return { kind: 'insight' as const, insight: shown, thanks }
	}
	return null
}

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	// Shown once: the flash cookie is cleared by the root loader on this same response.
	const { flash } = await readFlash(request)
	const fresh = flash.receipt ?? null
	return { fresh, view: fresh ? receiptView(fresh.code, user.id) : null }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const code = String((await request.formData()).get('code') ?? '').slice(0, 100)
	const view = code.trim() ? receiptView(code, user.id) : null
	if (!view) return data({ error: 'receipts.notFound' as const, view: null }, { status: 404 })
	return { error: null, view }
}

export default function ReceiptsRoute() {
	const t = useT()
	const { fresh, view: freshView } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const view = actionData?.view ?? freshView
	return (
		<div className="mx-auto max-w-3xl space-y-6">
			{fresh ? (
				<section aria-labelledby="receipt-heading" className="rounded-lg border-2 border-brand-700 bg-brand-50 p-5">
					<h1 id="receipt-heading" className="text-xl font-bold text-brand-900">
						{t('receipts.newHeading')}
					</h1>
					<p className="mt-2 text-slate-800">{t('receipts.newIntro')}</p>
					<p className="mt-4">
						<span className="block text-sm font-medium text-slate-700">{t('receipts.code')}</span>
						<output
							data-testid="receipt-code"
							className="mt-1 block select-all break-all rounded-md bg-white p-3 font-mono text-lg font-semibold tracking-wider"
						>
							{fresh.code}
						</output>
					</p>
				</section>
			) : (
				<PageHeader title={t('receipts.heading')} />
			)}
			<Card>
				<Form method="post" className="space-y-3">
					<p className="text-slate-700">{t('receipts.lookupIntro')}</p>
					<div className="flex flex-wrap items-end gap-2">
						<div className="min-w-0 flex-1">
							<label htmlFor="receipt-code-input" className="block text-sm font-medium text-slate-800">
								{t('receipts.code')}
							</label>
							<input
								id="receipt-code-input"
								name="code"
								autoComplete="off"
								spellCheck={false}
								aria-invalid={actionData?.error ? true : undefined}
								aria-describedby={actionData?.error ? 'receipt-error' : undefined}
								className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-base"
							/>
						</div>
						<Button>{t('receipts.lookup')}</Button>
					</div>
					{actionData?.error ? (
						<p id="receipt-error" role="alert" className="text-sm text-red-700">
							{t(actionData.error)}
						</p>
					) : null}
				</Form>
			</Card>
			{view ? <ReceiptView view={view} /> : null}
		</div>
	)
}

type View = NonNullable<ReturnType<typeof receiptView>>

function ReceiptView({ view }: { view: View }) {
	const t = useT()
	const format = useFormat()
	if (view.kind === 'insight') {
		return (
			<section aria-labelledby="receipt-item" className="space-y-3">
				<h2 id="receipt-item" className="text-lg font-semibold">
					{t('receipts.insight')}
				</h2>
				<InsightCard insight={view.insight}>
					{view.thanks.length ? (
						<ul className="space-y-1 border-t border-slate-100 pt-2 text-sm text-slate-800">
							{view.thanks.map((x) => (
								<li key={`${x.name}-${String(x.createdAt)}`}>{t('thanks.by', { name: x.name, note: x.note })}</li>
							))}
						</ul>
					) : null}
				</InsightCard>
			</section>
		)
	}
	const handles = new Set(view.handles)
	return (
		<section aria-labelledby="receipt-item" className="space-y-4">
			<h2 id="receipt-item" className="text-lg font-semibold">
				{t('receipts.idea')}
			</h2>
			<Card className="space-y-2">
				<p className="text-lg font-semibold">{view.idea.title}</p>
				<Meta className="text-sm text-slate-700">
					<span className="inline-flex items-center gap-2">
						{t('receipts.status')}: <StatusBadge status={view.idea.status} />
					</span>
					{t('ideas.votes', { count: view.idea.voteCount })}
					{t('ideas.submittedOn', { date: format.date(view.idea.createdAt) })}
				</Meta>
				<Link to={`/ideas/${view.idea.id}`} className="inline-block font-medium text-brand-700 underline">
					{t('receipts.openItem')}
				</Link>
			</Card>
			<Timeline entries={view.timeline} submittedAt={view.idea.createdAt} />
			<h3 className="font-semibold">{t('receipts.replies')}</h3>
			{view.comments.length ? (
				<ol className="space-y-3">
					{view.comments.map((c) => (
						<li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
							<p className="mb-1 text-sm text-slate-600">
								<span className="font-semibold text-slate-900">{c.authorName}</span> · {format.dateTime(c.createdAt)}
							</p>
							<CommentBody body={c.body} handles={handles} />
						</li>
					))}
				</ol>
			) : (
				<p className="text-slate-600">{t('receipts.noReplies')}</p>
			)}
		</section>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'receipts.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
