/** Periods the dashboard offers, in ISO weeks ending with a chosen week. 13 weeks is a quarter. */
export const PERIOD_WEEKS = [4, 13, 26, 52] as const
export const DEFAULT_WEEKS = 13
export const QUARTER_WEEKS = 13

/** Backlog ageing buckets, in whole days since submission (PRODUCT.md). */
export const AGE_BUCKETS = ['0-7', '8-30', '31-90', '90+'] as const

/** Heatmap column for insights and ideas without a critical event. */
export const NO_EVENT = 'none'
/** A cell needs at least this heat (insights + "I see this too") to be a blind spot. */
export const BLIND_SPOT_MIN_HEAT = 3

/**
 * Recovery (docs/product.md): of the moments that peaked distressed (emotion at the worst
 * point of at least `peak`) and have an end recorded, the share that ended calm (at most `end`).
 */
export const RECOVERY = { peak: 4, end: 2 } as const

/**
 * A share and what it is a share of. `part` is null when `whole` is below the minimum group
 * size: a rate of two or three moments says nothing, and the page says "too few" instead.
 */
export type Rate = { part: number | null; whole: number }

/** A rate's value, or null when there is none to show. */
export const rateValue = (rate: Rate | null | undefined) => (rate && rate.part !== null ? ratio(rate.part, rate.whole) : null)

/** How the period's moments ended: the recovery rate and first-contact resolution. */
export type MomentRates = { recovery: Rate; firstContact: Rate }

/** Count, median and 90th percentile of a set of durations, in days. */
export type DurationStat = { count: number; median: number | null; p90: number | null }

/** What one period's figures are computed from: counts, never rows. */
export type Figures = {
	weeks: number
	people: number
	participants: number
	ideas: number
	anonymousIdeas: number
	insights: number
	anonymousInsights: number
	firstResponse: DurationStat
	decision: DurationStat
	decided: number
	implemented: number
	slaDue: number
	slaClosed: number
	declined: number
	declinedWithReason: number
	backlog: number[]
	/** Of the ideas implemented in the 12 months to the period's end with a verdict, those that worked (decision 058). */
	fixesWorked: Rate
} & MomentRates

export function ratio(part: number, whole: number) {
	return whole > 0 ? part / whole : null
}

/** Ideas per 100 people, scaled from a period of `weeks` to a quarter. */
export function ideasPer100(ideas: number, people: number, weeks: number) {
	return people > 0 ? ((ideas / people) * 100 * QUARTER_WEEKS) / weeks : null
}

export type MetricFormat = 'percent' | 'decimal' | 'count' | 'days'

/** The headline figures, in the order the dashboard and its CSV show them. */
export const METRICS = [
	{ key: 'participation', format: 'percent', better: 'higher', value: (f: Figures) => ratio(f.participants, f.people) },
	{ key: 'ideasPer100', format: 'decimal', better: 'higher', value: (f: Figures) => ideasPer100(f.ideas, f.people, f.weeks) },
	{ key: 'insights', format: 'count', better: 'higher', value: (f: Figures) => f.insights },
	{ key: 'firstResponseMedian', format: 'days', better: 'lower', value: (f: Figures) => f.firstResponse.median },
	{ key: 'firstResponseP90', format: 'days', better: 'lower', value: (f: Figures) => f.firstResponse.p90 },
	{ key: 'decisionMedian', format: 'days', better: 'lower', value: (f: Figures) => f.decision.median },
	{ key: 'decisionP90', format: 'days', better: 'lower', value: (f: Figures) => f.decision.p90 },
	{ key: 'implementationRate', format: 'percent', better: 'higher', value: (f: Figures) => ratio(f.implemented, f.decided) },
	{ key: 'loopClosure', format: 'percent', better: 'higher', value: (f: Figures) => ratio(f.slaClosed, f.slaDue) },
	{
		key: 'anonymousShare',
		format: 'percent',
		// Neither: more anonymity can mean less trust, or more people speaking up who would not otherwise.
		better: null,
		value: (f: Figures) => ratio(f.anonymousIdeas + f.anonymousInsights, f.ideas + f.insights),
	},
	{ key: 'declinedWithReason', format: 'percent', better: 'higher', value: (f: Figures) => ratio(f.declinedWithReason, f.declined) },
	{
		key: 'recoveryRate',
		format: 'percent',
		better: 'higher',
		value: (f: Figures) => rateValue(f.recovery),
		rate: (f: Figures) => f.recovery,
	},
	{
		key: 'firstContactRate',
		format: 'percent',
		better: 'higher',
		value: (f: Figures) => rateValue(f.firstContact),
		rate: (f: Figures) => f.firstContact,
	},
	{
		key: 'fixesWorked',
		format: 'percent',
		better: 'higher',
		value: (f: Figures) => rateValue(f.fixesWorked),
		rate: (f: Figures) => f.fixesWorked,
		base: 'fixes',
	},
] as const satisfies ReadonlyArray<{
	key: string
	format: MetricFormat
	/** Which way is good news for this figure; null when neither is. */
	better: 'higher' | 'lower' | null
	value: (f: Figures) => number | null
	/** For a share of moments: the rate behind it, so the page can say how many (or "too few"). */
	rate?: (f: Figures) => Rate
	/** What the rate's base counts, when not moments. */
	base?: 'fixes'
}>

/** Steps smaller than these are "no change": a percentage point, a tenth of a day, one insight, 0.1 ideas per 100. */
const CHANGE_EPSILON: Record<MetricFormat, number> = { percent: 0.005, days: 0.05, count: 0.5, decimal: 0.05 }

export type MetricChange = {
	/** now − before, in the figure's unit (a share for percentages: 0.05 is five points). */
	delta: number
	direction: 'up' | 'down' | 'same'
	verdict: 'better' | 'worse' | 'neutral'
}

/** How a headline figure moved against the previous period, and whether that is good news; null without both values. */
export function metricChange(
	metric: { format: MetricFormat; better: 'higher' | 'lower' | null },
	now: number | null,
	before: number | null,
): MetricChange | null {
	if (now === null || before === null) return null
	const delta = now - before
	const direction = Math.abs(delta) < CHANGE_EPSILON[metric.format] ? 'same' : delta > 0 ? 'up' : 'down'
	const good = metric.better === 'higher' ? 'up' : metric.better === 'lower' ? 'down' : null
	const verdict = direction === 'same' || !good ? 'neutral' : direction === good ? 'better' : 'worse'
	return { delta: direction === 'same' ? 0 : delta, direction, verdict }
}

export type MetricKey = (typeof METRICS)[number]['key']

/** One row of the department comparison. */
export type DepartmentFigures = {
	id: string
	name: string
	people: number
	/** Below the minimum group size nothing else is computed or sent. */
	tooSmall: boolean
	participation: number | null
	ideasPer100: number | null
	firstResponseMedian: number | null
	implementationRate: number | null
	recovery: Rate | null
	firstContact: Rate | null
}

/** The heat of a cell: insights plus their "I see this too". */
export type HeatCell = {
	stageId: string
	eventId: string
	insights: number
	recurrences: number
	heat: number
	emotion: number | null
	ideas: number
	acted: number
	implemented: number
	blindSpot: boolean
} & MomentRates

/**
 * A blind spot is a cell with high heat and no accepted or implemented idea. "High" is
 * relative to the map: in the top quarter of the cells that have any heat, and at least
 * BLIND_SPOT_MIN_HEAT.
 */
export function blindSpotThreshold(heats: number[]) {
	const hot = heats.filter((h) => h > 0).sort((a, b) => a - b)
	if (!hot.length) return Infinity
	const quartile = hot[Math.floor(hot.length * 0.75)] ?? hot[hot.length - 1]!
	return Math.max(BLIND_SPOT_MIN_HEAT, quartile)
}

/** The value at fraction p of sorted values, interpolating between neighbours (as spreadsheets' PERCENTILE.INC). */
export function interpolate(lower: number, upper: number | undefined, position: number) {
	const fraction = position - Math.floor(position)
	return upper === undefined || fraction === 0 ? lower : lower + (upper - lower) * fraction
}
