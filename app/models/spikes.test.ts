import { expect, test } from 'vitest'
import { binomialUpperTail, checkSpike, nextSpikeState, SPIKE } from '#app/models/spikes.ts'

const DAY = 86_400_000
/** Twelve baseline weeks of `base`, then the week before last and the last week. */
const weeks = (base: number, previous: number, last: number) => [...Array<number>(SPIKE.baselineWeeks).fill(base), previous, last]

// Reference values from SciPy (scipy.stats.binom.sf(k - 1, n, p)).
test('the binomial upper tail matches hand-computed values', () => {
	expect(binomialUpperTail(16, 64, 1 / 13)).toBeCloseTo(2.045864954e-5, 12)
	expect(binomialUpperTail(10, 70, 1 / 13)).toBeCloseTo(0.0411876024, 9)
	expect(binomialUpperTail(5, 5, 0.5)).toBeCloseTo(0.03125, 12)
	expect(binomialUpperTail(0, 10, 0.3)).toBe(1)
	expect(binomialUpperTail(11, 10, 0.3)).toBe(0)
})

test('a moment heard four times as often this week is a spike, with its figures', () => {
	const check = checkSpike(weeks(4, 4, 16))
	expect(check).toMatchObject({ spike: true, weeks: 1, recent: 16, expected: 4 })
	expect(check.increase).toBeCloseTo(3, 10)
	expect(check.p).toBeCloseTo(2.045864954e-5, 12)
})

test('a rise that builds over two weeks is caught on the fortnight', () => {
	// Neither week alone is beyond chance at this rate; together they are.
	expect(checkSpike(weeks(10, 18, 18))).toMatchObject({ spike: true, weeks: 2, recent: 36, expected: 20 })
	expect(checkSpike([...Array<number>(SPIKE.baselineWeeks).fill(10), 10, 18]).spike).toBe(false)
})

test('steady weeks, a small moment and a small rise on a large one are not spikes', () => {
	expect(checkSpike(weeks(10, 11, 12)).spike).toBe(false)
	// Below the minimum volume: 4 in a week, even from nothing.
	expect(checkSpike(weeks(0, 0, 4)).spike).toBe(false)
	// +30% on 200 a week is beyond chance, but not a rise worth an alert.
	const large = checkSpike(weeks(200, 200, 260))
	expect(large.p).toBeLessThan(SPIKE.alpha)
	expect(large.spike).toBe(false)
})

test('a moment that was silent and is now heard is a spike with no baseline to compare', () => {
	expect(checkSpike(weeks(0, 0, 7))).toMatchObject({ spike: true, recent: 7, expected: 0, increase: null })
})

test('checkSpike refuses a series too short to have a baseline', () => {
	expect(() => checkSpike([1, 2, 3])).toThrow(/needs 14 weeks/)
})

test('an episode is announced once, lasts while the spike does, and a new one within the cool-down is not announced', () => {
	let now = 1_000 * DAY
	let step = nextSpikeState({ since: null, endedAt: null }, true, now)
	expect(step).toEqual({ state: { since: now, endedAt: null }, announce: true })
	// The same check again (a second run, a restart): nothing new.
	expect(nextSpikeState(step.state, true, now + DAY)).toEqual({ state: step.state, announce: false })
	const ended = nextSpikeState(step.state, false, (now += 10 * DAY))
	expect(ended).toEqual({ state: { since: null, endedAt: now }, announce: false })
	// Back within the cool-down: in an episode again, but nobody is told.
	step = nextSpikeState(ended.state, true, now + (SPIKE.coolDownDays - 1) * DAY)
	expect(step.announce).toBe(false)
	expect(step.state.since).toBe(now + (SPIKE.coolDownDays - 1) * DAY)
	// After it: told again.
	expect(nextSpikeState(ended.state, true, now + SPIKE.coolDownDays * DAY).announce).toBe(true)
})
