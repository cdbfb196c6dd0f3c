import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { FormErrors } from '#app/components/ui/forms.tsx'
import { createInsight, lastChannelOf } from '#app/models/insight.server.ts'
import { currentPlaybooks } from '#app/models/playbook.server.ts'
import { similarInsights } from '#app/models/search.server.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { captureSchema } from '#app/routes/insights+/__capture.server.ts'
import { InsightFields, PlaybookFold, useInsightForm } from '#app/routes/insights+/__insight-form.tsx'
import { SimilarItems, useSimilar } from '#app/routes/resources+/similar.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { useHydrated } from '#app/utils/hydrated.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { privacyReview, redactFields } from '#app/utils/privacy.server.ts'
import { useT } from '#app/utils/root-data.ts'
import { toLocalInput } from '#app/utils/time.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'create:insight:own')
	const taxonomy = captureTaxonomy()
	// "Log an insight about this moment" from a playbook comes with its event chosen.
	const event = taxonomy.events.find((e) => e.id === new URL(request.url).searchParams.get('event'))
	return {
		...taxonomy,
		playbooks: currentPlaybooks(await getLocale(request, user)),
		defaults: {
			channelId: lastChannelOf(user.id) ?? undefined,
			occurredAt: toLocalInput(new Date(), getEnv().TIME_ZONE),
			eventId: event?.id,
			stageId: event?.defaultStageId,
		},
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'create:insight:own')
	const now = new Date()
	const formData = await request.formData()
	const submission = parseForm(formData, { schema: captureSchema(now) })
	if (submission.status !== 'success') return data({ result: submission.reply(), similar: null, privacy: null }, { status: 400 })
	const review = privacyReview(formData, { body: submission.value.body })
	if (review.mustConfirm) {
		return data({ result: { ...submission.reply(), error: {} }, similar: null, privacy: review.findings }, { status: 422 })
	}
	const value = redactFields(submission.value, ['body'])
	// Without JavaScript, similar insights are shown once before a new one is saved.
	if (formData.get('similarSeen') !== '1') {
		const found = similarInsights(value.body)
		if (found.length)
			return data({ result: { ...submission.reply(), error: {} }, similar: { ideas: [] as [], insights: found }, privacy: null })
	}
	const { id, receipt } = createInsight(user, value, now)
	if (receipt) return redirectWithFlash('/receipts', { receipt: { code: receipt, kind: 'insight' } })
	return redirectWithFlash(`/insights/${id}`, { toast: { kind: 'success', message: 'insights.created' } })
}

export default function NewInsightRoute() {
	const t = useT()
	const { stages, events, channels, playbooks, defaults } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const hydrated = useHydrated()
	const [form, fields] = useInsightForm('new-insight', actionData?.result, defaults)
	return (
		<div className="mx-auto max-w-2xl lg:grid lg:max-w-6xl lg:grid-cols-[minmax(0,42rem)_minmax(0,1fr)] lg:gap-x-6">
			<div className="lg:col-span-2">
				<PageHeader title={t('insights.newHeading')} />
			</div>
			<Card>
				<p className="mb-4 text-slate-700">{t('insights.newIntro')}</p>
				<Form method="post" {...getFormProps(form)} className="space-y-5">
					<FormErrors errors={form.errors} />
					<InsightFields
						form={form}
						fields={fields}
						taxonomy={{ stages, events, channels }}
						playbooks={playbooks}
						privacy={actionData?.privacy}
						afterBody={
							<>
								<SimilarInsights text={fields.body.value ?? ''} fallback={actionData?.similar ?? null} />
								{hydrated || actionData?.similar ? <input type="hidden" name="similarSeen" value="1" /> : null}
							</>
						}
					/>
					<Button disabled={navigation.state === 'submitting'} className="w-full sm:w-auto">
						{navigation.state === 'submitting' ? t('common.saving') : t('insights.submit')}
					</Button>
				</Form>
			</Card>
			<aside aria-label={t('playbooks.asideLabel')} className="hidden lg:block">
				<div className="sticky top-4">
					<PlaybookFold
						playbooks={playbooks}
						eventId={fields.eventId.value}
						events={events}
						empty={
							<p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-700">{t('playbooks.pickAMoment')}</p>
						}
					/>
				</div>
			</aside>
		</div>
	)
}

function SimilarInsights({ text, fallback }: { text: string; fallback: Parameters<typeof useSimilar>[2] }) {
	return <SimilarItems similar={useSimilar('insight', text, fallback)} />
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'insights.newTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
