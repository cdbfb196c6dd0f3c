import fc from 'fast-check'
import { expect, test } from 'vitest'
import { betaCdf, betaQuantile, FIX_WINDOW, judgeFix, rateRatio, RELAPSE, relapsed } from '#app/models/fix-effect.ts'
import { poisson, seededRandom } from '#tests/simulate.ts'

// Reference values computed with SciPy (scipy.stats.beta.ppf) for the Clopper–Pearson bounds.
test('the interval matches hand-computed exact bounds', () => {
	const fewer = rateRatio(20, 5)
	expect(fewer.ratio).toBeCloseTo(0.25, 10)
	expect(fewer.lower).toBeCloseTo(0.0733201, 6)
	expect(fewer.upper).toBeCloseTo(0.6864471, 6)
	expect(fewer.verdict).toBe('working')
	// A shorter window after the fix: 12 insights in 28 days against 10 in 56.
	const shorter = rateRatio(10, 12, 56, 28)
	expect(shorter.ratio).toBeCloseTo(2.4, 10)
	expect(shorter.lower).toBeCloseTo(0.9503083, 6)
	expect(shorter.upper).toBeCloseTo(6.2013643, 6)
	expect(shorter.verdict).toBe('unclear')
	expect(rateRatio(30, 60)).toMatchObject({ verdict: 'not-working' })
	expect(rateRatio(30, 60).lower).toBeCloseTo(1.2698931, 6)
	expect(rateRatio(30, 60).upper).toBeCloseTo(3.2117246, 6)
})

test('edge cases: nothing after, nothing before, nothing at all', () => {
	const none = rateRatio(8, 0)
	expect(none).toMatchObject({ ratio: 0, lower: 0, verdict: 'working' })
	expect(none.upper).toBeCloseTo(0.5858332, 6)
	const fromNothing = rateRatio(0, 6)
	expect(fromNothing.ratio).toBe(Number.POSITIVE_INFINITY)
	expect(fromNothing.upper).toBe(Number.POSITIVE_INFINITY)
	expect(fromNothing.lower).toBeCloseTo(1.1774247, 6)
	expect(fromNothing.verdict).toBe('not-working')
	expect(rateRatio(0, 0)).toEqual({ ratio: null, lower: null, upper: null, verdict: 'unclear' })
	expect(rateRatio(3, 0, 0, 10).verdict).toBe('unclear')
})

test('the beta quantile inverts the beta CDF', () => {
	fc.assert(
		fc.property(
			fc.double({ min: 0.01, max: 0.99, noNaN: true }),
			fc.integer({ min: 1, max: 300 }),
			fc.integer({ min: 1, max: 300 }),
			(q, a, b) => Math.abs(betaCdf(betaQuantile(q, a, b), a, b) - q) < 1e-8,
		),
		{ seed: 19, numRuns: 200 },
	)
})

test('on simulated weeks the 95% interval covers the true rate ratio at least 95% of the time', () => {
	fc.assert(
		fc.property(
			fc.double({ min: 1, max: 40, noNaN: true }),
			fc.constantFrom(0.5, 1, 2),
			fc.integer({ min: 1, max: 2 ** 31 - 1 }),
			(rateBefore, trueRatio, seed) => {
				const random = seededRandom(seed)
				let covered = 0
				const runs = 400
				for (let i = 0; i < runs; i++) {
					const { lower, upper } = rateRatio(poisson(rateBefore * 8, random), poisson(rateBefore * trueRatio * 8, random), 8, 8)
					if (lower !== null && upper !== null && lower <= trueRatio && trueRatio <= upper) covered++
				}
				// Exact intervals are conservative: 95% at least, less a margin for 400 draws (±2.2% at 2 SE).
				return covered / runs >= 0.93
			},
		),
		{ seed: 2026, numRuns: 12 },
	)
})

/** Day sums from a list of (day, count) points. */
const daysOf = (points: Array<[number, number]>) => (from: number, to: number) => ({
	n: points.filter(([d]) => d >= from && d < to).reduce((sum, [, n]) => sum + n, 0),
	peaked: 0,
	recovered: 0,
})

test('a fix is judged on equal windows: 8 weeks once they have passed, shorter before, none under a week', () => {
	const sums = daysOf([
		[90, 10],
		[99, 4],
		[100, 1],
		[130, 7],
	])
	expect(judgeFix(sums, 100, 105)).toBeNull()
	// Ten days on: [90, 100) against [100, 110).
	expect(judgeFix(sums, 100, 110)).toMatchObject({ days: 10, before: { n: 14 }, after: { n: 1 }, effect: { verdict: 'working' } })
	// Long after, the windows stop at 56 days each side.
	expect(judgeFix(sums, 100, 400)).toMatchObject({ days: FIX_WINDOW.maxDays, before: { n: 14 }, after: { n: 8 } })
})

test('a fix that worked relapses when the last 4 weeks run at the old rate; one that never worked does not', () => {
	const fix = 200
	const worked = [...Array.from({ length: 20 }, (_, i): [number, number] => [fix - 50 + i * 2, 1]), [fix + 10, 1] as [number, number]]
	const today = fix + FIX_WINDOW.maxDays + RELAPSE.days + 10
	// Too soon to speak of a relapse.
	expect(relapsed(daysOf([...worked, [fix + 60, 30]]), fix, fix + 70)).toBeNull()
	// 10 in the last 28 days against 20 in 56: back at the old rate.
	const back = Array.from({ length: 10 }, (_, i): [number, number] => [today - 1 - i, 1])
	expect(relapsed(daysOf([...worked, ...back]), fix, today)).toEqual({ before: 20, days: 56, recent: 10 })
	// 9 is below the old rate: not yet.
	expect(relapsed(daysOf([...worked, ...back.slice(1)]), fix, today)).toBeNull()
	// A fix that never worked cannot relapse.
	const never = Array.from({ length: 20 }, (_, i): [number, number] => [fix + 1 + i * 2, 1])
	expect(relapsed(daysOf([...worked, ...never, ...back]), fix, today)).toBeNull()
})
