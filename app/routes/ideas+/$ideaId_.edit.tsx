import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { getCampaign } from '#app/models/campaign.server.ts'
import { canEdit, getIdeaForEdit, updateIdea } from '#app/models/idea.server.ts'
import { ideaFormOptions, parseIdeaForm } from '#app/routes/ideas+/__editor.server.ts'
import { IdeaForm } from '#app/routes/ideas+/__editor.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

/** Only the named author, and only until a manager first acts on the idea. */
async function requireEditableIdea(request: Request, ideaId: string | undefined) {
	const user = await requirePermission(request, 'update:idea:own')
	const idea = getIdeaForEdit(ideaId ?? '')
	ensure(idea, 'errors.ideaNotFound')
	ensure(idea.authorId === user.id, 'errors.onlyAuthorEdits', 403)
	if (!canEdit({ isMine: true, firstActionAt: idea.firstActionAt, status: idea.status })) {
		throw await redirectWithToast(`/ideas/${idea.id}`, { kind: 'error', message: 'ideas.locked' })
	}
	return { user, idea }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { idea } = await requireEditableIdea(request, params.ideaId)
	const { authorId: _a, firstActionAt: _f, status: _s, ...defaultValue } = idea
	const options = ideaFormOptions(idea.insightIds)
	// The idea's own campaign stays selectable even after it closed.
	const own = idea.campaignId ? getCampaign(idea.campaignId) : null
	if (own && !options.campaigns.some((c) => c.id === own.id)) options.campaigns.push({ id: own.id, title: own.title })
	return { id: idea.id, options, defaultValue }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, idea } = await requireEditableIdea(request, params.ideaId)
	const parsed = parseIdeaForm(await request.formData(), new Date(), idea.campaignId)
	if (parsed.kind !== 'valid') return parsed.response
	if (!updateIdea(idea.id, user.id, parsed.value)) {
		return redirectWithToast(`/ideas/${idea.id}`, { kind: 'error', message: 'ideas.locked' })
	}
	return redirectWithToast(`/ideas/${idea.id}`, { kind: 'success', message: 'ideas.updated' })
}

export default function EditIdeaRoute() {
	const t = useT()
	const { id, options, defaultValue } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('ideas.editTitle')} />
			<Card>
				<IdeaForm
					id={`edit-idea-${id}`}
					options={options}
					defaultValue={defaultValue}
					reply={actionData}
					allowAnonymous={false}
					suggestSimilar={false}
					submitLabel={t('ideas.save')}
				/>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'ideas.editTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
