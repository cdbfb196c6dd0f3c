// Quality figures that need no server: how well the duplicate suggestions separate the same
// problem told twice from different problems that share words. Part of `npm run bench`;
// `npm run bench:quality` prints them alone.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { documentFrequencies, similarity, SIMILARITY_THRESHOLD, stems } from '#app/models/similarity.ts'

type Pair = { lang: string; same: boolean; a: string; b: string }
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures')
const load = (file: string) => (JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8')) as { pairs: Pair[] }).pairs

function measure(pairs: Pair[], shown: (a: string, b: string) => boolean) {
	let tp = 0
	let fp = 0
	let fn = 0
	for (const p of pairs) {
		const s = shown(p.a, p.b)
		if (s && p.same) tp++
		else if (s) fp++
		else if (p.same) fn++
	}
	return { pairs: pairs.length, precision: Number((tp / (tp + fp || 1)).toFixed(2)), recall: Number((tp / (tp + fn || 1)).toFixed(2)) }
}

/**
 * Precision and recall of the suggestions shown, on the labelled pairs (tests/fixtures/): the
 * set the concept list and the threshold were tuned on, and a held-out set written after them;
 * and, for comparison, the old rule (any shared word is enough).
 */
export function duplicateQuality() {
	const tuned = load('duplicate-pairs.json')
	const heldOut = load('duplicate-pairs-held-out.json')
	// Word rarity is counted over every text of both sets, as the app counts it over its candidates.
	const frequencies = documentFrequencies([...new Set([...tuned, ...heldOut].flatMap((p) => [p.a, p.b]))].map(stems))
	const alike = (a: string, b: string) => similarity(stems(a), stems(b), frequencies) >= SIMILARITY_THRESHOLD
	const anyWord = (a: string, b: string) => {
		const words = (t: string) => new Set(t.toLowerCase().match(/\p{L}{3,}/gu) ?? [])
		const wa = words(a)
		return [...words(b)].some((w) => wa.has(w))
	}
	return {
		threshold: SIMILARITY_THRESHOLD,
		tuned: measure(tuned, alike),
		heldOut: measure(heldOut, alike),
		anyWordTuned: measure(tuned, anyWord),
		anyWordHeldOut: measure(heldOut, anyWord),
	}
}

export function printDuplicateQuality(q = duplicateQuality()) {
	console.log(`Duplicate suggestions (similarity ≥ ${q.threshold}), precision / recall of what is shown:`)
	console.log(
		`  tuning set   ${q.tuned.pairs} pairs: ${q.tuned.precision} / ${q.tuned.recall}   (any shared word: ${q.anyWordTuned.precision} / ${q.anyWordTuned.recall})`,
	)
	console.log(
		`  held-out set ${q.heldOut.pairs} pairs: ${q.heldOut.precision} / ${q.heldOut.recall}   (any shared word: ${q.anyWordHeldOut.precision} / ${q.anyWordHeldOut.recall})`,
	)
	return q
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	printDuplicateQuality()
	const { printSpikeQuality } = await import('./signals.ts')
	printSpikeQuality()
	const { printTagQuality } = await import('./tags.ts')
	printTagQuality()
	const { printEmergingQuality } = await import('./emerging.ts')
	printEmergingQuality()
}
