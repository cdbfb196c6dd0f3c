import fc from 'fast-check'
import { expect, test } from 'vitest'
import { betaCdf, betaQuantile, rateRatio } from '#app/models/fix-effect.ts'

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

/** A Poisson draw (Knuth's method for small means, a normal approximation above 60), from a seeded generator. */
function poisson(mean: number, random: () => number) {
	if (mean > 60) {
		const u = 1 - random()
		const v = random()
		return Math.max(0, Math.round(mean + Math.sqrt(mean) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)))
	}
	const limit = Math.exp(-mean)
	let k = 0
	for (let p = random(); p > limit; p *= random()) k++
	return k
}

test('on simulated weeks the 95% interval covers the true rate ratio at least 95% of the time', () => {
	fc.assert(
		fc.property(
			fc.double({ min: 1, max: 40, noNaN: true }),
			fc.constantFrom(0.5, 1, 2),
			fc.integer({ min: 1, max: 2 ** 31 - 1 }),
			(rateBefore, trueRatio, seed) => {
				let state = seed
				const random = () => {
					state = (state * 1103515245 + 12345) % 2 ** 31
					return state / 2 ** 31
				}
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
