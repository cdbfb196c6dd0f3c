import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { clearTransaction, finishOidc, markSignedInViaOidc, oidcEnabled } from '#app/routes/_auth+/__oidc.server.ts'
import { answerIdp } from '#app/routes/_auth+/__sso.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

// Where the IdP sends the browser back: the answer is checked, the person found (or created, when
// allowed), and a new Voce session starts; anything wrong is said on this page, never a 500.
export async function loader({ request }: LoaderFunctionArgs) {
	ensure(oidcEnabled(), 'errors.notFoundBody')
	return answerIdp(await finishOidc(request), '/sso/oidc', { cookies: [await clearTransaction()], signedIn: [await markSignedInViaOidc()] })
}

/** Why single sign-on did not work, with the ways on. */
export function SsoProblem() {
	const t = useT()
	const loaderData = useLoaderData<{ reason: MessageKey; retry: string } | undefined>()
	const actionData = useActionData<{ reason: MessageKey; retry: string } | undefined>()
	const { reason, retry } = actionData ?? loaderData ?? { reason: 'sso.errors.expired', retry: '/login' }
	return (
		<div className="mx-auto max-w-md pt-4 sm:pt-10">
			<Card>
				<h1 className="mb-3 text-2xl font-bold">{t('sso.problemTitle')}</h1>
				<p role="alert" className="text-slate-800">
					{t(reason)}
				</p>
				<div className="mt-4 flex flex-wrap gap-4">
					<a href={retry} className="font-semibold text-brand-700 underline">
						{t('sso.tryAgain')}
					</a>
					<Link to="/login" className="font-semibold text-brand-700 underline">
						{t('forgot.back')}
					</Link>
				</div>
			</Card>
		</div>
	)
}

export default SsoProblem

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sso.problemTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
