import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { forgetSignedInVia, oidcLogoutUrl } from '#app/routes/_auth+/__oidc.server.ts'
import { logout } from '#app/utils/auth.server.ts'

export async function loader() {
	return redirect('/')
}

// Anyone may log out; logout() ends the caller's own session only. A session that began at the
// OpenID provider ends there too, when it offers an end-session endpoint (decision 062).
export async function action({ request }: ActionFunctionArgs) {
	const idpLogout = await oidcLogoutUrl(request)
	const response = await logout(request)
	if (!idpLogout) return response
	const headers = new Headers()
	for (const cookie of response.headers.getSetCookie()) headers.append('Set-Cookie', cookie)
	headers.append('Set-Cookie', await forgetSignedInVia())
	return redirect(idpLogout, { headers })
}
