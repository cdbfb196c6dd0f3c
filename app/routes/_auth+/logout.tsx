import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { logout } from '#app/utils/auth.server.ts'

export async function loader() {
	return redirect('/')
}

// Anyone may log out; logout() ends the caller's own session only.
export async function action({ request }: ActionFunctionArgs) {
	return logout(request)
}
