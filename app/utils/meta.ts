import { type MetaDescriptor } from '@remix-run/node'
import { type Locale } from '#app/locales/index.ts'
import { DEFAULT_LOCALE, getT, isLocale, type MessageKey } from '#app/utils/i18n.ts'

type Match = { id: string; data: unknown }

export function localeFromMatches(matches: Match[]): Locale {
	const data = matches.find((m) => m.id === 'root')?.data as { locale?: unknown } | undefined
	return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE
}

/** `<title>` for a page, in the reader's language: "Page · Voce". */
export function pageTitle(matches: Match[], key: MessageKey, values?: Record<string, string>): MetaDescriptor[] {
	const t = getT(localeFromMatches(matches))
	return [{ title: `${t(key, values ?? {})} · Voce` }]
}
