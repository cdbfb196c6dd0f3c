import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { type MessageKey, type T } from '#app/utils/i18n.ts'
import { useT } from '#app/utils/root-data.ts'

const MESSAGES: Record<number, [MessageKey, MessageKey]> = {
	400: ['errors.badRequestTitle', 'errors.badRequestBody'],
	403: ['errors.forbiddenTitle', 'errors.forbiddenBody'],
	404: ['errors.notFoundTitle', 'errors.notFoundBody'],
}

type Problem = { message: MessageKey; values?: Record<string, string | number> }
const isProblem = (data: unknown): data is Problem =>
	typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string'

/**
 * The status, title and text a failed page shows, in the reader's language: a 4xx thrown by
 * `httpError` carries a catalog key; one thrown by a guard carries text it already translated.
 */
export function errorText(error: unknown, t: T) {
	const status = isRouteErrorResponse(error) ? error.status : 500
	const [titleKey, bodyKey] = MESSAGES[status] ?? ['errors.serverTitle', 'errors.serverBody']
	let body = t(bodyKey)
	if (isRouteErrorResponse(error) && status < 500) {
		if (isProblem(error.data)) body = t(error.data.message, error.data.values)
		else if (typeof error.data === 'string' && error.data && status !== 404) body = error.data
	}
	return { status, title: t(titleKey), body }
}

/** Friendly 404/403/400/500 pages. */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const t = useT()
	const { status, title, body } = errorText(error, t)
	if (!isRouteErrorResponse(error) && typeof document !== 'undefined') console.error(error)
	return (
		<div className="mx-auto max-w-xl py-12 text-center">
			<p className="text-sm font-semibold text-brand-700">{status}</p>
			<h1 className="mt-2 text-2xl font-bold text-slate-900">{title}</h1>
			<p className="mt-3 text-slate-700">{body}</p>
			<Link to="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
				{t('errors.goHome')}
			</Link>
		</div>
	)
}
