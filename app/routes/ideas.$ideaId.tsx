import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { invariantResponse } from '@epic-web/invariant'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { z } from 'zod'
import { CommentBody } from '#app/components/comment-body.tsx'
import { ConfirmPanel } from '#app/components/confirm.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TextareaField } from '#app/components/forms.tsx'
import { HiddenBanner } from '#app/components/hidden-banner.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { PrivacyNotice } from '#app/components/privacy-notice.tsx'
import { StatusBadge, TagList } from '#app/components/tags.tsx'
import { Timeline } from '#app/components/timeline.tsx'
import { TriagePanel } from '#app/components/triage-panel.tsx'
import { Button, ButtonLink, Card } from '#app/components/ui.tsx'
import { VoteButton } from '#app/components/vote-button.tsx'
import { addComment, deleteComment, editComment, knownHandles, listComments, withinEditWindow } from '#app/models/comment.server.ts'
import { canEdit, getIdea, ideaState, setFollow, setVote } from '#app/models/idea.server.ts'
import { CommentSchema } from '#app/models/idea.ts'
import { markIdeaRead } from '#app/models/notification.server.ts'
import { ideaInScope, mergedInto, timelineOf } from '#app/models/triage.server.ts'
import { getUserById } from '#app/models/user.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { safeRedirect } from '#app/utils/misc.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { privacyReview } from '#app/utils/privacy.server.ts'
import { redact, type PrivacyFinding } from '#app/utils/privacy.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'
import { handleTriageIntent, isTriageIntent } from '#app/utils/triage-actions.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:idea:any')
	const idea = getIdea(params.ideaId ?? '', user.id)
	invariantResponse(idea, 'Idea not found', { status: 404 })
	// A merged idea lives on in the idea kept, which shows its comments.
	if (idea.mergedIntoId) throw redirect(`/ideas/${idea.mergedIntoId}`)
	const canTriage = hasPermission(user.role, 'update:triage:scope') && ideaInScope(idea.id, user)
	const canRestore = hasPermission(user.role, 'update:moderation:any')
	invariantResponse(!idea.hiddenAt || canTriage || canRestore, 'Idea not found', { status: 404 })
	markIdeaRead(user.id, idea.id)
	const now = new Date()
	const before = new URL(request.url).searchParams.get('before')
	const page = listComments(idea.id, { before })
	const comments = page.rows.map(({ authorId, ...c }) => ({
		...c,
		mine: authorId === user.id,
		editable: authorId === user.id && withinEditWindow(c.createdAt, now),
	}))
	const merged = mergedInto(idea.id).map((m) => ({ ...m, comments: listComments(m.id).rows.map(({ authorId: _a, ...c }) => c) }))
	const { isMine, firstActionAt: _firstActionAt, impact, effort, ownerId, ...shown } = idea
	const allBodies = [...comments, ...merged.flatMap((m) => m.comments)].map((c) => c.body)
	return {
		idea: { ...shown, isMine, editable: canEdit(idea) },
		comments,
		commentPages: { earlier: page.earlier, paged: Boolean(before) },
		merged,
		timeline: timelineOf(idea.id),
		handles: [...knownHandles(allBodies)],
		// Evaluation is for the people who triage; everyone else sees only the public timeline.
		triage: canTriage ? { impact, effort, ownerEmail: (ownerId && getUserById(ownerId)?.email) || '' } : null,
		canHideComments: canTriage && hasPermission(user.role, 'update:moderation:scope'),
		canRestore,
	}
}

const CommentIdSchema = z.object({ commentId: z.string().min(1) })

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'read:idea:any')
	const ideaId = params.ideaId ?? ''
	const state = ideaState(ideaId)
	invariantResponse(state, 'Idea not found', { status: 404 })
	const formData = await request.formData()
	const intent = formData.get('intent')
	// A hidden idea takes no write but moderation, and answers as its page does for everyone else.
	invariantResponse(!state.hidden || intent === 'hide' || intent === 'restore', 'Idea not found', { status: 404 })
	if (isTriageIntent(intent)) return handleTriageIntent(intent, formData, user, ideaId)
	const back = (message: MessageKey, to = `/ideas/${ideaId}`) => redirectWithToast(to, { kind: 'success', message })

	if (intent === 'vote') {
		await requirePermission(request, 'create:vote:own')
		const vote = formData.get('vote') === 'on'
		const voteCount = setVote(ideaId, user.id, vote)
		invariantResponse(voteCount !== null, 'Idea not found', { status: 404 })
		// A fetcher (JavaScript) wants the new state; a plain form post goes back where it came from.
		if (formData.get('fetch') === '1') return data({ intent, voted: vote, voteCount, result: null })
		return back(vote ? 'ideas.voteDone' : 'ideas.unvoteDone', safeRedirect(formData.get('redirectTo'), `/ideas/${ideaId}`))
	}
	if (intent === 'follow' || intent === 'unfollow') {
		invariantResponse(setFollow(ideaId, user.id, intent === 'follow'), 'Idea not found', { status: 404 })
		return back(intent === 'follow' ? 'ideas.followDone' : 'ideas.unfollowDone')
	}
	if (intent === 'comment') {
		await requirePermission(request, 'create:comment:own')
		const submission = parseForm(formData, { schema: CommentSchema })
		if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
		const review = privacyReview(formData, { body: submission.value.body })
		if (review.mustConfirm) {
			return data(
				{ intent, result: { ...submission.reply(), error: {} as Record<string, string[] | null> }, privacy: review.findings },
				{ status: 422 },
			)
		}
		invariantResponse(addComment(ideaId, user.id, redact(submission.value.body)), 'Idea not found', { status: 404 })
		return back('comments.added')
	}
	if (intent === 'edit-comment' || intent === 'delete-comment') {
		await requirePermission(request, 'update:comment:own')
		const submission = parseForm(formData, { schema: CommentSchema.partial().extend(CommentIdSchema.shape) })
		if (submission.status !== 'success' || (intent === 'edit-comment' && !submission.value.body)) {
			return data({ intent, result: submission.reply() }, { status: 400 })
		}
		const { commentId, body } = submission.value
		// An edit is saved redacted straight away: the person sees the result in place.
		const done = body && intent === 'edit-comment' ? editComment(commentId, user.id, redact(body)) : deleteComment(commentId, user.id)
		if (!done) {
			return data({ intent, result: submission.reply({ formErrors: ['comments.windowClosed'] }) }, { status: 403 })
		}
		return back(intent === 'edit-comment' ? 'comments.updated' : 'comments.deleted')
	}
	throw data('Unknown action', { status: 400 })
}

export default function IdeaRoute() {
	const t = useT()
	const format = useFormat()
	const { idea, comments, commentPages, handles, merged, timeline, triage, canRestore, canHideComments } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const known = new Set(handles)
	return (
		<div className="mx-auto max-w-3xl space-y-6">
			{idea.hiddenAt ? (
				<HiddenBanner reason={idea.hiddenReason} restoreFields={canRestore ? { kind: 'idea', targetId: idea.id } : null} />
			) : null}
			<article aria-labelledby="idea-title" className="space-y-4">
				<div className="flex gap-4">
					<VoteButton ideaId={idea.id} title={idea.title} voted={idea.votedByMe} count={idea.voteCount} />
					<div className="min-w-0 flex-1 space-y-2">
						<h1 id="idea-title" className="text-2xl font-bold leading-tight">
							{idea.title}
						</h1>
						<div className="flex flex-wrap items-center gap-2">
							<StatusBadge status={idea.status} />
							<TagList stages={idea.stages} events={idea.events} />
						</div>
						<p className="text-sm text-slate-600">
							{idea.anonymous || !idea.authorName ? t('ideas.byAnonymous') : t('ideas.by', { name: idea.authorName })}
							{idea.departmentName ? ` · ${idea.departmentName}` : ''} · {t('ideas.submittedOn', { date: format.date(idea.createdAt) })}
							{idea.updatedAt ? ` · ${t('ideas.editedOn', { date: format.date(idea.updatedAt) })}` : ''}
						</p>
						{idea.campaign?.id ? (
							<p className="text-sm">
								<Link to={`/campaigns/${idea.campaign.id}`} className="font-medium text-brand-700 underline">
									{t('ideas.inCampaign', { title: idea.campaign.title })}
								</Link>
							</p>
						) : null}
					</div>
				</div>
				<Card className="space-y-4">
					<Section title={t('ideas.problemHeading')} text={idea.problem} />
					<Section title={t('ideas.proposalHeading')} text={idea.proposal} />
					<Section title={t('ideas.benefitHeading')} text={idea.benefit} />
				</Card>
				<div className="flex flex-wrap items-center gap-3">
					<Form method="post">
						<input type="hidden" name="intent" value={idea.following ? 'unfollow' : 'follow'} />
						<Button variant="secondary" aria-pressed={idea.following}>
							{idea.following ? t('ideas.unfollow') : t('ideas.follow')}
						</Button>
					</Form>
					<p className="text-sm text-slate-600">{idea.following ? t('ideas.following') : t('ideas.notFollowing')}</p>
					{idea.editable ? (
						<ButtonLink to={`/ideas/${idea.id}/edit`} className="ml-auto">
							{t('ideas.edit')}
						</ButtonLink>
					) : null}
				</div>
			</article>
			<Timeline entries={timeline} submittedAt={idea.createdAt} />
			{triage ? (
				<TriagePanel
					idea={{ id: idea.id, status: idea.status, impact: triage.impact, effort: triage.effort, ownerEmail: triage.ownerEmail }}
					lastResult={
						actionData && 'intent' in actionData && actionData.intent
							? { intent: String(actionData.intent), result: actionData.result }
							: null
					}
					canHide={!idea.hiddenAt}
				/>
			) : null}
			<section aria-labelledby="evidence-heading" className="space-y-3">
				<h2 id="evidence-heading" className="text-lg font-semibold">
					{t('ideas.evidenceHeading')}
				</h2>
				{idea.insights.length ? (
					<ul className="space-y-3">
						{idea.insights.map((insight) => (
							<li key={insight.id}>
								<InsightCard insight={insight} />
							</li>
						))}
					</ul>
				) : (
					<p className="text-slate-600">{t('ideas.noEvidence')}</p>
				)}
			</section>
			<Comments comments={comments} total={idea.commentCount} pages={commentPages} handles={known} canHide={canHideComments} />
			{merged.length ? (
				<section aria-labelledby="merged-heading" className="space-y-4">
					<h2 id="merged-heading" className="text-lg font-semibold">
						{t('triage.mergedInto')}
					</h2>
					{merged.map((m) => (
						<div key={m.id} className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4">
							<h3 className="font-semibold">{t('triage.mergedComments', { title: m.title })}</h3>
							{m.comments.length ? (
								<ol className="space-y-2">
									{m.comments.map((c) => (
										<li key={c.id} className="rounded-md bg-white p-3">
											<p className="mb-1 text-sm text-slate-600">
												<span className="font-semibold text-slate-900">{c.authorName}</span> · {format.dateTime(c.createdAt)}
											</p>
											<CommentBody body={c.body} handles={known} />
										</li>
									))}
								</ol>
							) : (
								<p className="text-sm text-slate-600">{t('comments.empty')}</p>
							)}
						</div>
					))}
				</section>
			) : null}
		</div>
	)
}

function Section({ title, text }: { title: string; text: string }) {
	return (
		<div>
			<h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
			<p className="mt-1 whitespace-pre-line break-words">{text}</p>
		</div>
	)
}

type CommentRow = ReturnType<typeof useLoaderData<typeof loader>>['comments'][number]

function Comments({
	comments,
	total,
	pages,
	handles,
	canHide,
}: {
	comments: CommentRow[]
	total: number
	pages: { earlier: string | null; paged: boolean }
	handles: ReadonlySet<string>
	canHide: boolean
}) {
	const t = useT()
	const format = useFormat()
	const [searchParams] = useSearchParams()
	const editing = searchParams.get('edit')
	const confirming = searchParams.get('confirm')
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'new-comment',
		lastResult: actionData?.intent === 'comment' ? actionData.result : undefined,
		constraint: getZodConstraint(CommentSchema),
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CommentSchema }),
	})
	// After a comment is posted the box empties, ready for the next one.
	const formRef = useRef<HTMLFormElement>(null)
	const posting = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'comment'
	useEffect(() => {
		if (!posting && actionData === undefined) formRef.current?.reset()
	}, [posting, actionData])
	const editError =
		actionData && (actionData.intent === 'edit-comment' || actionData.intent === 'delete-comment') ? actionData.result?.error?.[''] : null
	return (
		<section aria-labelledby="comments-heading" className="space-y-4">
			<h2 id="comments-heading" className="text-lg font-semibold">
				{t('comments.heading')} ({format.number(total)})
			</h2>
			{pages.earlier || pages.paged ? (
				<nav aria-label={t('comments.pages')} className="flex flex-wrap gap-3 text-sm">
					{pages.earlier ? (
						<Link to={`?before=${pages.earlier}#comments-heading`} className="font-medium text-brand-700 underline">
							{t('comments.earlier')}
						</Link>
					) : null}
					{pages.paged ? (
						<Link to="?#comments-heading" className="font-medium text-brand-700 underline">
							{t('comments.latest')}
						</Link>
					) : null}
				</nav>
			) : null}
			{editError?.length ? (
				<p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
					{t(editError[0] as MessageKey)}
				</p>
			) : null}
			{comments.length ? (
				<ol className="space-y-3">
					{comments.map((comment) => (
						<li key={comment.id} id={`comment-${comment.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
							<p className="mb-1 text-sm text-slate-600">
								<span className="font-semibold text-slate-900">{comment.authorName}</span> ·{' '}
								<time dateTime={new Date(comment.createdAt).toISOString()}>{format.dateTime(comment.createdAt)}</time>
								{comment.editedAt ? ` · ${t('comments.edited')}` : ''}
							</p>
							{editing === comment.id && comment.editable ? (
								<Form method="post" className="space-y-2">
									<input type="hidden" name="intent" value="edit-comment" />
									<input type="hidden" name="commentId" value={comment.id} />
									<label htmlFor={`edit-${comment.id}`} className="sr-only">
										{t('comments.editLabel')}
									</label>
									<textarea
										id={`edit-${comment.id}`}
										name="body"
										defaultValue={comment.body}
										rows={3}
										required
										maxLength={4000}
										className="block w-full rounded-md border border-slate-300 px-3 py-2"
									/>
									<div className="flex gap-2">
										<Button>{t('comments.save')}</Button>
										<ButtonLink to=".">{t('common.cancel')}</ButtonLink>
									</div>
								</Form>
							) : (
								<CommentBody body={comment.body} handles={handles} />
							)}
							{confirming === `delete-${comment.id}` && comment.editable ? (
								<ConfirmPanel
									message={t('comments.deleteConfirm')}
									intent="delete-comment"
									fields={{ commentId: comment.id }}
									confirmLabel={t('comments.delete')}
								/>
							) : null}
							{canHide ? (
								<details className="mt-2 text-sm">
									<summary className="font-medium text-red-700">{t('moderation.hideComment')}</summary>
									<Form method="post" className="mt-2 space-y-2">
										<input type="hidden" name="intent" value="hide" />
										<input type="hidden" name="kind" value="comment" />
										<input type="hidden" name="targetId" value={comment.id} />
										<label htmlFor={`hide-${comment.id}`} className="block font-medium text-slate-800">
											{t('moderation.reason')}
										</label>
										<textarea
											id={`hide-${comment.id}`}
											name="reason"
											required
											rows={2}
											maxLength={1000}
											className="block w-full rounded-md border border-slate-300 px-3 py-2"
										/>
										<Button variant="danger">{t('moderation.hide')}</Button>
									</Form>
								</details>
							) : null}
							{comment.editable && editing !== comment.id ? (
								<p className="mt-2 flex gap-3 text-sm">
									<Link to={`?edit=${comment.id}#comment-${comment.id}`} className="font-medium text-brand-700 underline">
										{t('comments.edit')}
									</Link>
									<Link to={`?confirm=delete-${comment.id}#comment-${comment.id}`} className="font-medium text-red-700 underline">
										{t('comments.delete')}
									</Link>
								</p>
							) : null}
						</li>
					))}
				</ol>
			) : (
				<p className="text-slate-600">{t('comments.empty')}</p>
			)}
			<Form method="post" {...getFormProps(form)} ref={formRef} className="space-y-2">
				<input type="hidden" name="intent" value="comment" />
				<TextareaField label={t('comments.label')} hint={t('comments.hint')} meta={fields.body} rows={3} />
				<PrivacyNotice
					findings={actionData?.intent === 'comment' && 'privacy' in actionData ? (actionData.privacy as PrivacyFinding[]) : null}
					labels={{ body: t('comments.label') }}
				/>
				<Button disabled={posting}>{posting ? t('common.saving') : t('comments.submit')}</Button>
			</Form>
		</section>
	)
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	data ? [{ title: `${data.idea.title} · Voce` }] : pageTitle(matches, 'ideas.detailTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
