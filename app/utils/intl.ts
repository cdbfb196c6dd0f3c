// Intl formatters are slow to build (tens of microseconds each: a page of cards built
// thousands) and immutable once built: one per locale and option set is kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>()

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
	let formatter = formatters.get(key) as T | undefined
	if (!formatter) {
		formatter = make()
		formatters.set(key, formatter)
	}
	return formatter
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
	return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options))
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}) {
	return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options))
}

export function relativeTimeFormat(locale: string, options: Intl.RelativeTimeFormatOptions = {}) {
	return cached(`r|${locale}|${JSON.stringify(options)}`, () => new Intl.RelativeTimeFormat(locale, options))
}
