import i18next from 'i18next'
import { en } from '#app/locales/en.ts'
import { it } from '#app/locales/it.ts'
import { type Locale, LOCALES } from '#app/models/user.ts'
import { dateTimeFormat, numberFormat } from './intl.ts'

type PluralFree<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K
type Paths<T> = {
	[K in keyof T & string]: T[K] extends string ? PluralFree<K> : `${K}.${Paths<T[K]>}`
}[keyof T & string]

/** Every key of the English catalog; plural forms are asked for by their base and `count`. */
export type MessageKey = Paths<typeof en>
export type T = (key: MessageKey, values?: Record<string, string | number>) => string

export const DEFAULT_LOCALE: Locale = 'en'

const instance = i18next.createInstance()
// Catalogs are bundled, so initialisation is synchronous on server and client alike.
void instance.init({
	resources: { en: { translation: en }, it: { translation: it } },
	lng: DEFAULT_LOCALE,
	fallbackLng: DEFAULT_LOCALE,
	supportedLngs: [...LOCALES],
	interpolation: { escapeValue: false },
	initImmediate: false,
})

const translators = new Map<Locale, T>()

export function getT(locale: Locale): T {
	let t = translators.get(locale)
	if (!t) {
		const fixed = instance.getFixedT(locale)
		// i18next resolves each call anew (a few microseconds, thousands a page); a message
		// without values never changes, so it is resolved once.
		const plain = new Map<string, string>()
		t = (key, values) => {
			if (values) return String(fixed(key, values))
			let text = plain.get(key)
			if (text === undefined) {
				text = String(fixed(key, {}))
				plain.set(key, text)
			}
			return text
		}
		translators.set(locale, t)
	}
	return t
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Picks the best supported language from an Accept-Language header (RFC 9110 q-values). */
export function negotiateLocale(header: string | null): Locale | null {
	if (!header) return null
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';')
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
			const quality = q ? Number(q.slice(2)) : 1
			return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index }
		})
		.filter((entry) => entry.tag && entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index)
	for (const { tag } of ranked) {
		const base = tag.split('-')[0]
		if (isLocale(base)) return base
	}
	return null
}

type Named = { name: string; nameIt: string | null }
/** Taxonomy and other admin-entered names carry an optional Italian form. */
export function localizedName(entry: Named, locale: Locale) {
	return locale === 'it' && entry.nameIt ? entry.nameIt : entry.name
}

export function formatDate(date: Date | number, locale: Locale, timeZone: string) {
	return dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date)
}

export function formatDateTime(date: Date | number, locale: Locale, timeZone: string) {
	return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date)
}

export function formatNumber(value: number, locale: Locale) {
	return numberFormat(locale).format(value)
}
