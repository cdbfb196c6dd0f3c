import { type LoaderFunctionArgs } from '@remix-run/node'
import { findOwners } from '#app/models/triage.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'

/** Possible owners for what someone types in an owner field (suggestions when JavaScript runs). */
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:triage:scope')
	const q = new URL(request.url).searchParams.get('q') ?? ''
	return { owners: findOwners(q) }
}
