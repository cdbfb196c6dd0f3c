// Quality figures for the tag suggestions (decision 059): 5-fold cross-validated top-1 and top-3
// accuracy of the suggested moment of truth on the labelled insights in tests/fixtures/, once
// trained and with the keyword lists alone (the first day). Part of `npm run bench`.
import fs from 'node:fs'
import path from 'node:path'
import { rankLabels, trainNaiveBayes } from '#app/models/suggest.ts'
import { DEFAULT_KEYWORDS } from '#app/models/taxonomy.ts'
import { seededRandom } from '#tests/simulate.ts'

type Item = { lang: 'en' | 'it'; event: string; text: string }
const FOLDS = 5

export function tagQuality() {
	const file = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'tag-suggestions.json')
	const items = (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: Item[] }).items
	// Folds stratified by moment and language, shuffled with a fixed seed.
	const random = seededRandom(59)
	const fold = new Map<Item, number>()
	const groups = new Map<string, Item[]>()
	for (const item of items) groups.set(`${item.event}|${item.lang}`, [...(groups.get(`${item.event}|${item.lang}`) ?? []), item])
	for (const group of groups.values()) {
		const shuffled = group.map((item) => ({ item, r: random() })).sort((a, b) => a.r - b.r)
		shuffled.forEach(({ item }, i) => fold.set(item, i % FOLDS))
	}
	const keywords = new Map(Object.entries(DEFAULT_KEYWORDS))
	const score = (rank: (item: Item, k: number) => string[]) => {
		let top1 = 0
		let top3 = 0
		for (const item of items) {
			const ranked = rank(item, 3)
			if (ranked[0] === item.event) top1++
			if (ranked.includes(item.event)) top3++
		}
		return { top1: top1 / items.length, top3: top3 / items.length }
	}
	const models = Array.from({ length: FOLDS }, (_, f) =>
		trainNaiveBayes(items.filter((i) => fold.get(i) !== f).map((i) => ({ text: i.text, label: i.event }))),
	)
	const trained = score((item, k) => rankLabels(item.text, models[fold.get(item)!]!, keywords, k).map((r) => r.label))
	const keywordOnly = score((item, k) => rankLabels(item.text, null, keywords, k).map((r) => r.label))
	const byLanguage = (['en', 'it'] as const).map((lang) => {
		const subset = items.filter((i) => i.lang === lang)
		const right = subset.filter((i) => rankLabels(i.text, models[fold.get(i)!]!, keywords, 1)[0]?.label === i.event).length
		return { lang, top1: right / subset.length }
	})
	return { items: items.length, folds: FOLDS, trained, keywordOnly, byLanguage }
}

const pct = (x: number) => `${Math.round(x * 100)}%`

export function printTagQuality(q = tagQuality()) {
	console.log(`Tag suggestions, ${q.items} labelled insights (English and Italian), ${q.folds}-fold cross-validation:`)
	console.log(`  trained:       top-1 ${pct(q.trained.top1)} (target ≥ 70%), top-3 ${pct(q.trained.top3)} (target ≥ 90%)`)
	console.log(
		`  keywords only: top-1 ${pct(q.keywordOnly.top1)}, top-3 ${pct(q.keywordOnly.top3)} (the first day, before any insight is tagged)`,
	)
	console.log(`  trained top-1 by language: ${q.byLanguage.map((l) => `${l.lang} ${pct(l.top1)}`).join(', ')}`)
	return q
}
