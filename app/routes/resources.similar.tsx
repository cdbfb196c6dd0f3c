import { type LoaderFunctionArgs } from '@remix-run/node'
import { similarIdeas, similarInsights } from '#app/models/search.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'

/** Similar open ideas or insights for what someone is typing (the forms call this as they type). */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:idea:any')
	const params = new URL(request.url).searchParams
	const q = (params.get('q') ?? '').slice(0, 2000)
	const except = params.get('except') ?? undefined
	return params.get('kind') === 'insight'
		? { ideas: [], insights: similarInsights(q, except) }
		: { ideas: similarIdeas(q, user.id, except), insights: [] }
}
