import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { HideForm } from '#app/components/moderation.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Field, FormErrors, SelectField, TextareaField } from '#app/components/ui/forms.tsx'
import { MergeSchema, REASON_REQUIRED, STATUS, StatusChangeSchema, TRANSITIONS, UpdateSchema, type IdeaStatus } from '#app/models/idea.ts'
import { OwnerField } from '#app/routes/resources+/owners.tsx'
import { useT } from '#app/utils/root-data.ts'

type Props = {
	idea: { id: string; status: IdeaStatus; impact: number | null; effort: number | null; ownerEmail: string }
	lastResult?: { intent: string; result: unknown } | null
	canHide: boolean
}

const SCORES = [1, 2, 3, 4, 5].map(String)

/** Status change, public update, evaluation, merge and hide: a manager's tools on the idea page. */
export function TriagePanel({ idea, lastResult, canHide }: Props) {
	const t = useT()
	const resultFor = (intent: string) => (lastResult?.intent === intent ? (lastResult.result as SubmissionResult<string[]>) : undefined)
	const next = TRANSITIONS[idea.status].filter((s) => s !== STATUS.merged)
	const [statusForm, statusFields] = useForm({
		id: `status-form-${idea.id}`,
		lastResult: resultFor('status'),
		constraint: getZodConstraint(StatusChangeSchema),
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: StatusChangeSchema }),
	})
	const [updateForm, updateFields] = useForm({
		id: `update-form-${idea.id}`,
		lastResult: resultFor('update'),
		constraint: getZodConstraint(UpdateSchema),
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateSchema }),
	})
	const [evalForm, evalFields] = useForm<{ impact?: string; effort?: string; owner?: string }>({
		id: `evaluate-form-${idea.id}`,
		lastResult: resultFor('evaluate'),
		// The selects only offer valid values and the owner is resolved by the server.
		defaultValue: {
			impact: idea.impact ? String(idea.impact) : '',
			effort: idea.effort ? String(idea.effort) : '',
			owner: idea.ownerEmail,
		},
	})
	const [mergeForm, mergeFields] = useForm({
		id: `merge-form-${idea.id}`,
		lastResult: resultFor('merge'),
		constraint: getZodConstraint(MergeSchema),
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: MergeSchema }),
	})
	const scoreOptions = SCORES.map((value) => ({ value, label: value }))
	return (
		<Card className="space-y-6 border-brand-100">
			<h2 className="text-lg font-semibold">{t('triage.panelHeading')}</h2>
			{next.length ? (
				<Form method="post" {...getFormProps(statusForm)} className="space-y-3">
					<h3 className="font-semibold">{t('triage.changeStatus')}</h3>
					<input type="hidden" name="intent" value="status" />
					<FormErrors errors={statusForm.errors} />
					<SelectField
						label={t('triage.newStatus')}
						meta={statusFields.status}
						placeholder={t('triage.chooseStatus')}
						options={next.map((s) => ({ value: s, label: t(`statuses.${s}`) + (REASON_REQUIRED.includes(s) ? ' *' : '') }))}
					/>
					<TextareaField label={t('triage.note')} hint={t('triage.noteHint')} meta={statusFields.note} rows={3} />
					<Button>{t('triage.applyStatus')}</Button>
				</Form>
			) : (
				<p className="text-slate-700">{t('triage.finalStatus', { status: t(`statuses.${idea.status}`) })}</p>
			)}
			<Form method="post" {...getFormProps(updateForm)} className="space-y-3">
				<h3 className="font-semibold">{t('triage.postUpdate')}</h3>
				<input type="hidden" name="intent" value="update" />
				<TextareaField label={t('triage.updateLabel')} meta={updateFields.note} rows={2} />
				<Button variant="secondary">{t('triage.postUpdate')}</Button>
			</Form>
			<Form method="post" {...getFormProps(evalForm)} className="space-y-3">
				<h3 className="font-semibold">{t('triage.evaluation')}</h3>
				<input type="hidden" name="intent" value="evaluate" />
				<div className="grid gap-3 sm:grid-cols-3">
					<SelectField label={t('triage.impact')} meta={evalFields.impact} options={scoreOptions} placeholder={t('triage.notScored')} />
					<SelectField label={t('triage.effort')} meta={evalFields.effort} options={scoreOptions} placeholder={t('triage.notScored')} />
					<OwnerField
						key={evalFields.owner.key}
						id={evalFields.owner.id}
						name={evalFields.owner.name}
						defaultValue={evalFields.owner.initialValue}
						errors={evalFields.owner.errors}
					/>
				</div>
				<Button variant="secondary">{t('triage.saveEvaluation')}</Button>
			</Form>
			{TRANSITIONS[idea.status].includes(STATUS.merged) ? (
				<Form method="post" {...getFormProps(mergeForm)} className="space-y-3">
					<h3 className="font-semibold">{t('triage.merge')}</h3>
					<p className="text-sm text-slate-600">{t('triage.mergeHint')}</p>
					<input type="hidden" name="intent" value="merge" />
					<Field label={t('triage.mergeTarget')} meta={mergeFields.targetId} />
					<TextareaField label={t('triage.mergeReason')} meta={mergeFields.note} rows={2} />
					<Button variant="secondary">{t('triage.mergeButton')}</Button>
				</Form>
			) : null}
			{canHide ? <HideForm kind="idea" targetId={idea.id} label={t('moderation.hideIdea')} lastResult={resultFor('hide')} /> : null}
		</Card>
	)
}
