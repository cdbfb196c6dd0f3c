import { RateBase } from '#app/components/dashboard/primitives.tsx'
import { rateValue, type Rate } from '#app/models/dashboard.ts'
import { FIX_WINDOW, type FixVerdict } from '#app/models/fix-effect.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

/** A fix's figures as they reach the page (JSON has no infinity: an unbounded ratio or bound arrives as null). */
export type FixFiguresView = {
	days: number
	before: number
	after: number
	effect: { ratio: number | null; lower: number | null; upper: number | null; verdict: FixVerdict }
	recovery: { before: Rate; after: Rate }
}

const VERDICT_CLASS: Record<FixVerdict, string> = {
	working: 'bg-green-100 text-green-900',
	unclear: 'bg-slate-100 text-slate-800',
	'not-working': 'bg-red-100 text-red-900',
}

/**
 * "Did the fix work": the verdict in words, the moment's insights (with "I see this too") in
 * equal windows before and after the day it was implemented with the change and its 95%
 * interval, and how those moments ended before and after. Too early: says so.
 */
export function FixEffect({ figures, date, min }: { figures: FixFiguresView | null; date: Date | string; min: number }) {
	const t = useT()
	const format = useFormat()
	if (!figures) return <p className="text-sm text-slate-600">{t('fix.tooEarly', { days: FIX_WINDOW.minDays })}</p>
	const { before, after, days, effect } = figures
	const change = before > 0 ? after / before - 1 : null
	const times = (x: number) => format.decimal(x, 2)
	const interval =
		effect.lower === null
			? null
			: effect.upper === null
				? t('fix.intervalFrom', { lower: times(effect.lower) })
				: t('fix.interval', { lower: times(effect.lower), upper: times(effect.upper) })
	const recovered = { before: rateValue(figures.recovery.before), after: rateValue(figures.recovery.after) }
	return (
		<div className="space-y-1 text-sm" data-fix-verdict={before + after ? effect.verdict : 'none'}>
			<p>
				<span className={`inline-block rounded px-2 py-0.5 font-semibold ${VERDICT_CLASS[effect.verdict]}`}>
					{t(`fix.verdict.${effect.verdict}`)}
				</span>{' '}
				<span className="text-slate-700">{before + after ? t(`fix.meaning.${effect.verdict}`) : t('fix.nothing')}</span>
			</p>
			<p className="text-slate-700">{t('fix.window', { days, date: format.date(date) })}</p>
			<p className="flex flex-wrap gap-x-4 gap-y-1">
				<span>
					{t('fix.before')}: <strong className="tabular-nums">{format.number(before)}</strong>
				</span>
				<span>
					{t('fix.after')}: <strong className="tabular-nums">{format.number(after)}</strong>
				</span>
				{change === null ? null : change === 0 ? (
					<span className="font-semibold text-slate-800">{t('fix.same')}</span>
				) : (
					<span className={change < 0 ? 'font-semibold text-green-800' : 'font-semibold text-slate-800'}>
						{change < 0 ? t('fix.fell', { value: format.percent(-change) }) : t('fix.rose', { value: format.percent(change) })}
					</span>
				)}
			</p>
			{interval ? <p className="text-xs text-slate-600">{interval}</p> : null}
			<div className="flex flex-wrap gap-x-6 gap-y-1">
				{(['before', 'after'] as const).map((side) => (
					<div key={side}>
						<span className="text-slate-700">{t(`fix.recovery.${side}`)}: </span>
						<strong className="tabular-nums">{recovered[side] === null ? t('dashboard.noData') : format.percent(recovered[side])}</strong>
						<RateBase rate={figures.recovery[side]} min={min} className="text-xs text-slate-600" />
					</div>
				))}
			</div>
		</div>
	)
}
