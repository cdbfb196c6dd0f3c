import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { Button } from '#app/components/ui/button.tsx'
import { FormErrors, TextareaField } from '#app/components/ui/forms.tsx'
import { HideSchema, ReportSchema, type ContentKind } from '#app/models/moderation.ts'
import { useT } from '#app/utils/root-data.ts'

/**
 * Hide with a reason, folded away until opened (and opened again when the server sends it
 * back with an error). Posts to the page it sits on; the route hands it to moderationAction.
 */
export function HideForm({
	kind,
	targetId,
	label,
	lastResult,
}: {
	kind: ContentKind
	targetId: string
	label: string
	lastResult?: SubmissionResult<string[]> | null
}) {
	const t = useT()
	// One page can hold several hide forms (one per comment): only the one sent back takes the answer.
	const mine = lastResult?.initialValue?.targetId === targetId ? lastResult : undefined
	const [form, fields] = useForm({
		id: `hide-${kind}-${targetId}`,
		lastResult: mine,
		constraint: getZodConstraint(HideSchema),
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: HideSchema }),
	})
	const failed = Boolean(form.errors?.length || fields.reason.errors?.length)
	return (
		<details open={failed || undefined} className="text-sm">
			<summary className="cursor-pointer font-medium text-red-700">{label}</summary>
			<Form method="post" {...getFormProps(form)} className="mt-2 space-y-2">
				<input type="hidden" name="intent" value="hide" />
				<input type="hidden" name="kind" value={kind} />
				<input type="hidden" name="targetId" value={targetId} />
				<FormErrors errors={form.errors} />
				<TextareaField label={t('moderation.reason')} meta={fields.reason} rows={2} />
				<Button variant="danger">{t('moderation.hide')}</Button>
			</Form>
		</details>
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
 * "Report to the moderators", folded away until opened: the reason goes to the moderators
 * only, and the reporter hears what they decide. Posts to the page it sits on.
 */
export function ReportForm({
	kind,
	targetId,
	lastResult,
}: {
	kind: ContentKind
	targetId: string
	lastResult?: SubmissionResult<string[]> | null
}) {
	const t = useT()
	const mine = lastResult?.initialValue?.targetId === targetId ? lastResult : undefined
	const [form, fields] = useForm({
		id: `report-${kind}-${targetId}`,
		lastResult: mine,
		constraint: getZodConstraint(ReportSchema),
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ReportSchema }),
	})
	const failed = Boolean(form.errors?.length || fields.reason.errors?.length)
	return (
		<details open={failed || undefined} className="text-sm">
			<summary className="cursor-pointer text-slate-600 underline decoration-slate-300 hover:text-slate-900">
				{t('moderation.report')}
			</summary>
			<Form method="post" {...getFormProps(form)} className="mt-2 space-y-2">
				<input type="hidden" name="intent" value="report" />
				<input type="hidden" name="kind" value={kind} />
				<input type="hidden" name="targetId" value={targetId} />
				<FormErrors errors={form.errors} />
				<TextareaField label={t('moderation.reportReason')} meta={fields.reason} rows={2} />
				<Button variant="secondary">{t('moderation.reportSubmit')}</Button>
			</Form>
		</details>
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
