import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { Button } from '#app/components/ui/button.tsx'
import { FormErrors, TextareaField } from '#app/components/ui/forms.tsx'
import { HideSchema, ReportSchema, type ContentKind } from '#app/models/moderation.ts'
import { useT } from '#app/utils/root-data.ts'

type Target = { kind: ContentKind; targetId: string; lastResult?: SubmissionResult<string[]> | null }

/**
 * A form that sends one item's reason (hide, report), folded away until opened and opened
 * again when the server sends it back with an error. Posts to the page it sits on. One page
 * can hold several of each (one per comment): only the one sent back takes the answer.
 */
function FoldedReasonForm({
	intent,
	schema,
	kind,
	targetId,
	lastResult,
	summary,
	summaryClassName,
	reasonLabel,
	submit,
}: Target & {
	intent: 'hide' | 'report'
	schema: typeof HideSchema | typeof ReportSchema
	summary: string
	summaryClassName: string
	reasonLabel: string
	submit: React.ReactNode
}) {
	const mine = lastResult?.initialValue?.targetId === targetId ? lastResult : undefined
	const [form, fields] = useForm({
		id: `${intent}-${kind}-${targetId}`,
		lastResult: mine,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
	})
	const failed = Boolean(form.errors?.length || fields.reason.errors?.length)
	return (
		<details open={failed || undefined} className="text-sm">
			<summary className={`cursor-pointer ${summaryClassName}`}>{summary}</summary>
			<Form method="post" {...getFormProps(form)} className="mt-2 space-y-2">
				<input type="hidden" name="intent" value={intent} />
				<input type="hidden" name="kind" value={kind} />
				<input type="hidden" name="targetId" value={targetId} />
				<FormErrors errors={form.errors} />
				<TextareaField label={reasonLabel} meta={fields.reason} rows={2} />
				{submit}
			</Form>
		</details>
	)
}

/** Hide with a reason (the author is told); the route hands it to moderationAction. */
export function HideForm({ label, ...target }: Target & { label: string }) {
	const t = useT()
	return (
		<FoldedReasonForm
			{...target}
			intent="hide"
			schema={HideSchema}
			summary={label}
			summaryClassName="font-medium text-red-700"
			reasonLabel={t('moderation.reason')}
			submit={<Button variant="danger">{t('moderation.hide')}</Button>}
		/>
	)
}

/** Shown to moderators on hidden content: why it was hidden, and Restore for those who may. */
export function HiddenBanner({ reason, restore }: { reason: string | null; restore: { kind: ContentKind; targetId: string } | null }) {
	const t = useT()
	return (
		<div
			role="status"
			className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900"
		>
			<span>{t('moderation.hiddenBanner', { reason: reason ?? '' })}</span>
			{restore ? <RestoreButton {...restore} /> : null}
		</div>
	)
}

export function RestoreButton({ kind, targetId }: { kind: ContentKind; targetId: string }) {
	const t = useT()
	return (
		<Form method="post">
			<input type="hidden" name="intent" value="restore" />
			<input type="hidden" name="kind" value={kind} />
			<input type="hidden" name="targetId" value={targetId} />
			<Button variant="secondary">{t('moderation.restore')}</Button>
		</Form>
	)
}

/**
 * "Report to the moderators": the reason goes to the moderators only, and the reporter hears
 * what they decide. The route hands it to reportAction.
 */
export function ReportForm(target: Target) {
	const t = useT()
	return (
		<FoldedReasonForm
			{...target}
			intent="report"
			schema={ReportSchema}
			summary={t('moderation.report')}
			summaryClassName="text-slate-600 underline decoration-slate-300 hover:text-slate-900"
			reasonLabel={t('moderation.reportReason')}
			submit={<Button variant="secondary">{t('moderation.reportSubmit')}</Button>}
		/>
	)
}

/** A moderator keeps a reported item; the note, if any, goes to the reporters. */
export function KeepForm({ kind, targetId }: { kind: ContentKind; targetId: string }) {
	const t = useT()
	const id = `keep-${kind}-${targetId}`
	return (
		<Form method="post" className="space-y-2">
			<input type="hidden" name="intent" value="dismiss-reports" />
			<input type="hidden" name="kind" value={kind} />
			<input type="hidden" name="targetId" value={targetId} />
			<label htmlFor={id} className="block text-sm font-medium text-slate-800">
				{t('moderation.keepNote')}
			</label>
			<textarea
				id={id}
				name="note"
				rows={2}
				maxLength={500}
				className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm"
			/>
			<Button variant="secondary">{t('moderation.keep')}</Button>
		</Form>
	)
}

/**
 * What a moderator sees on a reported item's own page: how often and why colleagues reported
 * it, and "keep it" (hiding is the HideForm beside it). Reasons are shown once each.
 */
export function ReportedNotice({
	kind,
	targetId,
	reports,
}: {
	kind: ContentKind
	targetId: string
	reports: { count: number; reasons: string[] }
}) {
	const t = useT()
	return (
		<div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-reported={kind}>
			<p className="font-semibold text-amber-950">{t('moderation.reportCount', { count: reports.count })}</p>
			<ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
				{reports.reasons.slice(0, 5).map((reason) => (
					<li key={reason}>{reason}</li>
				))}
			</ul>
			<KeepForm kind={kind} targetId={targetId} />
		</div>
	)
}
