import { expect, test } from 'vitest'
import { en } from '#app/locales/en.ts'
import { it as italian } from '#app/locales/it.ts'
import { formatDate, formatNumber, getT, negotiateLocale } from '#app/utils/i18n.ts'

test.each([
	['it-IT,it;q=0.9,en;q=0.8', 'it'],
	['en-GB,en;q=0.9', 'en'],
	['de-DE,it;q=0.5,en;q=0.4', 'it'],
	['fr;q=0.9, en;q=0.2', 'en'],
	['it;q=0, en', 'en'],
	['de, fr', null],
	['', null],
])('Accept-Language %j picks %s', (header, expected) => {
	expect(negotiateLocale(header)).toBe(expected)
})

function leaves(value: unknown, prefix = ''): Array<[string, string]> {
	if (typeof value === 'string') return [[prefix, value]]
	return Object.entries(value as object).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

test('the Italian catalog is complete and translated', () => {
	const english = new Map(leaves(en))
	const it = new Map(leaves(italian))
	expect([...it.keys()].sort()).toEqual([...english.keys()].sort())
	for (const [key, value] of it) expect(value.trim(), key).not.toBe('')
	// Words that are the same in both languages are rare; most strings must differ.
	const same = [...it].filter(([key, value]) => english.get(key) === value)
	expect(same.length / it.size).toBeLessThan(0.1)
})

test('interpolation, plurals, dates and numbers follow the locale', () => {
	expect(getT('it')('organisation.people', { count: 1 })).toBe('1 persona')
	// Italian groups thousands from five digits on (CLDR minimum grouping digits = 2).
	expect(getT('it')('organisation.people', { count: 12345 })).toBe('12.345 persone')
	expect(getT('en')('organisation.people', { count: 12345 })).toBe('12,345 people')
	expect(formatNumber(12345.5, 'it')).toBe('12.345,5')
	expect(formatNumber(12345.5, 'en')).toBe('12,345.5')
	const date = new Date('2026-03-05T12:00:00Z')
	expect(formatDate(date, 'it', 'UTC')).toBe('5 mar 2026')
	expect(formatDate(date, 'en', 'UTC')).toBe('Mar 5, 2026')
})

test('messages with values, filled in without i18next, read exactly as i18next would fill them, in both languages', async () => {
	const i18next = (await import('i18next')).default.createInstance()
	await i18next.init({
		resources: { en: { translation: en }, it: { translation: italian } },
		fallbackLng: 'en',
		interpolation: { escapeValue: false },
	})
	let checked = 0
	for (const locale of ['en', 'it'] as const) {
		const reference = i18next.getFixedT(locale)
		const bases = new Set(leaves(en).map(([key]) => key.replace(/_(one|other)$/, '')))
		for (const key of bases) {
			const template = leaves(en).find(([k]) => k === key || k === `${key}_other`)![1]
			const names = [...template.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!)
			if (!names.length) continue
			for (const count of [0, 1, 2, 1234567]) {
				const values = Object.fromEntries(names.map((name) => [name, name === 'count' || name === 'days' ? count : `‹${name} ${count}›`]))
				expect(getT(locale)(key as never, values), `${locale} ${key}`).toBe(reference(key, values))
				checked++
			}
		}
	}
	expect(checked).toBeGreaterThan(400)
	// A value left out, and a default for a message that is not in the catalog, go through i18next.
	expect(getT('en')('organisation.people' as never, {})).toBe(i18next.getFixedT('en')('organisation.people', {}))
	expect(getT('en')('not.a.key' as never, { defaultValue: 'Shown as it is' })).toBe('Shown as it is')
})

test('a message that counts has a singular and a plural form, so nothing reads "1 days"', () => {
	// "{{count}} in total" has no noun; "{{count}}+ ideas" is only shown above its cap.
	const countless = ['common.showingCount', 'home.unvotedMany']
	const counted = leaves(en).filter(([key, value]) => /\{\{\s*count\b/.test(value) && !/_(one|other)$/.test(key))
	expect(counted.map(([key]) => key).filter((key) => !countless.includes(key))).toEqual([])
	const t = getT('en')
	expect(t('dashboard.days', { count: 1, value: '1' })).toBe('1 day')
	expect(t('dashboard.days', { count: 2.5, value: '2.5' })).toBe('2.5 days')
	expect(getT('it')('dashboard.days', { count: 1, value: '1' })).toBe('1 giorno')
})
