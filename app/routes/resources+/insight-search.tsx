import { type LoaderFunctionArgs } from '@remix-run/node'
import { searchInsights } from '#app/models/insight.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'

/** Insights to link as evidence, for the idea form's search when JavaScript runs. */
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:insight:any')
	const query = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200)
	return { query, results: searchInsights(query, 10) }
}
