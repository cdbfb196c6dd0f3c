import { Form, Link, useSearchParams } from '@remix-run/react'
import { Button } from '#app/components/ui/button.tsx'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useT } from '#app/utils/root-data.ts'

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
