import { getCollectionProps, getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { ConfirmPanel } from '#app/components/confirm.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { EmotionLabel } from '#app/components/tags.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { ErrorList, Field, FormErrors, SelectField } from '#app/components/ui/forms.tsx'
import { adoptEmergingMoment, dismissEmergingMoment, emergingMoments } from '#app/models/emerging.server.ts'
import { AdoptSchema, EMERGING } from '#app/models/emerging.ts'
import { insightsByIds } from '#app/models/insight.server.ts'
import { entryNameTaken, listStages, stageExists } from '#app/models/taxonomy.server.ts'
import { toOptions, TRANSLATED_LOCALES } from '#app/models/taxonomy.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { languageName, localizedName } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

/** A group's newest insights shown to choose from; the others stay untagged and show again. */
const SHOWN_PER_GROUP = 50
const WEEKS = EMERGING.windowDays / 7

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'create:taxonomy:any')
	const moments = emergingMoments()
	return {
		moments: moments.map(({ ids, ...moment }) => ({ ...moment, insights: insightsByIds(ids.slice(0, SHOWN_PER_GROUP)) })),
		stages: listStages(),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'create:taxonomy:any')
	const formData = await request.formData()
	const intent = formData.get('intent')
	const key = String(formData.get('key') ?? '')

	if (intent === 'adopt') {
		const submission = parseForm(formData, {
			schema: AdoptSchema.superRefine((value, ctx) => {
				if (entryNameTaken('events', value.name)) ctx.addIssue({ code: 'custom', path: ['name'], message: 'validation.nameTaken' })
				if (!stageExists(value.stageId)) ctx.addIssue({ code: 'custom', path: ['stageId'], message: 'validation.unknownStage' })
			}),
		})
		if (submission.status !== 'success') return data({ key, result: submission.reply() }, { status: 400 })
		const { name, names, stageId, insightIds } = submission.value
		const adopted = adoptEmergingMoment({ name, names, stageId, insightIds }, admin.id)
		// Another admin tagged or hid them all meanwhile: nothing was written.
		if (!adopted) return data({ key, result: submission.reply({ formErrors: ['emerging.gone'] }) }, { status: 409 })
		return redirectWithToast(`/admin/taxonomy/events?edit=${adopted.eventId}`, {
			kind: 'success',
			message: 'emerging.adopted',
			values: { name, count: adopted.tagged },
		})
	}
	if (intent === 'dismiss') {
		const moment = emergingMoments().find((m) => m.key === key)
		ensure(moment, 'emerging.gone', 409)
		dismissEmergingMoment(moment.label, moment.ids, admin.id)
		return redirectWithToast('/admin/emerging', { kind: 'success', message: 'emerging.dismissed', values: { label: moment.label } })
	}
	httpError(400, 'errors.unknownAction')
}

type Moment = ReturnType<typeof useLoaderData<typeof loader>>['moments'][number]

/** "App update logged": the group's words as a name, its first letter capitalised. */
const asName = (label: string) => label.charAt(0).toLocaleUpperCase() + label.slice(1)

function MomentCard({
	moment,
	position,
	stages,
}: {
	moment: Moment
	/** Its place on the page, for element ids: a group's key holds characters ids should not. */
	position: number
	stages: ReturnType<typeof useLoaderData<typeof loader>>['stages']
}) {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const [searchParams] = useSearchParams()
	const mine = actionData?.key === moment.key
	const [form, fields] = useForm({
		id: `emerging-${position}`,
		lastResult: mine ? actionData.result : undefined,
		constraint: getZodConstraint(AdoptSchema),
		defaultValue: { key: moment.key, name: asName(moment.label), stageId: moment.stageId, insightIds: moment.insights.map((i) => i.id) },
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: AdoptSchema }),
	})
	const translations = fields.names.getFieldset()
	const headingId = `emerging-${position}-heading`
	const byId = new Map(moment.insights.map((i) => [i.id, i]))
	const submitting = navigation.state === 'submitting' && navigation.formData?.get('key') === moment.key
	return (
		<Card>
			<section aria-labelledby={headingId} className="space-y-4" data-emerging={moment.key}>
				<div>
					<h2 id={headingId} className="text-lg font-semibold">
						“{moment.label}”
					</h2>
					<p className="text-slate-800">
						{t('emerging.summary', { count: moment.count, weeks: WEEKS })}
						{moment.recurrences ? ` ${t('emerging.recurrences', { count: moment.recurrences })}` : null}
					</p>
					<p className="text-sm text-slate-600">
						{t('emerging.seen', { days: moment.days, from: format.date(moment.firstAt), to: format.date(moment.lastAt) })}
					</p>
				</div>
				<Form method="post" {...getFormProps(form)} className="space-y-4">
					<input type="hidden" name="intent" value="adopt" />
					<input type="hidden" name="key" value={moment.key} />
					<FormErrors errors={form.errors} />
					<div className="grid gap-4 sm:grid-cols-2">
						<Field label={t('emerging.name')} meta={fields.name} hint={t('emerging.nameHint')} />
						{TRANSLATED_LOCALES.map((other) => {
							const language = languageName(other, locale)
							return <Field key={other} label={t('common.nameIn', { language })} meta={translations[other]!} />
						})}
						<SelectField
							label={t('taxonomy.defaultStage')}
							meta={fields.stageId}
							options={toOptions(stages, locale)}
							hint={t('emerging.stageHint')}
						/>
					</div>
					<fieldset aria-describedby={`${fields.insightIds.id}-hint ${fields.insightIds.errors?.length ? fields.insightIds.errorId : ''}`}>
						<legend className="text-sm font-medium text-slate-800">{t('emerging.insightsLegend')}</legend>
						<p id={`${fields.insightIds.id}-hint`} className="text-sm text-slate-600">
							{t('emerging.insightsHint')}
							{moment.count > moment.insights.length
								? ` ${t('emerging.more', { shown: moment.insights.length, count: moment.count })}`
								: null}
						</p>
						<ul className="mt-2 space-y-2">
							{getCollectionProps(fields.insightIds, { type: 'checkbox', options: moment.insights.map((i) => i.id) }).map(
								({ key, ...props }) => {
									const insight = byId.get(props.value)!
									return (
										<li key={key}>
											<label className="flex cursor-pointer gap-3 rounded-md border border-slate-200 p-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
												<input {...props} className="mt-1 h-4 w-4 shrink-0 accent-brand-700" />
												<span className="min-w-0 text-sm">
													<span className="block text-slate-900">{insight.body}</span>
													<span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-600">
														<EmotionLabel emotion={insight.emotion} />
														<span>{localizedName(insight.stage, locale)}</span>
														<span>{localizedName(insight.channel, locale)}</span>
														<span>{format.date(insight.occurredAt)}</span>
														{insight.anonymous ? <Badge>{t('ideas.anonymousAuthor')}</Badge> : null}
													</span>
												</span>
											</label>
										</li>
									)
								},
							)}
						</ul>
						<ErrorList id={fields.insightIds.errorId} errors={fields.insightIds.errors} />
					</fieldset>
					<div className="flex flex-wrap items-center gap-2">
						<Button disabled={submitting}>{submitting ? t('common.saving') : t('emerging.adopt')}</Button>
						<Link
							to={`?confirm=${encodeURIComponent(moment.key)}`}
							preventScrollReset
							className="inline-flex min-h-11 items-center rounded-md px-4 text-sm font-semibold text-slate-700 underline hover:bg-slate-100 sm:min-h-9"
						>
							{t('emerging.dismiss')}
						</Link>
					</div>
				</Form>
				{searchParams.get('confirm') === moment.key ? (
					<ConfirmPanel
						message={t('emerging.dismissConfirm', { label: moment.label, count: moment.count })}
						intent="dismiss"
						fields={{ key: moment.key }}
						confirmLabel={t('emerging.dismiss')}
					/>
				) : null}
			</section>
		</Card>
	)
}

export default function EmergingRoute() {
	const t = useT()
	const { moments, stages } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-6">
			<PageHeader title={t('emerging.heading')} />
			<p className="text-slate-700">
				{t('emerging.intro', { min: EMERGING.minInsights, days: EMERGING.minDays, weeks: WEEKS })}{' '}
				<Link to="/insights?event=none" className="font-semibold text-brand-700 underline">
					{t('emerging.allUntagged')}
				</Link>
			</p>
			{moments.length ? (
				moments.map((moment, i) => <MomentCard key={moment.key} moment={moment} position={i} stages={stages} />)
			) : (
				<Card>
					<p className="text-slate-600">{t('emerging.empty', { weeks: WEEKS })}</p>
				</Card>
			)}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'emerging.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
