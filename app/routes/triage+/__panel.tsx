import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { HideForm, ReportedNotice } from '#app/components/moderation.tsx'
import { SlaBadge, StatusBadge } from '#app/components/tags.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from '#app/components/ui/forms.tsx'
import { isDefaultCriterion, scoredCount, type Criterion, type Scores } from '#app/models/evaluation.ts'
import {
	MergeSchema,
	REASON_REQUIRED,
	STATUS,
	StatusChangeSchema,
	TRANSITIONS,
	UpdateSchema,
	type IdeaStatus,
	type SlaState,
} from '#app/models/idea.ts'
import { type OpenReports } from '#app/models/moderation.ts'
import { OwnerField } from '#app/routes/resources+/owners.tsx'
import { useFormat, useT } from '#app/utils/root-data.ts'

type Candidate = { id: string; title: string; status: IdeaStatus; voteCount: number }

type Props = {
	idea: { id: string; status: IdeaStatus; ownerEmail: string }
	evaluation: { criteria: readonly Criterion[]; scores: Scores | null; score: number | null; campaign: string | null }
	sla: SlaState
	merge: { candidates: Candidate[]; query: string | null }
	lastResult?: { intent: string; result: unknown } | null
	canHide: boolean
	/** Open reports on the idea, for a moderator. */
	reports?: OpenReports | null
}

const SCORES = [1, 2, 3, 4, 5].map(String)
const SECTIONS = 'manage-section'

/**
 * A manager's tools on the idea page, in one panel: status with its note, a public update,
 * evaluation and owner, merge (with the likely duplicates to pick from) and hide. Beside the
 * idea on a wide screen, folded below the title on a phone. Each tool folds too, so one is
 * open at a time: the one that was sent back with an error, else the status.
 */
export function ManagePanel({ idea, evaluation, sla, merge, lastResult, canHide, reports }: Props) {
	const t = useT()
	const format = useFormat()
	const resultFor = (intent: string) => (lastResult?.intent === intent ? (lastResult.result as SubmissionResult<string[]>) : undefined)
	const next = TRANSITIONS[idea.status].filter((s) => s !== STATUS.merged)
	const canMerge = TRANSITIONS[idea.status].includes(STATUS.merged)
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
	const [evalForm, evalFields] = useForm<{ scores?: Record<string, string>; owner?: string }>({
		id: `evaluate-form-${idea.id}`,
		lastResult: resultFor('evaluate'),
		// The selects only offer valid values and the owner is resolved by the server.
		defaultValue: {
			scores: Object.fromEntries(evaluation.criteria.map((c) => [c.id, String(evaluation.scores?.[c.id] ?? '')])),
			owner: idea.ownerEmail,
		},
	})
	const scoreFields = evalFields.scores.getFieldset()
	const scored = scoredCount(evaluation.criteria, evaluation.scores)
	const [mergeForm, mergeFields] = useForm({
		id: `merge-form-${idea.id}`,
		lastResult: resultFor('merge'),
		constraint: getZodConstraint(MergeSchema),
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: MergeSchema }),
	})
	const failed = lastResult?.intent ?? null
	const opened = failed ?? (merge.query !== null ? 'merge' : next.length ? 'status' : canMerge ? 'merge' : 'update')
	const scoreOptions = SCORES.map((value) => ({ value, label: value }))
	return (
		// Always open beside the idea on a wide screen (.open-wide); folded on a phone until tapped, or sent back.
		<details
			open={Boolean(failed) || merge.query !== null || undefined}
			className="open-wide group/panel rounded-lg border border-brand-100 bg-white shadow-sm"
		>
			<summary className="flex list-none flex-wrap items-center gap-x-3 gap-y-1 p-4 [&::-webkit-details-marker]:hidden">
				<h2 className="text-lg font-semibold">{t('triage.panelHeading')}</h2>
				<Chevron className="fold-icon ml-auto group-open/panel:rotate-180" />
				<span className="flex w-full flex-wrap gap-2">
					<StatusBadge status={idea.status} />
					<SlaBadge sla={sla} />
					{reports ? <Badge tone="amber">{t('moderation.reportCount', { count: reports.count })}</Badge> : null}
				</span>
			</summary>
			<div className="divide-y divide-slate-200 border-t border-slate-200">
				{next.length ? (
					<Section title={t('triage.changeStatus')} open={opened === 'status'}>
						<Form method="post" {...getFormProps(statusForm)} className="space-y-3">
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
					</Section>
				) : (
					<p className="p-4 text-sm text-slate-700">{t('triage.finalStatus', { status: t(`statuses.${idea.status}`) })}</p>
				)}
				<Section title={t('triage.postUpdate')} open={opened === 'update'}>
					<Form method="post" {...getFormProps(updateForm)} className="space-y-3">
						<input type="hidden" name="intent" value="update" />
						<TextareaField label={t('triage.updateLabel')} meta={updateFields.note} rows={3} />
						<Button variant="secondary">{t('triage.postUpdate')}</Button>
					</Form>
				</Section>
				<Section title={t('triage.evaluation')} open={opened === 'evaluate'}>
					<Form method="post" {...getFormProps(evalForm)} className="space-y-3">
						<input type="hidden" name="intent" value="evaluate" />
						<FormErrors errors={evalForm.errors} />
						<p className="text-sm font-medium text-slate-900">
							{evaluation.score !== null
								? t('triage.weighted', { value: format.number(evaluation.score) })
								: scored
									? t('triage.partlyScored', { scored, total: evaluation.criteria.length })
									: t('triage.notScored')}
						</p>
						{evaluation.campaign ? (
							<p className="text-sm text-slate-600">{t('triage.criteriaOf', { campaign: evaluation.campaign })}</p>
						) : null}
						<div className="grid grid-cols-2 gap-3">
							{evaluation.criteria.map((c) => (
								<SelectField
									key={c.id}
									label={isDefaultCriterion(c.id) ? t(`triage.${c.id}`) : c.name}
									hint={
										isDefaultCriterion(c.id)
											? undefined
											: [t('triage.weightOf', { weight: c.weight }), c.lowerIsBetter ? t('triage.lowerIsBetter') : null]
													.filter(Boolean)
													.join(', ')
									}
									meta={scoreFields[c.id]!}
									options={scoreOptions}
									placeholder={t('triage.notScored')}
								/>
							))}
						</div>
						<p className="text-xs text-slate-600">{t('triage.scoreHint')}</p>
						<OwnerField
							key={evalFields.owner.key}
							id={evalFields.owner.id}
							name={evalFields.owner.name}
							defaultValue={evalFields.owner.initialValue}
							errors={evalFields.owner.errors}
						/>
						<Button variant="secondary">{t('triage.saveEvaluation')}</Button>
					</Form>
				</Section>
				{canMerge ? (
					<Section title={t('triage.merge')} open={opened === 'merge'}>
						<p className="text-sm text-slate-600">{t('triage.mergeHint')}</p>
						{/* A search of its own (a GET form, so it works without JavaScript) refills the list below. */}
						<Form method="get" replace preventScrollReset role="search" className="flex items-end gap-2">
							<div className="min-w-0 flex-1">
								<label htmlFor={`merge-search-${idea.id}`} className="block text-sm font-medium text-slate-800">
									{t('triage.mergeSearch')}
								</label>
								<input
									id={`merge-search-${idea.id}`}
									type="search"
									name="mergeq"
									defaultValue={merge.query ?? ''}
									className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm"
								/>
							</div>
							<Button variant="secondary">{t('triage.mergeSearchButton')}</Button>
						</Form>
						<Form method="post" {...getFormProps(mergeForm)} className="space-y-3">
							<input type="hidden" name="intent" value="merge" />
							<FormErrors errors={mergeForm.errors} />
							<fieldset aria-describedby={mergeFields.targetId.errors ? mergeFields.targetId.errorId : undefined}>
								<legend className="text-sm font-medium text-slate-800">
									{merge.query ? t('triage.mergeResults', { query: merge.query }) : t('triage.mergeSuggested')}
								</legend>
								{merge.candidates.length ? (
									<ul className="mt-2 space-y-2">
										{merge.candidates.map((c) => (
											<li key={c.id}>
												<label className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
													<input
														type="radio"
														name={mergeFields.targetId.name}
														value={c.id}
														defaultChecked={mergeFields.targetId.initialValue === c.id}
														className="mt-1 h-4 w-4 accent-brand-700"
													/>
													<span className="min-w-0 flex-1">
														<span className="block font-medium text-slate-900">{c.title}</span>
														<span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
															<StatusBadge status={c.status} />
															{t('ideas.votes', { count: c.voteCount })}
														</span>
													</span>
												</label>
											</li>
										))}
									</ul>
								) : (
									<p className="mt-1 text-sm text-slate-600">{t('triage.mergeNoSuggestion')}</p>
								)}
								<ErrorList id={mergeFields.targetId.errorId} errors={mergeFields.targetId.errors} />
							</fieldset>
							<Field label={t('triage.mergeTarget')} meta={mergeFields.targetLink} />
							<TextareaField label={t('triage.mergeReason')} meta={mergeFields.note} rows={2} />
							<Button variant="secondary">{t('triage.mergeButton')}</Button>
						</Form>
					</Section>
				) : null}
				{canHide ? (
					<div className="space-y-3 p-4">
						{reports ? <ReportedNotice kind="idea" targetId={idea.id} reports={reports} /> : null}
						<HideForm kind="idea" targetId={idea.id} label={t('moderation.hideIdea')} lastResult={resultFor('hide')} />
					</div>
				) : null}
			</div>
		</details>
	)
}

function Section({ title, open, children }: { title: string; open: boolean; children: React.ReactNode }) {
	return (
		<details name={SECTIONS} open={open || undefined} className="group/section">
			<summary className="flex list-none items-center justify-between gap-2 px-4 py-3 font-semibold hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
				<h3>{title}</h3>
				<Chevron className="group-open/section:rotate-180" />
			</summary>
			<div className="space-y-3 px-4 pb-4">{children}</div>
		</details>
	)
}

function Chevron({ className }: { className: string }) {
	return (
		<svg aria-hidden viewBox="0 0 20 20" className={`h-5 w-5 shrink-0 fill-current text-slate-500 transition ${className}`}>
			<path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
		</svg>
	)
}
