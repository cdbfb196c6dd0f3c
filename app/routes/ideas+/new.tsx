import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { createIdea } from '#app/models/idea.server.ts'
import { ideaFormOptions, parseIdeaForm } from '#app/routes/ideas+/__editor.server.ts'
import { IdeaForm } from '#app/routes/ideas+/__editor.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'create:idea:own')
	const params = new URL(request.url).searchParams
	const options = ideaFormOptions(params.getAll('insight').slice(0, 20))
	// "Propose an idea for this": the insight is linked and its stage and event ticked.
	const from = options.linked[0]
	const campaignId = params.get('campaign')
	return {
		options,
		defaultValue: {
			insightIds: options.linked.map((i) => i.id),
			stageIds: from ? [from.stage.id] : [],
			eventIds: from?.event ? [from.event.id] : [],
			campaignId: options.campaigns.some((c) => c.id === campaignId) ? campaignId : undefined,
		},
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'create:idea:own')
	const now = new Date()
	const parsed = parseIdeaForm(await request.formData(), now, null, user.id)
	if (parsed.kind !== 'valid') return parsed.response
	const { id, receipt } = createIdea(user, { ...parsed.value, anonymous: parsed.anonymous }, now)
	if (receipt) return redirectWithFlash('/receipts', { receipt: { code: receipt, kind: 'idea' } })
	return redirectWithFlash(`/ideas/${id}`, { toast: { kind: 'success', message: 'ideas.created' } })
}

export default function NewIdeaRoute() {
	const t = useT()
	const { options, defaultValue } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('ideas.newTitle')} />
			<Card>
				<IdeaForm
					id="new-idea"
					options={options}
					defaultValue={defaultValue}
					reply={actionData}
					allowAnonymous
					submitLabel={t('ideas.submit')}
				/>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'ideas.newTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
