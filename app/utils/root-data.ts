import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { type Locale } from '#app/locales/index.ts'
import { type loader as rootLoader } from '#app/root.tsx'
import { DEFAULT_LOCALE, formatDate, formatDateTime, formatNumber, getT } from '#app/utils/i18n.ts'
import { numberFormat } from '#app/utils/intl.ts'

export function useRootData() {
	return useRouteLoaderData<typeof rootLoader>('root')
}

export function useLocale(): Locale {
	return useRootData()?.locale ?? DEFAULT_LOCALE
}

export function useT() {
	const locale = useLocale()
	return useMemo(() => getT(locale), [locale])
}

export function useOptionalUser() {
	return useRootData()?.user ?? null
}

export function useUser() {
	const user = useOptionalUser()
	if (!user) throw new Error('useUser needs a signed-in user; guard the route with requireUser.')
	return user
}

export function useFormat() {
	const data = useRootData()
	const locale = data?.locale ?? DEFAULT_LOCALE
	const timeZone = data?.timeZone ?? 'UTC'
	return useMemo(
		() => ({
			date: (value: Date | number | string) => formatDate(new Date(value), locale, timeZone),
			dateTime: (value: Date | number | string) => formatDateTime(new Date(value), locale, timeZone),
			number: (value: number) => formatNumber(value, locale),
			decimal: (value: number, digits = 1) =>
				numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
			list: (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
			percent: (value: number) => numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value),
		}),
		[locale, timeZone],
	)
}
