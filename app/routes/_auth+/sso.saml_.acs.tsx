import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { finishSaml, samlEnabled } from '#app/routes/_auth+/__saml.server.ts'
import { answerIdp } from '#app/routes/_auth+/__sso.server.ts'
import { SsoProblem } from '#app/routes/_auth+/sso.oidc_.callback.tsx'
import { ensure } from '#app/utils/http.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'

// The assertion consumer service: the IdP's browser POST. It comes from another site, so the CSRF
// check in server.ts lets this one path through; the signed response, tied to a request of ours
// and used once, is its own proof.
export async function action({ request }: ActionFunctionArgs) {
	ensure(samlEnabled(), 'errors.notFoundBody')
	return answerIdp(await finishSaml(await request.formData()), '/sso/saml')
}

export async function loader() {
	return data({ reason: 'sso.errors.expired' as MessageKey, retry: '/sso/saml' }, { status: 405 })
}

export default SsoProblem

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sso.problemTitle')
