// Quality figures for the spike alerts (decision 057), on synthetic series drawn with a fixed seed:
// how often a real rise is caught within one and two weeks, and how often a steady moment cries
// wolf, with the checks made as the server makes them: daily, on 7-day windows. Part of `npm run bench`; `npm run bench:quality` prints them with the other quality figures.
// The numbers are in decision 057.
import { checkSpike, nextSpikeState, SPIKE, type SpikeState } from '#app/models/spikes.ts'
import { poisson, seededRandom } from '#tests/simulate.ts'

const DAY = 86_400_000
const BASE_RATES = [1, 2, 5, 10, 20, 50, 100, 200]
const STEPS = [0.5, 1, 2]
const YEARS = Number(process.env.SIGNAL_YEARS ?? 1000)
const STEP_RUNS = Number(process.env.SIGNAL_STEP_RUNS ?? 500)
const WARM_UP = SPIKE.baselineWeeks + 2

/** Daily counts: a moment's Poisson days at `rate` per week, and at rate × (1 + step) from day `from` on. */
function days(length: number, rate: number, random: () => number, step = 0, from = length) {
	return Array.from({ length }, (_, d) => poisson((rate / 7) * (d >= from ? 1 + step : 1), random))
}

/** The server's check at the end of day `day` (exclusive): 7-day windows ending there, oldest first. */
function checkAt(daily: number[], day: number) {
	const weeks: number[] = []
	for (let w = WARM_UP - 1; w >= 0; w--) {
		let sum = 0
		for (let d = day - 7 * (w + 1); d < day - 7 * w; d++) sum += daily[d]!
		weeks.push(sum)
	}
	return checkSpike(weeks)
}

const START = WARM_UP * 7

/** Announced episodes per event-year on stationary Poisson days, checked daily with the server's episode rules. */
function falseAlarms(rate: number, random: () => number) {
	let announced = 0
	for (let year = 0; year < YEARS; year++) {
		const daily = days(START + 365, rate, random)
		let state: SpikeState = { since: null, endedAt: null }
		for (let day = START + 1; day <= START + 365; day++) {
			const step = nextSpikeState(state, checkAt(daily, day).spike, day * DAY)
			state = step.state
			if (step.announce) announced++
		}
	}
	return announced / YEARS
}

/** The share of steps up by `step` caught by a daily check within 7 days of it, and within 14. */
function detection(rate: number, step: number, random: () => number) {
	let first = 0
	let second = 0
	for (let run = 0; run < STEP_RUNS; run++) {
		const daily = days(START + 14, rate, random, step, START)
		let caught = 0
		for (let day = START + 1; day <= START + 14 && !caught; day++) if (checkAt(daily, day).spike) caught = day - START
		if (caught && caught <= 7) first++
		if (caught) second++
	}
	return { withinOne: first / STEP_RUNS, withinTwo: second / STEP_RUNS }
}

export function spikeQuality() {
	const random = seededRandom(2026)
	const stationary = BASE_RATES.map((rate) => ({ rate, falseAlarmsPerYear: falseAlarms(rate, random) }))
	const steps = BASE_RATES.flatMap((rate) => STEPS.map((step) => ({ rate, step, ...detection(rate, step, random) })))
	const doubled = steps.filter((s) => s.step === 1 && s.rate >= 5)
	return {
		stationary,
		steps,
		doubledWithinTwo: doubled.reduce((sum, s) => sum + s.withinTwo, 0) / doubled.length,
		worstFalseAlarms: Math.max(...stationary.map((s) => s.falseAlarmsPerYear)),
	}
}

const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(5)

export function printSpikeQuality(q = spikeQuality()) {
	console.log(`Spike alerts (${YEARS} simulated event-years per rate checked daily, ${STEP_RUNS} steps per cell; seed 2026):`)
	console.log('  base/week  false alarms/year   +50% in 1w/2w   +100% in 1w/2w   +200% in 1w/2w')
	for (const { rate, falseAlarmsPerYear } of q.stationary) {
		const cells = STEPS.map((step) => q.steps.find((s) => s.rate === rate && s.step === step)!)
			.map((s) => `${pct(s.withinOne)} /${pct(s.withinTwo)}`)
			.join('    ')
		console.log(`  ${String(rate).padStart(9)}  ${falseAlarmsPerYear.toFixed(2).padStart(17)}   ${cells}`)
	}
	console.log(
		`  +100% steps caught within two weeks at base ≥ 5/week: ${pct(q.doubledWithinTwo).trim()} (target ≥ 90%); ` +
			`most false alarms per event-year: ${q.worstFalseAlarms.toFixed(2)} (target ≤ 1)`,
	)
	return q
}
