import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { Field, FormErrors, SelectField, TextareaField } from '#app/components/ui/forms.tsx'
import { createCampaign } from '#app/models/campaign.server.ts'
import { CampaignFormSchema } from '#app/models/campaign.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { toOptions } from '#app/models/taxonomy.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useLocale, useT } from '#app/utils/root-data.ts'
import { fromLocalInput, toLocalInput } from '#app/utils/time.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'create:campaign:any')
	const { stages, events } = captureTaxonomy()
	return { stages, events, today: toLocalInput(new Date(), getEnv().TIME_ZONE).slice(0, 10) }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'create:campaign:any')
	const { stages, events } = captureTaxonomy()
	const submission = parseForm(await request.formData(), {
		schema: CampaignFormSchema.superRefine((v, ctx) => {
			if (v.stageId && !stages.some((s) => s.id === v.stageId))
				ctx.addIssue({ code: 'custom', path: ['stageId'], message: 'insights.unknownChoice' })
			if (v.eventId && !events.some((e) => e.id === v.eventId))
				ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'insights.unknownChoice' })
		}),
	})
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { startsOn, endsOn, stageId, eventId, ...rest } = submission.value
	const timeZone = getEnv().TIME_ZONE
	// A campaign runs from the first minute of its start day to the last of its end day, in the organisation's zone.
	const startsAt = fromLocalInput(`${startsOn}T00:00`, timeZone)
	const endsAt = fromLocalInput(`${endsOn}T23:59`, timeZone)
	if (!startsAt || !endsAt) {
		return data({ result: submission.reply({ fieldErrors: { startsOn: ['validation.date'] } }) }, { status: 400 })
	}
	const { id } = createCampaign(
		{ ...rest, startsAt, endsAt: new Date(endsAt.getTime() + 59_999), stageId: stageId || null, eventId: eventId || null },
		user.id,
	)
	return redirectWithToast(`/campaigns/${id}`, { kind: 'success', message: 'campaigns.created' })
}

export default function NewCampaignRoute() {
	const t = useT()
	const locale = useLocale()
	const { stages, events, today } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'new-campaign',
		lastResult: actionData?.result,
		constraint: getZodConstraint(CampaignFormSchema),
		defaultValue: { startsOn: today },
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CampaignFormSchema }),
	})
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('campaigns.newTitle')} />
			<Card>
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
					<div className="flex gap-2">
						<Button>{t('campaigns.create')}</Button>
						<ButtonLink to="/campaigns">{t('common.cancel')}</ButtonLink>
					</div>
				</Form>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'campaigns.newTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
