import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { FormErrors } from '#app/components/ui/forms.tsx'
import { authorRights, insightValues, updateInsight } from '#app/models/insight.server.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { captureSchema } from '#app/routes/insights+/__capture.server.ts'
import { InsightFields, useInsightForm } from '#app/routes/insights+/__insight-form.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { privacyReview, redactFields } from '#app/utils/privacy.server.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'
import { toLocalInput } from '#app/utils/time.ts'

/** Only the named author, within 24 hours and while no idea cites it; anyone else is told it cannot be changed. */
async function editable(request: Request, id: string) {
	const user = await requirePermission(request, 'create:insight:own')
	const values = insightValues(id)
	ensure(values, 'errors.insightNotFound')
	const rights = authorRights(id, user.id)
	if (!rights.canEdit) httpError(403, 'errors.insightLocked')
	return { user, values, rights }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const id = params.insightId ?? ''
	const { values, rights } = await editable(request, id)
	return {
		id,
		...captureTaxonomy(),
		editableUntil: rights.editableUntil,
		defaults: {
			body: values.body,
			channelId: values.channelId,
			stageId: values.stageId,
			eventId: values.eventId ?? '',
			emotion: String(values.emotion),
			endEmotion: values.endEmotion ? String(values.endEmotion) : '',
			resolvedFirstContact: values.resolvedFirstContact === null ? '' : values.resolvedFirstContact ? 'yes' : 'no',
			waitMinutes: values.waitMinutes === null ? '' : String(values.waitMinutes),
			occurredAt: toLocalInput(values.occurredAt, getEnv().TIME_ZONE),
		},
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const id = params.insightId ?? ''
	const { user } = await editable(request, id)
	const now = new Date()
	const formData = await request.formData()
	const submission = parseForm(formData, { schema: captureSchema(now) })
	if (submission.status !== 'success') return data({ result: submission.reply(), privacy: null }, { status: 400 })
	const review = privacyReview(formData, { body: submission.value.body })
	if (review.mustConfirm) return data({ result: { ...submission.reply(), error: {} }, privacy: review.findings }, { status: 422 })
	const { anonymous: _anonymous, ...value } = redactFields(submission.value, ['body'])
	// The window may have closed while the form was open: the write checks again.
	if (!updateInsight(id, user.id, value, now)) httpError(403, 'errors.insightLocked')
	return redirectWithToast(`/insights/${id}`, { kind: 'success', message: 'insights.updated' })
}

export default function EditInsightRoute() {
	const t = useT()
	const format = useFormat()
	const { id, stages, events, channels, defaults, editableUntil } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const [form, fields] = useInsightForm(`edit-insight-${id}`, actionData?.result, defaults)
	return (
		<div className="mx-auto max-w-2xl">
			<PageHeader title={t('insights.editHeading')} />
			<Card>
				{editableUntil ? <p className="mb-4 text-slate-700">{t('insights.editIntro', { time: format.dateTime(editableUntil) })}</p> : null}
				<Form method="post" {...getFormProps(form)} className="space-y-5">
					<FormErrors errors={form.errors} />
					<InsightFields
						form={form}
						fields={fields}
						taxonomy={{ stages, events, channels }}
						privacy={actionData?.privacy}
						anonymousChoice={false}
					/>
					<div className="flex flex-wrap gap-2">
						<Button disabled={navigation.state === 'submitting'}>
							{navigation.state === 'submitting' ? t('common.saving') : t('insights.save')}
						</Button>
						<ButtonLink to={`/insights/${id}`}>{t('common.cancel')}</ButtonLink>
					</div>
				</Form>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'insights.editTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
