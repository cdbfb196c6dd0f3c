import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useNavigation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { CommentBody } from '#app/components/comment-body.tsx'
import { ConfirmPanel } from '#app/components/confirm.tsx'
import { HideForm, ReportedNotice, ReportForm } from '#app/components/moderation.tsx'
import { PrivacyNotice } from '#app/components/privacy-notice.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { TextareaField } from '#app/components/ui/forms.tsx'
import { CommentSchema } from '#app/models/idea.ts'
import { type OpenReports } from '#app/models/moderation.ts'
import { useMentions } from '#app/routes/resources+/mentions.tsx'
import { type MessageKey } from '#app/utils/i18n.ts'
import { type PrivacyFinding } from '#app/utils/privacy.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

type CommentRow = {
	id: string
	authorName: string
	body: string
	createdAt: Date | string | number
	editedAt: Date | string | number | null
	editable: boolean
	mine: boolean
}
/** What the idea page's action answered, when it answered a comment or moderation form. */
export type CommentsReply = {
	intent: string
	result?: SubmissionResult<string[]> | null
	privacy?: PrivacyFinding[]
}

/** The idea's comments: paged, own ones edited or deleted in place, hidden by moderators, and the box to add one. */
export function Comments({
	comments,
	total,
	pages,
	handles,
	canHide,
	reports,
	reply,
}: {
	comments: CommentRow[]
	total: number
	pages: { earlier: string | null; paged: boolean }
	handles: ReadonlySet<string>
	canHide: boolean
	/** Open reports per comment id, for a moderator. */
	reports?: Record<string, OpenReports>
	reply: CommentsReply | undefined
}) {
	const mentions = useMentions()
	const t = useT()
	const format = useFormat()
	const [searchParams] = useSearchParams()
	const editing = searchParams.get('edit')
	const confirming = searchParams.get('confirm')
	const actionData = reply
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
							{!comment.mine ? (
								<div className="mt-2">
									<ReportForm
										kind="comment"
										targetId={comment.id}
										lastResult={actionData?.intent === 'report' ? actionData.result : null}
									/>
								</div>
							) : null}
							{canHide ? (
								<div className="mt-2 space-y-2">
									{reports?.[comment.id] ? <ReportedNotice kind="comment" targetId={comment.id} reports={reports[comment.id]!} /> : null}
									<HideForm
										kind="comment"
										targetId={comment.id}
										label={t('moderation.hideComment')}
										lastResult={actionData?.intent === 'hide' ? actionData.result : null}
									/>
								</div>
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
				<TextareaField
					label={t('comments.label')}
					hint={t('comments.hint')}
					meta={fields.body}
					rows={3}
					textareaProps={mentions.textareaProps}
					after={mentions.list}
				/>
				<PrivacyNotice
					findings={actionData?.intent === 'comment' && 'privacy' in actionData ? (actionData.privacy ?? null) : null}
					labels={{ body: t('comments.label') }}
				/>
				<Button disabled={posting}>{posting ? t('common.saving') : t('comments.submit')}</Button>
			</Form>
		</section>
	)
}
