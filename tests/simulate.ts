// Seeded random draws for simulations: the fix-effect property test and the signal quality
// figures in `npm run bench` draw from the same generator, so a run is repeatable.

/** A uniform draw in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number) {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

/** A Poisson draw by Knuth's method, a large mean split into parts of at most 30 (a sum of Poissons is Poisson). */
export function poisson(mean: number, random: () => number): number {
	if (mean > 30) {
		const parts = Math.ceil(mean / 30)
		let sum = 0
		for (let i = 0; i < parts; i++) sum += poisson(mean / parts, random)
		return sum
	}
	const limit = Math.exp(-mean)
	let k = 0
	for (let p = random(); p > limit; p *= random()) k++
	return k
}
