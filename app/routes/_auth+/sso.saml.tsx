import { type LoaderFunctionArgs } from '@remix-run/node'
import { samlEnabled, startSaml } from '#app/routes/_auth+/__saml.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { ensure } from '#app/utils/http.server.ts'

// "Sign in with …" over SAML: off to the IdP with an AuthnRequest (decision 063).
export async function loader({ request }: LoaderFunctionArgs) {
	ensure(samlEnabled(), 'errors.notFoundBody')
	await requireAnonymous(request)
	return startSaml(new URL(request.url).searchParams.get('redirectTo'))
}
