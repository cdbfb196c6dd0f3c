import { Form } from '@remix-run/react'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { PERIOD_WEEKS, type MetricFormat, type Rate } from '#app/models/dashboard.ts'
import { type LocalizedEntry } from '#app/models/taxonomy.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export type Named = LocalizedEntry

export function useFigureFormat() {
	const t = useT()
	const format = useFormat()
	return (kind: MetricFormat, value: number | null) => {
		if (value === null) return t('dashboard.noData')
		if (kind === 'percent') return format.percent(value)
		if (kind === 'count') return format.number(value)
		if (kind === 'days') {
			const rounded = Math.round(value * 10) / 10
			return t('dashboard.days', { count: rounded, value: format.number(rounded) })
		}
		return format.decimal(value)
	}
}

/**
 * "67%" with "of 12 moments" under it, or "Too few to tell: 3 moments, 5 needed" when the
 * rate's base is below the minimum group size (the server sent no share then).
 */
export function RateBase({
	rate,
	min,
	base,
	className = 'mt-1 text-xs text-slate-600',
}: {
	rate: Rate | null
	min: number
	/** What the base counts when not moments: implemented fixes with a verdict. */
	base?: 'fixes'
	className?: string
}) {
	const t = useT()
	if (!rate) return null
	if (base === 'fixes')
		return <p className={className}>{rate.whole ? t('dashboard.rate.ofFixes', { count: rate.whole }) : t('dashboard.rate.noFixes')}</p>
	return (
		<p className={className}>
			{rate.whole === 0
				? t('dashboard.rate.none')
				: rate.part === null
					? t('dashboard.rate.tooFew', { count: rate.whole, min })
					: t('dashboard.rate.of', { count: rate.whole })}
		</p>
	)
}

export function DashboardFilters({
	weeks,
	end,
	departmentId,
	departments,
	departmentsPartial = false,
	canSeeAll,
	action = '/dashboard',
}: {
	weeks: number
	end: string
	departmentId: string | null
	departments: Array<{ id: string; name: string; depth: number }>
	departmentsPartial?: boolean
	canSeeAll: boolean
	action?: string
}) {
	const t = useT()
	const select = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'
	return (
		<Form method="get" action={action} className="mb-6 rounded-lg border border-slate-200 bg-white p-3" aria-label={t('dashboard.filters')}>
			<div className="grid gap-3 sm:grid-cols-3">
				<div>
					<label htmlFor="dashboard-weeks" className="block text-xs font-medium text-slate-700">
						{t('dashboard.period')}
					</label>
					<select id="dashboard-weeks" name="weeks" defaultValue={String(weeks)} className={select}>
						{PERIOD_WEEKS.map((w) => (
							<option key={w} value={w}>
								{t(`dashboard.periods.${w}`)}
							</option>
						))}
					</select>
				</div>
				<div>
					<label htmlFor="dashboard-end" className="block text-xs font-medium text-slate-700">
						{t('dashboard.endWeek')}
					</label>
					<input id="dashboard-end" type="week" name="end" defaultValue={end} aria-describedby="dashboard-end-hint" className={select} />
					<p id="dashboard-end-hint" className="mt-1 text-xs text-slate-600">
						{t('dashboard.endWeekHint', { example: end })}
					</p>
				</div>
				<div>
					<label htmlFor="dashboard-department" className="block text-xs font-medium text-slate-700">
						{t('dashboard.department')}
					</label>
					<select
						id="dashboard-department"
						name="department"
						defaultValue={departmentId ?? ''}
						aria-describedby={departmentsPartial ? 'dashboard-department-hint' : undefined}
						className={select}
					>
						{canSeeAll ? <option value="">{t('dashboard.wholeOrganisation')}</option> : null}
						{departments.map((d) => (
							<option key={d.id} value={d.id}>
								{'\u00a0\u00a0'.repeat(d.depth)}
								{d.name}
							</option>
						))}
					</select>
					{departmentsPartial ? (
						<p id="dashboard-department-hint" className="mt-1 text-xs text-slate-600">
							{t('insights.departmentTeamsHint')}
						</p>
					) : null}
				</div>
			</div>
			<div className="mt-3">
				<Button variant="secondary">{t('dashboard.apply')}</Button>
			</div>
		</Form>
	)
}

export function ExportLink({ table, search }: { table: 'summary' | 'trends' | 'heatmap' | 'departments'; search: string }) {
	const t = useT()
	return (
		<a
			href={`/dashboard/export?table=${table}&${search}`}
			download
			aria-label={t(`dashboard.export.${table}`)}
			className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50"
		>
			{t('dashboard.export.csv')}
		</a>
	)
}

export function SectionHeader({ id, title, children }: { id: string; title: string; children?: React.ReactNode }) {
	return (
		<div className="mb-3 flex flex-wrap items-center justify-between gap-2">
			<h2 id={id} className="text-lg font-semibold text-slate-900">
				{title}
			</h2>
			{children ? <div className="flex items-center gap-2">{children}</div> : null}
		</div>
	)
}

/** Said instead of any figure when the chosen group is below the minimum group size. */
export function TooSmallNotice({ min }: { min: number }) {
	const t = useT()
	return (
		<p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
			{t('dashboard.tooSmallScope', { min })}
		</p>
	)
}

export function Section({ id, children }: { id: string; children: React.ReactNode }) {
	return (
		<section aria-labelledby={id} className="mb-8">
			<Card>{children}</Card>
		</section>
	)
}
