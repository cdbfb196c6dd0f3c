import { Form, Link, useSearchParams } from '@remix-run/react'
import { Button } from '#app/components/ui.tsx'
import { PERIODS } from '#app/models/insight.ts'
import { toOptions, type LocalizedEntry } from '#app/models/taxonomy.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useLocale, useT } from '#app/utils/root-data.ts'

export type FilterSelect = {
	name: string
	label: string
	options: Array<{ value: string; label: string; depth?: number }>
	allLabel?: string
	hint?: string
}

/**
 * A GET form of filters: shareable URLs, works without JavaScript. Pagination resets
 * whenever a filter changes because the cursor is not carried over.
 */
export function FilterForm({
	selects,
	checkboxes = [],
	keep = [],
}: {
	selects: FilterSelect[]
	checkboxes?: Array<{ name: string; label: MessageKey }>
	keep?: string[]
}) {
	const t = useT()
	const [params] = useSearchParams()
	const active = selects.some((s) => params.get(s.name)) || checkboxes.some((c) => params.get(c.name))
	return (
		<Form method="get" className="mb-4 rounded-lg border border-slate-200 bg-white p-3" aria-label={t('insights.filters')}>
			{keep.map((name) => (params.get(name) ? <input key={name} type="hidden" name={name} value={params.get(name)!} /> : null))}
			<div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
				{selects.map((select) => (
					<div key={select.name}>
						<label htmlFor={`filter-${select.name}`} className="block text-xs font-medium text-slate-700">
							{select.label}
						</label>
						<select
							id={`filter-${select.name}`}
							name={select.name}
							defaultValue={params.get(select.name) ?? ''}
							aria-describedby={select.hint ? `filter-${select.name}-hint` : undefined}
							className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
						>
							<option value="">{select.allLabel ?? t('insights.all')}</option>
							{select.options.map((option) => (
								<option key={option.value} value={option.value}>
									{'\u00a0\u00a0'.repeat(option.depth ?? 0)}
									{option.label}
								</option>
							))}
						</select>
						{select.hint ? (
							<p id={`filter-${select.name}-hint`} className="mt-1 text-xs text-slate-600">
								{select.hint}
							</p>
						) : null}
					</div>
				))}
			</div>
			<div className="mt-3 flex flex-wrap items-center gap-3">
				{checkboxes.map((box) => (
					<label key={box.name} className="flex items-center gap-2 text-sm">
						<input
							type="checkbox"
							name={box.name}
							value="1"
							defaultChecked={params.get(box.name) === '1'}
							className="h-4 w-4 accent-brand-700"
						/>
						{t(box.label)}
					</label>
				))}
				<Button variant="secondary">{t('insights.apply')}</Button>
				{active ? (
					<Link
						to={keep.length && params.get(keep[0]!) ? `?${keep[0]}=${params.get(keep[0]!)}` : '?'}
						className="text-sm font-medium text-brand-700 underline"
					>
						{t('common.clear')}
					</Link>
				) : null}
			</div>
		</Form>
	)
}

/** "Show more" for keyset pagination: the next cursor in the URL, filters kept. */
export function CursorLinks({
	nextCursor,
	moreLabel,
	firstLabel,
}: {
	nextCursor: string | null
	moreLabel: MessageKey
	firstLabel: MessageKey
}) {
	const t = useT()
	const [params] = useSearchParams()
	const next = new URLSearchParams(params)
	const first = new URLSearchParams(params)
	first.delete('cursor')
	if (nextCursor) next.set('cursor', nextCursor)
	const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50'
	return (
		<nav aria-label={t('common.pagination')} className="mt-4 flex flex-wrap gap-2">
			{params.get('cursor') ? (
				<Link to={`?${first}`} className={linkClass}>
					{t(firstLabel)}
				</Link>
			) : null}
			{nextCursor ? (
				<Link to={`?${next}`} className={linkClass} rel="next">
					{t(moreLabel)}
				</Link>
			) : null}
		</nav>
	)
}

type Named = LocalizedEntry
type Options = {
	stages: Named[]
	events: Named[]
	channels: Named[]
	departments: Array<{ id: string; name: string; depth: number }>
	departmentsPartial: boolean
}

type DepartmentOptions = Pick<Options, 'departments' | 'departmentsPartial'>

/** The department select of a filter bar; a large company's list says how to reach teams. */
export function departmentSelect(options: DepartmentOptions, t: ReturnType<typeof useT>): FilterSelect {
	return {
		name: 'department',
		label: t('insights.department'),
		options: options.departments.map((d) => ({ value: d.id, label: d.name, depth: d.depth })),
		hint: options.departmentsPartial ? t('insights.departmentTeamsHint') : undefined,
	}
}

/** The stage, event, channel, department and period selects shared by insights and ideas. */
export function useCommonSelects(options: Options): FilterSelect[] {
	const t = useT()
	const locale = useLocale()
	return [
		{ name: 'stage', label: t('insights.stage'), options: toOptions(options.stages, locale) },
		{ name: 'event', label: t('insights.event'), options: toOptions(options.events, locale) },
		{ name: 'channel', label: t('insights.channel'), options: toOptions(options.channels, locale) },
		departmentSelect(options, t),
		{
			name: 'period',
			label: t('insights.period'),
			allLabel: t('insights.anyTime'),
			options: PERIODS.map((p) => ({ value: p, label: t(`insights.periods.${p}`) })),
		},
	]
}
