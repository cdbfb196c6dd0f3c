import { useForm, type FormMetadata, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { PlaybookGuide } from '#app/components/playbook.tsx'
import { PrivacyNotice } from '#app/components/privacy-notice.tsx'
import { CheckboxField, ChoiceGroup, Field, SelectField, TextareaField } from '#app/components/ui/forms.tsx'
import { EMOTIONS, FIRST_CONTACT, InsightFormSchema, type InsightFormValues } from '#app/models/insight.ts'
import { type PlaybookContent } from '#app/models/playbook.ts'
import { toOptions, type LocalizedEntry } from '#app/models/taxonomy.ts'
import { TagSuggestions } from '#app/routes/resources+/suggest-tags.tsx'
import { suggestMoment } from '#app/utils/emotion.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { type PrivacyFinding } from '#app/utils/privacy.ts'
import { useLocale, useT } from '#app/utils/root-data.ts'

/** The insight form's state, validated as the server validates it; logging one and correcting one share it. */
export function useInsightForm(
	id: string,
	lastResult: SubmissionResult<string[]> | undefined,
	defaults: Partial<Record<keyof InsightFormValues, string>>,
) {
	return useForm<InsightFormValues>({
		id,
		lastResult,
		constraint: getZodConstraint(InsightFormSchema),
		defaultValue: defaults,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InsightFormSchema }),
	})
}

type Fields = ReturnType<typeof useInsightForm>[1]

/**
 * The fields of an insight, shared by logging one and by its author's correction: what
 * happened (with the privacy notice and, when logging, the similar insights), channel,
 * moment of truth and stage, emotion (with its hint), when, and, when logging, anonymity.
 */
export function InsightFields({
	form,
	fields,
	taxonomy: { stages, events, channels },
	privacy,
	afterBody = null,
	anonymousChoice = true,
	playbooks,
}: {
	form: FormMetadata<InsightFormValues>
	fields: Fields
	taxonomy: { stages: LocalizedEntry[]; events: Array<LocalizedEntry & { defaultStageId: string }>; channels: LocalizedEntry[] }
	privacy?: PrivacyFinding[] | null
	afterBody?: React.ReactNode
	anonymousChoice?: boolean
	/** The current playbook of each event that has one: its steps show under the event on a phone (beside the form from 1024 px). */
	playbooks?: Playbooks
}) {
	const t = useT()
	const locale = useLocale()
	// Picking a moment of truth selects its usual stage, unless the person chose another.
	const onEventChange = (event: React.ChangeEvent<HTMLSelectElement>) => {
		const stageSelect = document.getElementById(fields.stageId.id) as HTMLSelectElement | null
		const chosen = events.find((e) => e.id === event.target.value)
		const previous = events.find((e) => e.defaultStageId === stageSelect?.value)
		if (chosen && stageSelect && (!stageSelect.value || previous)) {
			form.update({ name: fields.stageId.name, value: chosen.defaultStageId })
		}
	}
	return (
		<>
			<TextareaField label={t('insights.body')} hint={t('insights.bodyHint')} meta={fields.body} rows={3} autoFocus />
			<PrivacyNotice findings={privacy} labels={{ body: t('insights.body') }} />
			{afterBody}
			<TagSuggestions
				text={fields.body.value ?? ''}
				chosen={{ eventId: fields.eventId.value, channelId: fields.channelId.value }}
				taxonomy={{ stages, events, channels }}
				onChoose={(choice) => {
					if ('channelId' in choice) form.update({ name: fields.channelId.name, value: choice.channelId })
					else {
						form.update({ name: fields.eventId.name, value: choice.eventId })
						form.update({ name: fields.stageId.name, value: choice.stageId })
					}
				}}
			/>
			<ChoiceGroup legend={t('insights.channel')} meta={fields.channelId} type="radio" options={toOptions(channels, locale)} />
			<div className="grid gap-4 sm:grid-cols-2">
				<SelectField
					label={t('insights.eventOptional')}
					meta={fields.eventId}
					options={toOptions(events, locale)}
					placeholder={t('insights.noEvent')}
					onChange={onEventChange}
				/>
				<SelectField
					label={t('insights.stage')}
					meta={fields.stageId}
					options={toOptions(stages, locale)}
					placeholder={t('insights.stageAuto')}
					hint={t('insights.stageHint')}
				/>
			</div>
			{playbooks ? <PlaybookFold playbooks={playbooks} eventId={fields.eventId.value} events={events} className="lg:hidden" /> : null}
			<ChoiceGroup legend={t('insights.emotion')} meta={fields.emotion} type="radio" options={emotionOptions(t)} />
			<EmotionHint text={fields.body.value ?? ''} />
			<MomentEnd fields={fields} />
			<Field label={t('insights.occurredAt')} hint={t('insights.occurredAtHint')} meta={fields.occurredAt} type="datetime-local" />
			{anonymousChoice ? (
				<CheckboxField label={t('insights.anonymous')} hint={t('insights.anonymousHint')} meta={fields.anonymous} />
			) : null}
		</>
	)
}

const emotionOptions = (t: ReturnType<typeof useT>) =>
	EMOTIONS.map((value) => ({ value: String(value), label: t('insights.emotionValue', { value, label: t(`emotions.${value}`) }) }))

/**
 * How the moment ended: the customer's emotion at the end, resolved at first contact, how long
 * they waited. Optional and folded, so logging stays quick; open when something in it is set
 * or sent back with an error.
 */
function MomentEnd({ fields }: { fields: Fields }) {
	const t = useT()
	const parts = [fields.endEmotion, fields.resolvedFirstContact, fields.waitMinutes]
	const open = parts.some((f) => (f.value !== undefined && f.value !== '') || f.errors?.length)
	return (
		<details open={open || undefined} className="rounded-md border border-slate-200 bg-slate-50">
			<summary className="min-h-11 cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">{t('insights.endSummary')}</summary>
			<div className="space-y-4 border-t border-slate-200 p-3">
				<ChoiceGroup
					legend={t('insights.endEmotion')}
					hint={t('insights.endEmotionHint')}
					meta={fields.endEmotion}
					type="radio"
					options={emotionOptions(t)}
				/>
				<ChoiceGroup
					legend={t('insights.firstContact')}
					meta={fields.resolvedFirstContact}
					type="radio"
					options={FIRST_CONTACT.map((value) => ({ value, label: t(`insights.firstContactAnswers.${value}`) }))}
				/>
				<Field label={t('insights.waitMinutes')} hint={t('insights.waitMinutesHint')} meta={fields.waitMinutes} className="max-w-xs" />
			</div>
		</details>
	)
}

/** A suggestion from the words used, for the worst point and, when the story goes on, the end; it never changes the person's choice. */
function EmotionHint({ text }: { text: string }) {
	const t = useT()
	const hint = suggestMoment(text)
	const label = (value: number) => t(`emotions.${value as 1 | 2 | 3 | 4 | 5}`)
	const words = hint?.words.map((w) => `“${w}”`).join(', ') ?? ''
	return (
		<p aria-live="polite" className="-mt-2 text-sm text-slate-600">
			{hint
				? hint.end
					? t('insights.emotionHintEnd', { words, peak: hint.peak, peakLabel: label(hint.peak), end: hint.end, endLabel: label(hint.end) })
					: t('insights.emotionHint', { value: hint.peak, label: label(hint.peak), words })
				: null}
		</p>
	)
}

export type Playbooks = Record<string, PlaybookContent>

/**
 * How we handle the chosen moment now, folded (open at first), so the answer is on screen
 * during the call. Nothing when no moment is chosen or it has no playbook yet.
 */
export function PlaybookFold({
	playbooks,
	eventId,
	events,
	className = '',
	empty = null,
}: {
	playbooks: Playbooks
	eventId: string | undefined
	events: LocalizedEntry[]
	className?: string
	/** Shown instead when the chosen moment has no playbook, or none is chosen. */
	empty?: React.ReactNode
}) {
	const t = useT()
	const locale = useLocale()
	const event = events.find((e) => e.id === eventId)
	const content = eventId ? playbooks[eventId] : undefined
	if (!event || !content) return empty
	return (
		<details open className={`rounded-md border border-brand-100 bg-brand-50 ${className}`} data-testid="capture-playbook">
			<summary className="min-h-11 cursor-pointer px-3 py-2 text-sm font-semibold text-brand-900">
				{t('playbooks.beside', { event: localizedName(event, locale) })}
			</summary>
			<div className="border-t border-brand-100 p-3">
				<PlaybookGuide content={content} compact />
				<a
					href={`/moments/${event.id}`}
					target="_blank"
					rel="noreferrer"
					className="mt-3 inline-block text-sm font-medium text-brand-700 underline"
				>
					{t('playbooks.openFull')}
				</a>
			</div>
		</details>
	)
}
