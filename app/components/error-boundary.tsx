import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useT } from '#app/utils/root-data.ts'

const MESSAGES: Record<number, [MessageKey, MessageKey]> = {
	400: ['errors.badRequestTitle', 'errors.badRequestBody'],
	403: ['errors.forbiddenTitle', 'errors.forbiddenBody'],
	404: ['errors.notFoundTitle', 'errors.notFoundBody'],
}

/** Friendly 404/403/400/500 pages; a 4xx may carry its own message in the body. */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const t = useT()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const [titleKey, bodyKey] = MESSAGES[status] ?? ['errors.serverTitle', 'errors.serverBody']
	const detail = isRouteErrorResponse(error) && (status === 400 || status === 403) && typeof error.data === 'string' ? error.data : null
	if (!isRouteErrorResponse(error) && typeof document !== 'undefined') console.error(error)
	return (
		<div className="mx-auto max-w-xl py-12 text-center">
			<p className="text-sm font-semibold text-brand-700">{status}</p>
			<h1 className="mt-2 text-2xl font-bold text-slate-900">{t(titleKey)}</h1>
			<p className="mt-3 text-slate-700">{detail ?? t(bodyKey)}</p>
			<Link to="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
				{t('errors.goHome')}
			</Link>
		</div>
	)
}
