import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/utils/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:user:any')
	return redirect('/admin/users')
}
