import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { CheckboxField, Field, FormErrors, SelectField, TextareaField } from '#app/components/ui/forms.tsx'
import { CampaignFormSchema } from '#app/models/campaign.ts'
import { MAX_CRITERIA, WEIGHTS, type Criterion } from '#app/models/evaluation.ts'
import { toOptions, type LocalizedEntry } from '#app/models/taxonomy.ts'
import { useLocale, useT } from '#app/utils/root-data.ts'

type Values = {
	title?: string
	description?: string
	sponsor?: string
	startsOn?: string
	endsOn?: string
	stageId?: string
	eventId?: string
	criteria?: Criterion[] | null
}

type CriterionValue = { id?: string; name?: string; weight?: string; lowerIsBetter?: boolean }

/** Empty rows after the criteria there are, so one more can be typed without JavaScript (at least three, at most six). */
function criteriaRows(criteria: Criterion[] | null | undefined): CriterionValue[] {
	const rows: CriterionValue[] = (criteria ?? []).map((c) => ({
		id: c.id,
		name: c.name,
		weight: String(c.weight),
		lowerIsBetter: c.lowerIsBetter,
	}))
	const count = Math.min(MAX_CRITERIA, Math.max(3, rows.length + 1))
	while (rows.length < count) rows.push({ weight: '1' })
	return rows
}

const WEIGHT_OPTIONS = WEIGHTS.map((value) => ({ value, label: value }))

/** The campaign's question, description, sponsor, dates, focus and evaluation criteria: one form for new and edit. */
export function CampaignForm({
	id,
	values,
	lastResult,
	stages,
	events,
	submitLabel,
	cancelTo,
}: {
	id: string
	values: Values
	lastResult?: SubmissionResult<string[]>
	stages: LocalizedEntry[]
	events: LocalizedEntry[]
	submitLabel: string
	cancelTo: string
}) {
	const t = useT()
	const locale = useLocale()
	const [form, fields] = useForm({
		id,
		lastResult,
		constraint: getZodConstraint(CampaignFormSchema),
		defaultValue: { ...values, criteria: criteriaRows(values.criteria) },
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CampaignFormSchema }),
	})
	const rows = fields.criteria.getFieldList()
	return (
		<Form method="post" {...getFormProps(form)} className="space-y-5">
			<FormErrors errors={form.errors} />
			<Field label={t('campaigns.question')} hint={t('campaigns.questionHint')} meta={fields.title} />
			<TextareaField label={t('campaigns.description')} meta={fields.description} />
			<Field label={t('campaigns.sponsor')} hint={t('campaigns.sponsorHint')} meta={fields.sponsor} />
			<div className="grid gap-4 sm:grid-cols-2">
				<Field label={t('campaigns.startsOn')} meta={fields.startsOn} type="date" />
				<Field label={t('campaigns.endsOn')} meta={fields.endsOn} type="date" />
				<SelectField
					label={t('campaigns.focusStage')}
					meta={fields.stageId}
					options={toOptions(stages, locale)}
					placeholder={t('campaigns.noFocus')}
				/>
				<SelectField
					label={t('campaigns.focusEvent')}
					meta={fields.eventId}
					options={toOptions(events, locale)}
					placeholder={t('campaigns.noFocus')}
				/>
			</div>
			<fieldset className="space-y-3 rounded-md border border-slate-200 p-4" aria-describedby={`${id}-criteria-hint`}>
				<legend className="px-1 text-sm font-semibold text-slate-900">{t('campaigns.criteria')}</legend>
				<p id={`${id}-criteria-hint`} className="text-sm text-slate-600">
					{t('campaigns.criteriaHint')}
				</p>
				<FormErrors errors={fields.criteria.errors} />
				<ol className="space-y-3">
					{rows.map((row, index) => {
						const cells = row.getFieldset()
						return (
							<li
								key={row.key}
								className="grid gap-3 border-t border-slate-100 pt-3 first:border-0 first:pt-0 sm:grid-cols-[1fr_7rem] sm:items-start"
							>
								<input type="hidden" name={cells.id.name} value={cells.id.initialValue ?? ''} />
								<Field label={t('campaigns.criterion', { n: index + 1 })} meta={cells.name} />
								<SelectField label={t('campaigns.weight')} meta={cells.weight} options={WEIGHT_OPTIONS} />
								<div className="sm:col-span-2">
									<CheckboxField label={t('campaigns.lowerIsBetter')} meta={cells.lowerIsBetter} />
								</div>
							</li>
						)
					})}
				</ol>
			</fieldset>
			<div className="flex gap-2">
				<Button>{submitLabel}</Button>
				<ButtonLink to={cancelTo}>{t('common.cancel')}</ButtonLink>
			</div>
		</Form>
	)
}
