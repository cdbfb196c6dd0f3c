import { Link } from '@remix-run/react'
import { RateBase, useFigureFormat, type Named } from '#app/components/dashboard/primitives.tsx'
import { useSpikeText, type SpikeView } from '#app/components/dashboard/spikes.tsx'
import { HorizontalScroll } from '#app/components/ui/horizontal-scroll.tsx'
import { InfoTip } from '#app/components/ui/info-tip.tsx'
import {
	AGE_BUCKETS,
	metricChange,
	METRICS,
	NO_EVENT,
	rateValue,
	type DepartmentFigures,
	type Figures,
	type HeatCell,
	type MetricChange,
	type MetricFormat,
	type MomentRates,
} from '#app/models/dashboard.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

export function MetricGrid({ current, previous, sla, min }: { current: Figures; previous: Figures; sla: number; min: number }) {
	const t = useT()
	const show = useFigureFormat()
	return (
		<ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
			{METRICS.map((metric) => {
				const label = t(`dashboard.metrics.${metric.key}.label`)
				const now = metric.value(current)
				const alarm = metric.key === 'declinedWithReason' && now !== null && now < 1
				return (
					<li key={metric.key} className={`rounded-lg border bg-white p-4 shadow-sm ${alarm ? 'border-red-400' : 'border-slate-200'}`}>
						<div className="flex items-start justify-between gap-2">
							<h3 className="text-sm font-medium text-slate-700">{label}</h3>
							<InfoTip label={label}>{t(`dashboard.metrics.${metric.key}.definition`, { sla, min })}</InfoTip>
						</div>
						<p className={`mt-2 text-2xl font-semibold ${alarm ? 'text-red-800' : 'text-slate-900'}`} data-metric={metric.key}>
							{show(metric.format, now)}
						</p>
						{'rate' in metric ? <RateBase rate={metric.rate(current)} min={min} base={'base' in metric ? metric.base : undefined} /> : null}
						<ChangeLine format={metric.format} change={metricChange(metric, now, metric.value(previous))} />
						<p className="mt-1 text-xs text-slate-600">{t('dashboard.previous', { value: show(metric.format, metric.value(previous)) })}</p>
					</li>
				)
			})}
		</ul>
	)
}

const VERDICT_CLASS = { better: 'text-green-800', worse: 'text-red-800', neutral: 'text-slate-700' } as const
const ARROW = { up: '▲', down: '▼', same: '■' } as const

/**
 * "▲ +5 points · better": how a headline figure moved against the previous period, coloured
 * by whether that is good news for this figure (a shorter response time is), and said in
 * words too, so the colour is never the only sign.
 */
function ChangeLine({ format, change }: { format: MetricFormat; change: MetricChange | null }) {
	const t = useT()
	const show = useFormat()
	if (!change) return null
	const size = Math.abs(change.delta)
	const sign = change.direction === 'up' ? '+' : '−'
	const amount =
		format === 'percent'
			? t('dashboard.change.points', { count: Math.round(size * 1000) / 10, value: show.number(Math.round(size * 1000) / 10) })
			: format === 'days'
				? t('dashboard.days', { count: Math.round(size * 10) / 10, value: show.number(Math.round(size * 10) / 10) })
				: format === 'count'
					? show.number(size)
					: show.decimal(size)
	return (
		<p className={`mt-1 text-sm font-medium ${VERDICT_CLASS[change.verdict]}`} data-change={change.verdict}>
			<span aria-hidden>{ARROW[change.direction]} </span>
			{change.direction === 'same' ? t('dashboard.change.same') : `${sign}${amount}`}
			{change.verdict === 'neutral' ? null : ` · ${t(`dashboard.change.${change.verdict}`)}`}
		</p>
	)
}

export function BacklogTable({ current, previous }: { current: number[]; previous: number[] }) {
	const t = useT()
	const format = useFormat()
	const max = Math.max(1, ...current)
	return (
		<table className="w-full table-fixed text-sm">
			<thead>
				<tr className="text-left text-xs text-slate-600">
					<th scope="col" className="py-1 pr-3 font-medium">
						{t('dashboard.backlog.age')}
					</th>
					<th scope="col" className="py-1 pr-3 font-medium">
						{t('dashboard.backlog.ideas')}
					</th>
					<th scope="col" className="w-1/3 py-1">
						<span className="sr-only">{t('dashboard.heatmap.heat')}</span>
					</th>
				</tr>
			</thead>
			<tbody>
				{AGE_BUCKETS.map((bucket, i) => (
					<tr key={bucket} className="border-t border-slate-100">
						<th scope="row" className="py-2 pr-3 text-left font-medium">
							{t(`dashboard.backlog.buckets.${bucket}`)}
						</th>
						<td className="py-2 pr-3">
							<span className="font-semibold">{format.number(current[i] ?? 0)}</span>{' '}
							<span className="text-xs text-slate-600">{t('dashboard.previous', { value: format.number(previous[i] ?? 0) })}</span>
						</td>
						<td className="py-2" aria-hidden>
							{/* An SVG bar: the content security policy allows no inline styles. */}
							<svg className="h-3 w-full" aria-hidden>
								<rect
									width={`${((current[i] ?? 0) / max) * 100}%`}
									height="100%"
									rx="3"
									className={i === 3 ? 'fill-red-400' : i === 2 ? 'fill-amber-400' : 'fill-brand-600'}
								/>
							</svg>
						</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}

/** A bar chart in plain SVG, rendered on the server, with its numbers in a table behind it. */
export function BarChart({ title, points }: { title: string; points: Array<{ label: string; value: number }> }) {
	const t = useT()
	const format = useFormat()
	const max = Math.max(1, ...points.map((p) => p.value))
	const width = 320
	const height = 120
	const gap = points.length > 26 ? 1 : 2
	const barWidth = (width - gap * (points.length - 1)) / Math.max(1, points.length)
	const values = points.map((p) => p.value)
	const summary = t('dashboard.trends.summary', {
		label: title,
		from: points[0]?.label ?? '',
		to: points.at(-1)?.label ?? '',
		min: format.number(values.length ? Math.min(...values) : 0),
		max: format.number(values.length ? Math.max(...values) : 0),
	})
	return (
		<figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
			<figcaption className="mb-2 text-sm font-medium text-slate-800">{title}</figcaption>
			<svg viewBox={`0 0 ${width} ${height + 16}`} className="h-auto w-full" role="img" aria-label={summary}>
				<line x1="0" y1={height} x2={width} y2={height} className="stroke-slate-300" />
				<text x="0" y="10" className="fill-slate-500 text-[10px]">
					{format.number(max)}
				</text>
				{points.map((p, i) => {
					const h = (p.value / max) * (height - 14)
					return (
						<rect key={p.label} x={i * (barWidth + gap)} y={height - h} width={barWidth} height={h} className="fill-brand-600">
							<title>{`${p.label}: ${format.number(p.value)}`}</title>
						</rect>
					)
				})}
				<text x="0" y={height + 13} className="fill-slate-500 text-[10px]">
					{points[0]?.label}
				</text>
				<text x={width} y={height + 13} textAnchor="end" className="fill-slate-500 text-[10px]">
					{points.at(-1)?.label}
				</text>
			</svg>
			<details className="mt-2 text-sm">
				<summary className="cursor-pointer text-brand-700 underline">{t('dashboard.trends.showData')}</summary>
				<table className="mt-2 w-full text-sm">
					<caption className="sr-only">{title}</caption>
					<thead>
						<tr className="text-left text-xs text-slate-600">
							<th scope="col" className="py-1 font-medium">
								{t('dashboard.trends.week')}
							</th>
							<th scope="col" className="py-1 text-right font-medium">
								{title}
							</th>
						</tr>
					</thead>
					<tbody>
						{points.map((p) => (
							<tr key={p.label} className="border-t border-slate-100">
								<th scope="row" className="py-1 text-left font-normal">
									{p.label}
								</th>
								<td className="py-1 text-right tabular-nums">{format.number(p.value)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</details>
		</figure>
	)
}

const HEAT_CLASSES = ['bg-white', 'bg-rose-50', 'bg-rose-100', 'bg-rose-200', 'bg-rose-300']

function heatClass(heat: number, max: number) {
	if (heat <= 0 || max <= 0) return HEAT_CLASSES[0]
	return HEAT_CLASSES[Math.min(4, 1 + Math.floor((heat / max) * 3.999))]
}

/** Journey stages across, critical events down; each cell links to its insights and ideas. */
export function Heatmap({
	cells,
	stages,
	events,
	search,
	minHeat,
	spikes = null,
}: {
	cells: HeatCell[]
	stages: Named[]
	events: Named[]
	search: string
	minHeat: number
	/** The cells spiking now (decision 057); null when the period is not the current one. */
	spikes?: SpikeView[] | null
}) {
	const t = useT()
	const spikeText = useSpikeText()
	const spikeOf = new Map((spikes ?? []).filter((s) => s.stageId).map((s) => [`${s.stageId}|${s.eventId}`, s]))
	const locale = useLocale()
	const format = useFormat()
	const byKey = new Map(cells.map((c) => [`${c.stageId}|${c.eventId}`, c]))
	const max = Math.max(0, ...cells.map((c) => c.heat))
	const rows = [
		...events.map((e) => ({ id: e.id, name: localizedName(e, locale) })),
		{ id: NO_EVENT, name: t('dashboard.heatmap.noEvent') },
	]
	const blindSpots = cells.filter((c) => c.blindSpot).length
	return (
		<div>
			<p className="mb-2 text-sm text-slate-700">
				{blindSpots ? (
					<span className="mr-2 inline-flex items-center gap-1 rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">
						<span aria-hidden>▲</span>
						{t('dashboard.heatmap.blindSpots', { count: blindSpots })}
					</span>
				) : null}
				{t('dashboard.heatmap.blindSpotDefinition', { min: minHeat })}
			</p>
			<HorizontalScroll label={t('dashboard.heatmap.table')} hint={t('dashboard.heatmap.scrollHint', { count: stages.length })}>
				<table className="min-w-full border-collapse text-xs">
					<caption className="sr-only">{t('dashboard.heatmap.heading')}</caption>
					<thead>
						<tr>
							<th scope="col" className="sticky left-0 z-10 bg-slate-50 p-2 text-left font-medium text-slate-700">
								{t('dashboard.heatmap.event')}
							</th>
							{stages.map((s) => (
								<th key={s.id} scope="col" className="min-w-24 bg-slate-50 sm:min-w-28 p-2 text-left font-medium text-slate-700">
									{localizedName(s, locale)}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{rows.map((row) => (
							<tr key={row.id} className="border-t border-slate-200">
								<th
									scope="row"
									className="sticky left-0 z-10 w-28 max-w-32 bg-white p-2 text-left align-top font-medium text-slate-800 shadow-[1px_0_0_var(--color-slate-200)] sm:w-auto sm:max-w-48"
								>
									{row.id === NO_EVENT ? (
										row.name
									) : (
										<Link
											to={`/moments/${row.id}?${search}`}
											aria-label={t('dashboard.heatmap.eventPage', { event: row.name })}
											className="text-brand-700 underline decoration-slate-300 hover:decoration-brand-700"
										>
											{row.name}
										</Link>
									)}
								</th>
								{stages.map((stage) => {
									const cell = byKey.get(`${stage.id}|${row.id}`)
									const stageName = localizedName(stage, locale)
									if (!cell || (cell.heat === 0 && cell.ideas === 0)) {
										return (
											<td key={stage.id} className="border-l border-slate-100 p-2 text-slate-500">
												<span aria-hidden>–</span>
												<span className="sr-only">{t('dashboard.heatmap.emptyCell', { stage: stageName, event: row.name })}</span>
											</td>
										)
									}
									const emotion = cell.emotion === null ? t('dashboard.noData') : format.decimal(cell.emotion)
									const spike = spikeOf.get(`${stage.id}|${row.id}`)
									const recovered = rateValue(cell.recovery)
									return (
										<td key={stage.id} className={`border-l border-slate-100 p-0 align-top ${heatClass(cell.heat, max)}`}>
											<Link
												to={`/dashboard/cell?stage=${stage.id}&event=${row.id}&${search}`}
												aria-label={
													t('dashboard.heatmap.cellLabel', {
														stage: stageName,
														event: row.name,
														heat: cell.heat,
														insights: t('counts.insights', { count: cell.insights }),
														recurrences: t('counts.seenToo', { count: cell.recurrences }),
														emotion,
														ideas: t('counts.ideas', { count: cell.ideas }),
														implemented: cell.implemented,
													}) +
													(recovered === null ? '' : `, ${t('dashboard.heatmap.cellRecovery', { value: format.percent(recovered) })}`) +
													(cell.blindSpot ? `. ${t('dashboard.heatmap.blindSpot')}` : '') +
													(spike ? `. ${t('spikes.banner')}: ${spikeText(spike)}` : '')
												}
												className={`block h-full p-2 text-slate-900 hover:outline hover:outline-2 hover:outline-brand-600 focus:outline focus:outline-2 focus:outline-brand-600 ${cell.blindSpot ? 'ring-2 ring-inset ring-amber-500' : ''}`}
												data-blind-spot={cell.blindSpot || undefined}
											>
												<span className="block text-base font-semibold">{format.number(cell.heat)}</span>
												<span className="block text-slate-700">
													{t('dashboard.heatmap.cellInsights', { insights: cell.insights, recurrences: cell.recurrences })}
												</span>
												{cell.emotion !== null ? (
													<span className="block text-slate-700">{t('dashboard.heatmap.cellEmotion', { value: emotion })}</span>
												) : null}
												{recovered !== null ? (
													<span className="block text-slate-700">
														{t('dashboard.heatmap.cellRecovery', { value: format.percent(recovered) })}
													</span>
												) : null}
												<span className="block text-slate-700">
													{t('dashboard.heatmap.cellIdeas', {
														ideas: t('counts.ideas', { count: cell.ideas }),
														implemented: cell.implemented,
													})}
												</span>
												{cell.blindSpot ? (
													<span className="mt-1 inline-flex items-center gap-1 rounded bg-amber-100 px-1 font-semibold text-amber-900">
														<span aria-hidden>▲</span>
														{t('dashboard.heatmap.blindSpot')}
													</span>
												) : null}
												{spike ? (
													<span className="mt-1 block rounded bg-red-100 px-1 font-semibold text-red-900" data-spike-cell>
														<span aria-hidden>▲ </span>
														{spikeText(spike, true)}
													</span>
												) : null}
											</Link>
										</td>
									)
								})}
							</tr>
						))}
					</tbody>
				</table>
			</HorizontalScroll>
			<p className="mt-2 text-xs text-slate-600">{t('dashboard.heatmap.legend')}</p>
		</div>
	)
}

export function DepartmentTable({ rows, search }: { rows: DepartmentFigures[]; search: string }) {
	const t = useT()
	const show = useFigureFormat()
	const format = useFormat()
	const params = new URLSearchParams(search)
	if (!rows.length) return <p className="text-sm text-slate-600">{t('dashboard.departments.empty')}</p>
	const cell = 'py-2 pr-3 text-right tabular-nums'
	return (
		<div className="relative overflow-x-auto">
			<table className="w-full text-sm">
				<thead>
					<tr className="text-left text-xs text-slate-600">
						<th scope="col" className="py-1 pr-3 font-medium">
							{t('dashboard.departments.name')}
						</th>
						{(['people', 'participation', 'ideasPer100', 'firstResponse', 'implementation', 'recovery', 'firstContact'] as const).map(
							(key) => (
								<th key={key} scope="col" className="py-1 pr-3 text-right font-medium">
									{t(`dashboard.departments.${key}`)}
								</th>
							),
						)}
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => {
						params.set('department', row.id)
						return (
							<tr key={row.id} className="border-t border-slate-100">
								<th scope="row" className="py-2 pr-3 text-left font-medium">
									{row.tooSmall ? (
										row.name
									) : (
										<Link to={`/dashboard?${params}`} className="text-brand-700 underline">
											{row.name}
										</Link>
									)}
								</th>
								{row.tooSmall ? (
									<td colSpan={7} className="py-2 pr-3 text-right text-slate-600">
										{t('dashboard.tooSmall')}
									</td>
								) : (
									<>
										<td className={cell}>{format.number(row.people)}</td>
										<td className={cell}>{show('percent', row.participation)}</td>
										<td className={cell}>{show('decimal', row.ideasPer100)}</td>
										<td className={cell}>{show('days', row.firstResponseMedian)}</td>
										<td className={cell}>{show('percent', row.implementationRate)}</td>
										<td className={cell}>{show('percent', rateValue(row.recovery))}</td>
										<td className={cell}>{show('percent', rateValue(row.firstContact))}</td>
									</>
								)}
							</tr>
						)
					})}
				</tbody>
			</table>
		</div>
	)
}

/**
 * How a group's moments ended: the recovery rate and first-contact resolution, each with
 * its base (or "too few to tell") and, when given, the previous period's value and the move.
 */
export function MomentFigures({
	current,
	previous,
	min,
	id,
}: {
	current: MomentRates
	previous?: MomentRates | null
	min: number
	id: string
}) {
	const t = useT()
	const show = useFigureFormat()
	const figures = [
		{ key: 'recoveryRate', rate: (r: MomentRates) => r.recovery },
		{ key: 'firstContactRate', rate: (r: MomentRates) => r.firstContact },
	] as const
	return (
		<ul className="grid gap-3 sm:grid-cols-2" aria-labelledby={id}>
			{figures.map(({ key, rate }) => {
				const label = t(`dashboard.metrics.${key}.label`)
				const now = rateValue(rate(current))
				const before = previous ? rateValue(rate(previous)) : null
				return (
					<li key={key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
						<div className="flex items-start justify-between gap-2">
							<h3 className="text-sm font-medium text-slate-700">{label}</h3>
							<InfoTip label={label}>{t(`dashboard.metrics.${key}.definition`, { min })}</InfoTip>
						</div>
						<p className="mt-2 text-2xl font-semibold text-slate-900" data-metric={`${id}-${key}`}>
							{show('percent', now)}
						</p>
						<RateBase rate={rate(current)} min={min} />
						{previous ? (
							<>
								<ChangeLine format="percent" change={metricChange({ format: 'percent', better: 'higher' }, now, before)} />
								<p className="mt-1 text-xs text-slate-600">{t('dashboard.previous', { value: show('percent', before) })}</p>
							</>
						) : null}
					</li>
				)
			})}
		</ul>
	)
}
