import { createCookie } from '@remix-run/node'
import { type Locale } from '#app/locales/index.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { DEFAULT_LOCALE, isLocale, negotiateLocale } from '#app/utils/i18n.ts'

export const localeCookie = createCookie('voce_locale', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	secure: getEnv().NODE_ENV === 'production',
	maxAge: 60 * 60 * 24 * 365,
})

/** The account's choice first, then this browser's choice, then Accept-Language. */
export async function getLocale(request: Pick<Request, 'headers'>, user: { locale: string | null } | null): Promise<Locale> {
	if (user && isLocale(user.locale)) return user.locale
	const fromCookie: unknown = await localeCookie.parse(request.headers.get('Cookie'))
	if (isLocale(fromCookie)) return fromCookie
	return negotiateLocale(request.headers.get('Accept-Language')) ?? DEFAULT_LOCALE
}
