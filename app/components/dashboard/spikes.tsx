import { Link } from '@remix-run/react'
import { type LocalizedEntry } from '#app/models/taxonomy.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

/** A spike as it reaches the page (decision 057). */
export type SpikeView = {
	eventId: string
	stageId: string | null
	weeks: 1 | 2
	recent: number
	expected: number
	increase: number | null
}

/** Where a spike's insights are: the moment (and stage) over the spike's window, in the department looked at. */
export function spikeInsightsPath(spike: SpikeView, departmentId?: string | null) {
	const params = new URLSearchParams({ event: spike.eventId, period: spike.weeks === 1 ? '7d' : '14d' })
	if (spike.stageId) params.set('stage', spike.stageId)
	if (departmentId) params.set('department', departmentId)
	return `/insights?${params}`
}

/** "+140% in the last 7 days: 31 against about 13 usually" (or "31, where there were almost none"). */
export function useSpikeText() {
	const t = useT()
	const format = useFormat()
	return (spike: SpikeView, short = false) => {
		const values = {
			count: spike.weeks,
			days: spike.weeks * 7,
			recent: format.number(spike.recent),
			expected: format.number(Math.round(spike.expected)),
			increase: spike.increase === null ? '' : `+${format.percent(spike.increase)}`,
		}
		if (spike.increase === null) return t(short ? 'spikes.cellNew' : 'spikes.lineNew', values)
		return t(short ? 'spikes.cell' : 'spikes.line', values)
	}
}

/**
 * The moments spiking now in the scope looked at, each with its figures and a link to the
 * insights behind it; nothing at all when none is.
 */
export function SpikeList({
	spikes,
	events,
	departmentId,
}: {
	spikes: SpikeView[]
	events: LocalizedEntry[]
	departmentId?: string | null
}) {
	const t = useT()
	const locale = useLocale()
	const byId = new Map(events.map((e) => [e.id, e]))
	const shown = spikes.filter((s) => !s.stageId && byId.has(s.eventId))
	if (!shown.length) return <p className="text-sm text-slate-700">{t('spikes.none')}</p>
	return (
		<ul className="space-y-2">
			{shown.map((spike) => {
				const name = localizedName(byId.get(spike.eventId)!, locale)
				return (
					<li key={spike.eventId} data-spike={spike.eventId}>
						<SpikeNotice
							spike={spike}
							departmentId={departmentId}
							title={
								<Link to={`/moments/${spike.eventId}`} className="underline">
									{name}
								</Link>
							}
						/>
					</li>
				)
			})}
		</ul>
	)
}

/** One spike: its title (the moment, or "Spiking now"), its figures and the insights behind it. */
export function SpikeNotice({
	spike,
	title,
	departmentId,
	className = 'rounded-md border border-red-200 bg-red-50 p-3',
}: {
	spike: SpikeView
	title: React.ReactNode
	departmentId?: string | null
	className?: string
}) {
	const t = useT()
	const text = useSpikeText()
	return (
		<div className={className}>
			<p className="font-semibold text-red-900">
				<span aria-hidden>▲ </span>
				{title}
			</p>
			<p className="text-sm text-slate-800">{text(spike)}</p>
			<Link to={spikeInsightsPath(spike, departmentId)} className="text-sm font-medium text-brand-700 underline">
				{t('spikes.insights')}
			</Link>
		</div>
	)
}
