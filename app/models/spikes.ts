/**
 * Spike alerts (issue 19, part 1; decision 057): is a moment of truth suddenly heard more? The
 * count of the last 7 days — and of the last 14, for a rise that builds over two weeks — is
 * tested against the 12 weeks before them with an exact conditional binomial test (the same
 * conditioning as the fix's rate ratio: given the total, the recent count is binomial with the
 * recent window's share of the time). A spike also needs a minimum volume and a rise large enough
 * to matter, so a large moment's +10% is not called one. Pure: the model layer feeds it counts.
 */
import { betaCdf } from '#app/models/fix-effect.ts'

export const SPIKE = {
	/** Weeks of baseline, ending where the recent fortnight starts (so a rise does not lift its own baseline). */
	baselineWeeks: 12,
	/** The recent window must hold at least this many (insights plus "I see this too") per week of it. */
	minRecent: 5,
	/** And be at least this much above the baseline's rate (+60%). */
	minIncrease: 0.6,
	/** The one-sided p-value under which a rise is called a spike (each of the two windows). */
	alpha: 0.005,
	/** After an episode ends, a new one is not announced for this long. */
	coolDownDays: 28,
} as const

const DAY = 86_400_000

export type SpikeCheck = {
	spike: boolean
	/** The window that speaks: the last 7 days, or the last 14. */
	weeks: 1 | 2
	recent: number
	/** What the baseline's rate gives for the same window. */
	expected: number
	/** recent / expected − 1; null when the baseline is empty. */
	increase: number | null
	p: number
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number) {
	if (k <= 0) return 1
	if (k > n) return 0
	return betaCdf(p, k, n - k + 1)
}

/**
 * Tests the newest of `weeks` (counts per 7-day window, oldest first; at least baselineWeeks + 2)
 * against the baselineWeeks before the last two: the last window alone, and the last two
 * together. The one with the smaller p-value is reported.
 */
export function checkSpike(weeks: readonly number[]): SpikeCheck {
	const { baselineWeeks, minRecent, minIncrease, alpha } = SPIKE
	if (weeks.length < baselineWeeks + 2) throw new Error(`checkSpike needs ${baselineWeeks + 2} weeks, got ${weeks.length}`)
	const end = weeks.length
	let baseline = 0
	for (let i = end - 2 - baselineWeeks; i < end - 2; i++) baseline += weeks[i]!
	const windows = ([1, 2] as const).map((span) => {
		const recent = span === 1 ? weeks[end - 1]! : weeks[end - 1]! + weeks[end - 2]!
		const expected = (baseline / baselineWeeks) * span
		const p = binomialUpperTail(recent, recent + baseline, span / (span + baselineWeeks))
		const increase = expected > 0 ? recent / expected - 1 : null
		const spike = recent >= minRecent * span && (increase === null || increase >= minIncrease) && p < alpha
		return { spike, weeks: span, recent, expected, increase, p }
	})
	const [one, two] = windows as [SpikeCheck, SpikeCheck]
	if (one.spike !== two.spike) return one.spike ? one : two
	return one.p <= two.p ? one : two
}

/** Where a moment stands: in an episode since a time, and when the last one ended. */
export type SpikeState = { since: number | null; endedAt: number | null }

/**
 * One step of the episode rules: a spike starts an episode (announced unless the last one ended
 * within the cool-down), the episode lasts while the test keeps firing, and it ends the first
 * time it does not. Running the same step twice announces nothing twice.
 */
export function nextSpikeState(state: SpikeState, spike: boolean, now: number): { state: SpikeState; announce: boolean } {
	if (spike) {
		if (state.since !== null) return { state, announce: false }
		const cooling = state.endedAt !== null && now - state.endedAt < SPIKE.coolDownDays * DAY
		return { state: { since: now, endedAt: state.endedAt }, announce: !cooling }
	}
	if (state.since === null) return { state, announce: false }
	return { state: { since: null, endedAt: now }, announce: false }
}
