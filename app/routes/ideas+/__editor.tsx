import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useFetcher, useNavigation } from '@remix-run/react'
import { useRef, useState } from 'react'
import { type InsightCardData } from '#app/components/insight-card.tsx'
import { PrivacyNotice } from '#app/components/privacy-notice.tsx'
import { EmotionLabel } from '#app/components/tags.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { CheckboxField, ChoiceGroup, ErrorList, Field, FormErrors, SelectField, TextareaField } from '#app/components/ui/forms.tsx'
import { IdeaFormSchema, type IdeaFormValues } from '#app/models/idea.ts'
import { toOptions, type LocalizedEntry } from '#app/models/taxonomy.ts'
import { type loader as searchLoader } from '#app/routes/resources+/insight-search.tsx'
import { SimilarItems, useSimilar } from '#app/routes/resources+/similar.tsx'
import { useHydrated } from '#app/utils/hydrated.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { type PrivacyFinding } from '#app/utils/privacy.ts'
import { useLocale, useT } from '#app/utils/root-data.ts'

type Named = LocalizedEntry

/** The idea editor's answer when the form comes back: errors, the evidence search, the notices to confirm. */
export type IdeaFormReply = {
	result?: SubmissionResult<string[]> | null
	search?: { query: string; results: InsightCardData[] } | null
	linked?: InsightCardData[]
	privacy?: PrivacyFinding[] | null
	/** Linked insights under the submitter's own name, on an anonymous idea: asked about once. */
	ownEvidence?: string[] | null
	/** Similar ideas the server found (the no-JavaScript confirmation step). */
	similar?: { ideas: Array<{ id: string; title: string; voteCount: number; votedByMe: boolean }>; insights: [] } | null
}

export function IdeaForm({
	id,
	options,
	defaultValue,
	reply,
	allowAnonymous,
	submitLabel,
	suggestSimilar = true,
}: {
	id: string
	defaultValue?: {
		title?: string
		problem?: string
		proposal?: string
		benefit?: string
		stageIds?: string[]
		eventIds?: string[]
		insightIds?: string[]
		campaignId?: string | null
	}
	options: { stages: Named[]; events: Named[]; campaigns: Array<{ id: string; title: string }>; linked: InsightCardData[] }
	/** What the action answered (parseIdeaForm), if the form came back. */
	reply?: IdeaFormReply
	allowAnonymous: boolean
	submitLabel: string
	suggestSimilar?: boolean
}) {
	const lastResult = reply?.result
	const search = reply?.search
	const linked = reply?.linked ?? options.linked
	const privacy = reply?.privacy ?? null
	const ownEvidence = reply?.ownEvidence ?? null
	const similarFallback = reply?.similar ?? null
	const t = useT()
	const locale = useLocale()
	const navigation = useNavigation()
	const [form, fields] = useForm<IdeaFormValues>({
		id,
		lastResult,
		constraint: getZodConstraint(IdeaFormSchema),
		defaultValue,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: IdeaFormSchema }),
	})
	// With JavaScript the search runs in place; without it, the button posts the form (intent=search).
	const searcher = useFetcher<typeof searchLoader>()
	const queryRef = useRef<HTMLInputElement>(null)
	const shownSearch = searcher.data ?? search
	// Ticked insights stay listed (and ticked) across searches.
	const [picked, setPicked] = useState(() => new Map(linked.map((i) => [i.id, i])))
	const candidates = [...picked.values(), ...(shownSearch?.results ?? []).filter((i) => !picked.has(i.id))]
	const toggle = (insight: InsightCardData, on: boolean) =>
		setPicked((current) => {
			const next = new Map(current)
			if (on) next.set(insight.id, insight)
			else next.delete(insight.id)
			return next
		})
	const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') !== 'search'
	const similar = useSimilar('idea', suggestSimilar ? (fields.title.value ?? '') : '', similarFallback)
	const hydrated = useHydrated()
	return (
		<Form method="post" {...getFormProps(form)} className="space-y-5">
			<FormErrors errors={form.errors} />
			<PrivacyNotice
				findings={privacy}
				labels={{ title: t('ideas.titleLabel'), problem: t('ideas.problem'), proposal: t('ideas.proposal'), benefit: t('ideas.benefit') }}
			/>
			<Field label={t('ideas.titleLabel')} hint={t('ideas.titleHint')} meta={fields.title} />
			<SimilarItems similar={similar} />
			{/* Seen live with JavaScript, or on the confirmation step without it. */}
			{hydrated || similarFallback ? <input type="hidden" name="similarSeen" value="1" /> : null}
			<TextareaField label={t('ideas.problem')} hint={t('ideas.problemHint')} meta={fields.problem} />
			<TextareaField label={t('ideas.proposal')} meta={fields.proposal} rows={5} />
			<TextareaField label={t('ideas.benefit')} meta={fields.benefit} rows={3} />
			<ChoiceGroup legend={t('ideas.stages')} meta={fields.stageIds} type="checkbox" options={toOptions(options.stages, locale)} />
			<ChoiceGroup legend={t('ideas.events')} meta={fields.eventIds} type="checkbox" options={toOptions(options.events, locale)} columns />
			<fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
				<legend className="px-1 text-sm font-medium text-slate-800">{t('ideas.evidence')}</legend>
				<p className="text-sm text-slate-600">{t('ideas.evidenceHint')}</p>
				{ownEvidence?.length ? (
					<div role="alert" className="space-y-1 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
						<input type="hidden" name="ownEvidenceConfirmed" value="1" />
						<p className="font-semibold">{t('ideas.ownEvidenceHeading')}</p>
						<p className="text-sm">{t('ideas.ownEvidenceText', { count: ownEvidence.length })}</p>
					</div>
				) : null}
				<div className="flex flex-wrap items-end gap-2">
					<div className="min-w-0 flex-1">
						<label htmlFor={`${id}-insight-query`} className="block text-sm font-medium text-slate-800">
							{t('ideas.searchInsights')}
						</label>
						<input
							id={`${id}-insight-query`}
							type="search"
							name="insightQuery"
							ref={queryRef}
							defaultValue={search?.query ?? ''}
							onKeyDown={(event) => {
								if (event.key !== 'Enter') return
								event.preventDefault()
								searcher.load(`/resources/insight-search?${new URLSearchParams({ q: event.currentTarget.value })}`)
							}}
							className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm"
						/>
					</div>
					<Button
						type="submit"
						name="intent"
						value="search"
						variant="secondary"
						formNoValidate
						onClick={(event) => {
							event.preventDefault()
							searcher.load(`/resources/insight-search?${new URLSearchParams({ q: queryRef.current?.value ?? '' })}`)
						}}
					>
						{t('ideas.searchButton')}
					</Button>
				</div>
				<div aria-live="polite">
					{shownSearch?.query && !shownSearch.results.length ? (
						<p className="text-sm text-slate-600">{t('ideas.noResults', { query: shownSearch.query })}</p>
					) : null}
				</div>
				{candidates.length ? (
					<ul className="space-y-2">
						{candidates.map((insight) => (
							<li key={insight.id}>
								<label className="flex cursor-pointer gap-3 rounded-md border border-slate-200 p-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
									<input
										type="checkbox"
										name={fields.insightIds.name}
										value={insight.id}
										checked={picked.has(insight.id)}
										onChange={(event) => toggle(insight, event.target.checked)}
										className="mt-1 h-4 w-4 accent-brand-700"
									/>
									<span className="text-sm">
										<span className="line-clamp-2">{insight.body}</span>
										{ownEvidence?.includes(insight.id) ? (
											<span className="mt-1 block font-medium text-amber-900">{t('ideas.ownEvidenceMark')}</span>
										) : null}
										<span className="mt-1 flex items-center gap-2 text-slate-600">
											<EmotionLabel emotion={insight.emotion} /> {localizedName(insight.stage, locale)}
										</span>
									</span>
								</label>
							</li>
						))}
					</ul>
				) : null}
				<ErrorList id={fields.insightIds.errorId} errors={fields.insightIds.errors} />
			</fieldset>
			{options.campaigns.length ? (
				<SelectField
					label={t('ideas.campaign')}
					meta={fields.campaignId}
					options={options.campaigns.map((c) => ({ value: c.id, label: c.title }))}
					placeholder={t('ideas.noCampaign')}
				/>
			) : null}
			{allowAnonymous ? <CheckboxField label={t('ideas.anonymous')} hint={t('ideas.anonymousHint')} meta={fields.anonymous} /> : null}
			<Button disabled={submitting} className="w-full sm:w-auto">
				{submitting ? t('common.saving') : submitLabel}
			</Button>
		</Form>
	)
}
