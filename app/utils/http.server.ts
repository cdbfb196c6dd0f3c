import { data } from '@remix-run/node'
import { getT, type MessageKey } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'

type Values = Record<string, string | number>
export type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 415 | 422

/**
 * What a thrown 4xx carries: a catalog key and its values, never a sentence, so the error
 * boundary shows it in the reader's language (`GeneralErrorBoundary`).
 */
export type HttpProblem = { message: MessageKey; values?: Values }

/** Stops a loader or action with a 4xx whose message the page translates. */
export function httpError(status: ErrorStatus, message: MessageKey, values?: Values): never {
	throw data<HttpProblem>(values ? { message, values } : { message }, { status })
}

/** `invariantResponse` with a catalog key: 404 "not found" unless told otherwise. */
export function ensure(condition: unknown, message: MessageKey, status: ErrorStatus = 404, values?: Values): asserts condition {
	if (!condition) httpError(status, message, values)
}

/**
 * A 4xx for a resource route (a download, a redirect-only endpoint): the browser shows its
 * body as it is, so the text is translated here, in the reader's language.
 */
export async function plainError(
	request: Pick<Request, 'headers'>,
	user: { locale: string | null } | null,
	status: ErrorStatus,
	message: MessageKey,
	values?: Values,
) {
	const t = getT(await getLocale(request, user))
	return new Response(t(message, values), { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
