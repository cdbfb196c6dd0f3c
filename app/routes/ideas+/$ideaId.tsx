import { type SubmissionResult } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CommentBody } from '#app/components/comment-body.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FixEffect } from '#app/components/fix-effect.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { HiddenBanner, ReportForm } from '#app/components/moderation.tsx'
import { StatusBadge, TagList } from '#app/components/tags.tsx'
import { Timeline } from '#app/components/timeline.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Meta } from '#app/components/ui/meta.tsx'
import { addComment, deleteComment, editComment, knownHandles, listComments, withinEditWindow } from '#app/models/comment.server.ts'
import { criteriaOf } from '#app/models/evaluation.ts'
import { ideaFixEffects } from '#app/models/fix-effect.server.ts'
import { canEdit, getIdea, ideaState, setFollow } from '#app/models/idea.server.ts'
import { CommentSchema, slaState, STATUS, TRANSITIONS } from '#app/models/idea.ts'
import { canView, mayModerate, openReports } from '#app/models/moderation.server.ts'
import { isModerationIntent, type ModerationInput } from '#app/models/moderation.ts'
import { markIdeaRead } from '#app/models/notification.server.ts'
import { ideaInScope, mergeCandidates, mergedInto, timelineOf } from '#app/models/triage.server.ts'
import { getUserById } from '#app/models/user.server.ts'
import { type SessionUser } from '#app/models/user.ts'
import { isReportIntent, moderationAction, reportAction } from '#app/routes/__moderation.server.ts'
import { Comments, type CommentsReply } from '#app/routes/ideas+/__comments.tsx'
import { VoteButton } from '#app/routes/ideas+/$ideaId_.vote.tsx'
import { handleTriageIntent, isTriageIntent } from '#app/routes/triage+/__actions.server.ts'
import { ManagePanel } from '#app/routes/triage+/__panel.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { privacyReview } from '#app/utils/privacy.server.ts'
import { redact } from '#app/utils/privacy.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:idea:any')
	const idea = getIdea(params.ideaId ?? '', user.id)
	ensure(idea, 'errors.ideaNotFound')
	// A merged idea lives on in the idea kept, which shows its comments.
	if (idea.mergedIntoId) throw redirect(`/ideas/${idea.mergedIntoId}`)
	const canTriage = hasPermission(user.role, 'update:triage:scope') && ideaInScope(idea.id, user)
	ensure(canView('idea', idea.id, idea.hiddenAt, user), 'errors.ideaNotFound')
	const canRestore = Boolean(idea.hiddenAt) && mayModerate('restore', 'idea', idea.id, user)
	markIdeaRead(user.id, idea.id)
	const now = new Date()
	const search = new URL(request.url).searchParams
	const before = search.get('before')
	const mergeQuery = canTriage ? (search.get('mergeq') ?? '').trim().slice(0, 200) || null : null
	const page = listComments(idea.id, { before })
	const comments = page.rows.map(({ authorId, ...c }) => ({
		...c,
		mine: authorId === user.id,
		editable: authorId === user.id && withinEditWindow(c.createdAt, now),
	}))
	// Merged ideas are shown for their comments: one without any has nothing to show here.
	const merged = mergedInto(idea.id)
		.map((m) => ({ ...m, comments: listComments(m.id).rows.map(({ authorId: _a, ...c }) => c) }))
		.filter((m) => m.comments.length)
	const { isMine, firstActionAt, scores, score, criteria, ownerId, ...shown } = idea
	const canHideComments = mayModerate('hide', 'idea', idea.id, user)
	const allBodies = [...comments, ...merged.flatMap((m) => m.comments)].map((c) => c.body)
	return {
		idea: { ...shown, isMine, editable: canEdit(idea) },
		comments,
		commentPages: { earlier: page.earlier, paged: Boolean(before) },
		merged,
		timeline: timelineOf(idea.id),
		// Did it work: an implemented idea's moments before and after (decision 058).
		fix: idea.status === STATUS.implemented ? (ideaFixEffects([idea.id]).get(idea.id) ?? null) : null,
		minGroup: getEnv().MIN_GROUP_SIZE,
		handles: [...knownHandles(allBodies)],
		// Evaluation is for the people who triage; everyone else sees only the public timeline.
		triage: canTriage
			? {
					evaluation: {
						criteria: criteriaOf(criteria),
						scores,
						score,
						campaign: criteria?.length ? (idea.campaign?.title ?? null) : null,
					},
					ownerEmail: (ownerId && getUserById(ownerId)?.email) || '',
					sla: slaState({ ...idea, firstActionAt }, getEnv().SLA_DAYS, now),
					merge: {
						query: mergeQuery,
						candidates: TRANSITIONS[idea.status].includes(STATUS.merged) ? mergeCandidates(idea.id, user, mergeQuery) : [],
					},
				}
			: null,
		canHideComments,
		// What colleagues reported, for whoever can hide it: the idea (in the Manage panel) and each comment.
		reports: canHideComments
			? {
					idea: idea.hiddenAt ? null : (openReports('idea', [idea.id]).get(idea.id) ?? null),
					comments: Object.fromEntries(
						openReports(
							'comment',
							comments.map((c) => c.id),
						),
					),
				}
			: null,
		canRestore,
	}
}

type Intent = { request: Request; formData: FormData; user: SessionUser; ideaId: string }
const done = (ideaId: string, message: MessageKey) => redirectWithToast(`/ideas/${ideaId}`, { kind: 'success', message })

async function follow({ formData, user, ideaId }: Intent) {
	const on = formData.get('intent') === 'follow'
	ensure(setFollow(ideaId, user.id, on), 'errors.ideaNotFound')
	return done(ideaId, on ? 'ideas.followDone' : 'ideas.unfollowDone')
}

async function comment({ request, formData, user, ideaId }: Intent) {
	await requirePermission(request, 'create:comment:own')
	const submission = parseForm(formData, { schema: CommentSchema })
	if (submission.status !== 'success') return data({ intent: 'comment', result: submission.reply() }, { status: 400 })
	const review = privacyReview(formData, { body: submission.value.body })
	if (review.mustConfirm) {
		const result = { ...submission.reply(), error: {} as Record<string, string[] | null> }
		return data({ intent: 'comment', result, privacy: review.findings }, { status: 422 })
	}
	ensure(addComment(ideaId, user.id, redact(submission.value.body)), 'errors.ideaNotFound')
	return done(ideaId, 'comments.added')
}

const CommentChangeSchema = CommentSchema.partial().extend({ commentId: z.string().min(1) })

/** An own comment, edited or deleted within its edit window; an edit is saved redacted straight away. */
async function changeComment({ request, formData, user, ideaId }: Intent) {
	await requirePermission(request, 'update:comment:own')
	const intent = formData.get('intent') === 'edit-comment' ? 'edit-comment' : 'delete-comment'
	const submission = parseForm(formData, { schema: CommentChangeSchema })
	if (submission.status !== 'success' || (intent === 'edit-comment' && !submission.value.body)) {
		return data({ intent, result: submission.reply() }, { status: 400 })
	}
	const { commentId, body } = submission.value
	const changed = body && intent === 'edit-comment' ? editComment(commentId, user.id, redact(body)) : deleteComment(commentId, user.id)
	if (!changed) return data({ intent, result: submission.reply({ formErrors: ['comments.windowClosed'] }) }, { status: 403 })
	return done(ideaId, intent === 'edit-comment' ? 'comments.updated' : 'comments.deleted')
}

const HANDLERS = {
	follow,
	unfollow: follow,
	comment,
	'edit-comment': changeComment,
	'delete-comment': changeComment,
} satisfies Record<string, (input: Intent) => Promise<unknown>>

function isHandled(intent: unknown): intent is keyof typeof HANDLERS {
	return typeof intent === 'string' && Object.hasOwn(HANDLERS, intent)
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'read:idea:any')
	const ideaId = params.ideaId ?? ''
	const state = ideaState(ideaId)
	ensure(state, 'errors.ideaNotFound')
	const formData = await request.formData()
	const intent = formData.get('intent')
	// A hidden idea takes no write but moderation, and answers as its page does for everyone else.
	if (isModerationIntent(intent)) {
		// A hidden idea leaves the backlog's lists: its moderator goes back to triage.
		const after = (input: ModerationInput) => (input.kind === 'idea' && input.intent === 'hide' ? '/triage' : `/ideas/${ideaId}`)
		return moderationAction(formData, user, { kinds: ['idea', 'comment'], after })
	}
	ensure(!state.hidden, 'errors.ideaNotFound')
	if (isReportIntent(intent)) return reportAction(formData, user, { kinds: ['idea', 'comment'], back: `/ideas/${ideaId}` })
	if (isTriageIntent(intent)) return handleTriageIntent(intent, formData, user, ideaId)
	ensure(isHandled(intent), 'errors.unknownAction', 400)
	return HANDLERS[intent]({ request, formData, user, ideaId })
}

export default function IdeaRoute() {
	const t = useT()
	const format = useFormat()
	const { idea, comments, commentPages, handles, merged, timeline, triage, canRestore, canHideComments, reports, fix, minGroup } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const known = new Set(handles)
	return (
		// Keyed by the idea: moving to another idea (a link, a merge's redirect) starts every form afresh,
		// so no field shows the previous idea's values.
		<div
			key={idea.id}
			className={
				triage
					? 'mx-auto grid max-w-6xl gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:grid-rows-[auto_1fr] lg:gap-x-8'
					: 'mx-auto grid max-w-3xl gap-6'
			}
		>
			<header className="space-y-4 lg:col-start-1 lg:row-start-1">
				{idea.hiddenAt ? (
					<HiddenBanner reason={idea.hiddenReason} restore={canRestore ? { kind: 'idea', targetId: idea.id } : null} />
				) : null}
				<div className="flex gap-4">
					<VoteButton ideaId={idea.id} title={idea.title} voted={idea.votedByMe} count={idea.voteCount} status={idea.status} />
					<div className="min-w-0 flex-1 space-y-2">
						<h1 id="idea-title" className="text-2xl font-bold leading-tight">
							{idea.title}
						</h1>
						<div className="flex flex-wrap items-center gap-2">
							<StatusBadge status={idea.status} />
							<TagList stages={idea.stages} events={idea.events} />
						</div>
						<Meta>
							{idea.anonymous || !idea.authorName ? t('ideas.byAnonymous') : t('ideas.by', { name: idea.authorName })}
							{idea.departmentName}
							{t('ideas.submittedOn', { date: format.date(idea.createdAt) })}
							{idea.updatedAt ? t('ideas.editedOn', { date: format.date(idea.updatedAt) }) : null}
						</Meta>
						{idea.campaign?.id ? (
							<p className="text-sm">
								<Link to={`/campaigns/${idea.campaign.id}`} className="font-medium text-brand-700 underline">
									{t('ideas.inCampaign', { title: idea.campaign.title })}
								</Link>
							</p>
						) : null}
					</div>
				</div>
			</header>
			{triage ? (
				<aside
					aria-label={t('triage.panelHeading')}
					className="lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
				>
					<ManagePanel
						idea={{ id: idea.id, status: idea.status, ownerEmail: triage.ownerEmail }}
						evaluation={triage.evaluation}
						sla={triage.sla}
						merge={triage.merge}
						lastResult={
							actionData && 'intent' in actionData && actionData.intent
								? { intent: String(actionData.intent), result: actionData.result }
								: null
						}
						canHide={!idea.hiddenAt}
						reports={reports?.idea ?? null}
					/>
				</aside>
			) : null}
			<div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-2">
				<article aria-labelledby="idea-title" className="space-y-4">
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
						{!idea.isMine && !idea.hiddenAt ? (
							<div className="w-full">
								<ReportForm
									kind="idea"
									targetId={idea.id}
									lastResult={
										actionData && 'intent' in actionData && actionData.intent === 'report'
											? (actionData.result as SubmissionResult<string[]>)
											: null
									}
								/>
							</div>
						) : null}
						{idea.editable ? (
							<ButtonLink to={`/ideas/${idea.id}/edit`} className="ml-auto">
								{t('ideas.edit')}
							</ButtonLink>
						) : null}
					</div>
				</article>
				<Timeline entries={timeline} submittedAt={idea.createdAt} />
				{fix ? (
					<section aria-labelledby="fix-effect-heading" id="fix-effect" className="space-y-2">
						<h2 id="fix-effect-heading" className="text-lg font-semibold">
							{t('fix.heading')}
						</h2>
						<Card>
							<FixEffect figures={fix.figures} date={fix.closedAt} min={minGroup} />
						</Card>
					</section>
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
				<Comments
					comments={comments}
					total={idea.commentCount}
					pages={commentPages}
					handles={known}
					canHide={canHideComments}
					reports={reports?.comments}
					reply={actionData && 'intent' in actionData ? (actionData as CommentsReply) : undefined}
				/>
				{merged.length ? (
					<section aria-labelledby="merged-heading" className="space-y-4">
						<h2 id="merged-heading" className="text-lg font-semibold">
							{t('triage.mergedInto')}
						</h2>
						{merged.map((m) => (
							<div key={m.id} className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4">
								<h3 className="font-semibold">{t('triage.mergedComments', { title: m.title })}</h3>
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
							</div>
						))}
					</section>
				) : null}
			</div>
		</div>
	)
}

function Section({ title, text }: { title: string; text: string }) {
	return (
		<div>
			<h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h2>
			<p className="mt-1 whitespace-pre-line break-words">{text}</p>
		</div>
	)
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	data ? [{ title: `${data.idea.title} · Voce` }] : pageTitle(matches, 'ideas.detailTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
