/**
 * "Did the fix work" (issue 19, part 2): the rate of a moment's insights after a fix against
 * before, as a rate ratio with an exact confidence interval. Conditional on the total, the
 * count after is binomial with p = r·t₁ / (r·t₁ + t₀) for rate ratio r and windows t₀, t₁;
 * the Clopper–Pearson interval for p gives the interval for r. Pure: the model layer feeds it.
 */

export type FixVerdict = 'working' | 'unclear' | 'not-working'
export type RateRatio = { ratio: number | null; lower: number | null; upper: number | null; verdict: FixVerdict }

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients: about 15 significant digits). */
function logGamma(x: number): number {
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
		-0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
	]
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
	const z = x - 1
	let sum = c[0]!
	for (let i = 1; i < 9; i++) sum += c[i]! / (z + i)
	const t = z + 7.5
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
	const tiny = 1e-300
	let c = 1
	let d = 1 - ((a + b) * x) / (a + 1)
	if (Math.abs(d) < tiny) d = tiny
	d = 1 / d
	let h = d
	for (let m = 1; m <= 300; m++) {
		const m2 = 2 * m
		let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
		d = 1 + aa * d
		if (Math.abs(d) < tiny) d = tiny
		c = 1 + aa / c
		if (Math.abs(c) < tiny) c = tiny
		d = 1 / d
		h *= d * c
		aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
		d = 1 + aa * d
		if (Math.abs(d) < tiny) d = tiny
		c = 1 + aa / c
		if (Math.abs(c) < tiny) c = tiny
		d = 1 / d
		const step = d * c
		h *= step
		if (Math.abs(step - 1) < 1e-14) break
	}
	return h
}

/** The regularized incomplete beta function I_x(a, b): the Beta(a, b) distribution's CDF at x. */
export function betaCdf(x: number, a: number, b: number): number {
	if (x <= 0) return 0
	if (x >= 1) return 1
	const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
	return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b
}

/** The q-quantile of Beta(a, b), by bisection (the CDF is monotone). */
export function betaQuantile(q: number, a: number, b: number): number {
	let lo = 0
	let hi = 1
	for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
		const mid = (lo + hi) / 2
		if (betaCdf(mid, a, b) < q) lo = mid
		else hi = mid
	}
	return (lo + hi) / 2
}

/**
 * The rate after over the rate before, with its exact (conditional binomial, Clopper–Pearson)
 * interval at `level`, from the counts in windows of `exposureBefore` and `exposureAfter` (any
 * unit, e.g. days). "working" when the whole interval is below 1, "not-working" when its lower
 * bound is 1 or more, else "unclear"; no count at all tells nothing.
 */
export function rateRatio(before: number, after: number, exposureBefore = 1, exposureAfter = 1, level = 0.95): RateRatio {
	const n = before + after
	if (n === 0 || exposureBefore <= 0 || exposureAfter <= 0) return { ratio: null, lower: null, upper: null, verdict: 'unclear' }
	const alpha = 1 - level
	const pLower = after === 0 ? 0 : betaQuantile(alpha / 2, after, before + 1)
	const pUpper = after === n ? 1 : betaQuantile(1 - alpha / 2, after + 1, before)
	// r = p / (1 − p) · t₀ / t₁; p = 1 has no finite upper bound.
	const toRatio = (p: number) => (p >= 1 ? Number.POSITIVE_INFINITY : (p / (1 - p)) * (exposureBefore / exposureAfter))
	const lower = toRatio(pLower)
	const upper = toRatio(pUpper)
	const ratio = before === 0 ? Number.POSITIVE_INFINITY : after / exposureAfter / (before / exposureBefore)
	const verdict: FixVerdict = upper < 1 ? 'working' : lower >= 1 ? 'not-working' : 'unclear'
	return { ratio, lower, upper, verdict }
}

/** The window compared on each side of a fix: 8 weeks, shorter while less time has passed, none under a week. */
export const FIX_WINDOW = { maxDays: 56, minDays: 7 }
/** A fix relapses when, after its window, the last 4 weeks run at the rate of before it. */
export const RELAPSE = { days: 28, minBefore: 5 }

/** What a day range of a moment holds: insights plus "I see this too", and the sums behind its recovery rate. */
export type DaySums = { n: number; peaked: number; recovered: number }

/**
 * A fix's effect from its moments' day sums (`sum(from, to)`, days since the epoch, `to`
 * exclusive): equal windows before and after the day it was implemented, as long as the time
 * since allows up to FIX_WINDOW.maxDays; the day itself counts as after. Null while too early.
 */
export function judgeFix(sum: (from: number, to: number) => DaySums, fixDay: number, today: number) {
	const days = Math.min(FIX_WINDOW.maxDays, today - fixDay)
	if (days < FIX_WINDOW.minDays) return null
	const before = sum(fixDay - days, fixDay)
	const after = sum(fixDay, fixDay + days)
	return { days, before, after, effect: rateRatio(before.n, after.n, days, days) }
}

/**
 * Whether a fix that worked has slid back: its full window is past, its verdict was "working",
 * and the last RELAPSE.days run at least at the rate of the window before it.
 */
export function relapsed(sum: (from: number, to: number) => DaySums, fixDay: number, today: number) {
	if (today - fixDay < FIX_WINDOW.maxDays + RELAPSE.days) return null
	const judged = judgeFix(sum, fixDay, today)
	if (!judged || judged.effect.verdict !== 'working' || judged.before.n < RELAPSE.minBefore) return null
	const recent = sum(today - RELAPSE.days, today)
	const back = recent.n / RELAPSE.days >= judged.before.n / judged.days
	return back ? { before: judged.before.n, days: judged.days, recent: recent.n } : null
}
