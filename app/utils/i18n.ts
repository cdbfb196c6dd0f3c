import i18next from 'i18next'
import { type en } from '#app/locales/en.ts'
import { CATALOGS, LOCALES, type Locale, type TranslatedNames } from '#app/locales/index.ts'
import { dateTimeFormat, numberFormat } from '#app/utils/intl.ts'

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
	resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: CATALOGS[locale] }])),
	lng: DEFAULT_LOCALE,
	fallbackLng: DEFAULT_LOCALE,
	supportedLngs: [...LOCALES],
	interpolation: { escapeValue: false },
	initImmediate: false,
})

const translators = new Map<Locale, T>()
const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(number)\s*)?\}\}/g
const pluralRules = new Map<Locale, Intl.PluralRules>()

const templates = new Map<string, string | undefined>()

/** A message of the catalog by its dotted key, or undefined; each is looked up once. */
function lookUp(locale: Locale, key: string) {
	const cacheKey = `${locale}|${key}`
	if (templates.has(cacheKey)) return templates.get(cacheKey)
	let node: unknown = CATALOGS[locale]
	for (const part of key.split('.')) node = typeof node === 'object' && node ? (node as Record<string, unknown>)[part] : undefined
	const template = typeof node === 'string' ? node : undefined
	templates.set(cacheKey, template)
	return template
}

/**
 * The message for these values the way i18next resolves it (a `count` picks the `_one` or
 * `_other` form by Intl plural rules; `{{name}}` and `{{count, number}}` are filled in), or
 * undefined when the key, a form or a value is missing, which i18next itself then handles.
 */
function fastMessage(locale: Locale, key: string, values: Record<string, string | number>) {
	let template: string | undefined
	if (typeof values.count === 'number') {
		let rules = pluralRules.get(locale)
		if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
		template = lookUp(locale, `${key}_${rules.select(values.count)}`) ?? lookUp(locale, `${key}_other`)
	}
	template ??= lookUp(locale, key)
	if (template === undefined || 'defaultValue' in values) return undefined
	let complete = true
	const text = template.replace(PLACEHOLDER, (_match, name: string, format?: string) => {
		const value = values[name]
		if (value === undefined) complete = false
		return format && typeof value === 'number' ? numberFormat(locale).format(value) : String(value)
	})
	return complete && !text.includes('{{') && !text.includes('$t(') ? text : undefined
}

export function getT(locale: Locale): T {
	let t = translators.get(locale)
	if (!t) {
		const fixed = instance.getFixedT(locale)
		// i18next resolves each call anew (a few microseconds, thousands a page); a message
		// without values never changes, so it is resolved once, and one with values is filled
		// in here (checked equal to i18next for every message of both catalogs).
		const plain = new Map<string, string>()
		t = (key, values) => {
			if (values) return fastMessage(locale, key, values) ?? String(fixed(key, values))
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

/** Taxonomy and other admin-entered names: the reader's language when an admin gave one, else the default name. */
export function localizedName(entry: { name: string; names: TranslatedNames }, locale: Locale) {
	return entry.names[locale] || entry.name
}

/** A language's name in the reader's language ("Italian", "italiano"), from the runtime's own data. */
export function languageName(language: Locale, inLocale: Locale) {
	return new Intl.DisplayNames([inLocale], { type: 'language' }).of(language) ?? language
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
