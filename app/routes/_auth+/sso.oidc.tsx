import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { oidcEnabled, startOidc } from '#app/routes/_auth+/__oidc.server.ts'
import { SsoProblem } from '#app/routes/_auth+/sso.oidc_.callback.tsx'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { logger } from '#app/utils/logger.server.ts'

// "Sign in with …": off to the IdP (decision 062).
export async function loader({ request }: LoaderFunctionArgs) {
	ensure(oidcEnabled(), 'errors.notFoundBody')
	await requireAnonymous(request)
	try {
		return await startOidc(new URL(request.url).searchParams.get('redirectTo'))
	} catch (error) {
		const { message } = error as { message?: string }
		logger().warn({ reason: message }, 'The OpenID provider could not be reached')
		return data({ reason: 'sso.errors.unreachable' as const, retry: '/sso/oidc' }, { status: 503 })
	}
}

export default SsoProblem
