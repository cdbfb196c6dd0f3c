/**
 * Suggested tags while someone types an insight (issue 19, part 3; decision 059): the likely
 * moments of truth (and so stages) from the text, and the channel when the text says it. From
 * the first day the keyword lists of each moment speak; as the organisation tags insights, a
 * multinomial naive Bayes over stemmed words and word pairs (English and Italian alike, through
 * the stems and concepts of the duplicate suggestions) learns from them. Pure: the model layer
 * trains it on the organisation's insights and keeps it.
 */
import { fold, tokens } from '#app/models/similarity.ts'

/** Below this many tagged insights the classifier is not trusted and the keywords alone speak. */
export const MIN_TRAINING = 50
/** What a keyword match adds to a moment's log score once the classifier speaks. */
const KEYWORD_WEIGHT = 1.5
const ALPHA = 0.5

/** Stems and adjacent stem pairs: "card stolen" and "stolen card" share their words, not their pair. */
export function features(text: string): string[] {
	const stems = tokens(text)
	const pairs = stems.slice(1).map((stem, i) => `${stems[i]}+${stem}`)
	return [...stems, ...pairs]
}

export type NaiveBayes = {
	labels: string[]
	logPrior: number[]
	/** Per feature, its log likelihood under each label. */
	logLikelihood: Map<string, Float64Array>
	/** The log likelihood of a feature a label never saw. */
	unseen: Float64Array
	documents: number
}

/** A multinomial naive Bayes with add-α smoothing, from texts and their labels. */
export function trainNaiveBayes(examples: ReadonlyArray<{ text: string; label: string }>): NaiveBayes {
	const labels = [...new Set(examples.map((e) => e.label))].sort()
	const index = new Map(labels.map((l, i) => [l, i]))
	const docs = new Float64Array(labels.length)
	const totals = new Float64Array(labels.length)
	const counts = new Map<string, Float64Array>()
	for (const { text, label } of examples) {
		const i = index.get(label)!
		docs[i]!++
		for (const f of features(text)) {
			let row = counts.get(f)
			if (!row) counts.set(f, (row = new Float64Array(labels.length)))
			row[i]!++
			totals[i]!++
		}
	}
	const vocabulary = counts.size + 1
	const denominator = labels.map((_, i) => Math.log(totals[i]! + ALPHA * vocabulary))
	const logLikelihood = new Map<string, Float64Array>()
	for (const [f, row] of counts)
		logLikelihood.set(
			f,
			row.map((n, i) => Math.log(n + ALPHA) - denominator[i]!),
		)
	return {
		labels,
		logPrior: labels.map((_, i) => Math.log((docs[i]! + 1) / (examples.length + labels.length))),
		logLikelihood,
		unseen: Float64Array.from(labels, (_, i) => Math.log(ALPHA) - denominator[i]!),
		documents: examples.length,
	}
}

/** Each label's log score for a text (features the model never saw are left out). */
export function naiveBayesScores(model: NaiveBayes, text: string): Map<string, number> {
	const scores = [...model.logPrior]
	for (const f of features(text)) {
		const row = model.logLikelihood.get(f)
		if (!row) continue
		for (let i = 0; i < scores.length; i++) scores[i]! += row[i]!
	}
	return new Map(model.labels.map((l, i) => [l, scores[i]!]))
}

/** How many of each label's keywords the text holds: a keyword is the start of a word, or a phrase. */
export function keywordMatches(text: string, keywords: ReadonlyMap<string, readonly string[]>): Map<string, number> {
	const folded = fold(text)
	const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
	const out = new Map<string, number>()
	for (const [label, list] of keywords) {
		let n = 0
		for (const keyword of list) {
			const k = fold(keyword.trim())
			if (!k) continue
			if (k.includes(' ') ? folded.includes(k) : words.some((w) => w.startsWith(k))) n++
		}
		if (n) out.set(label, n)
	}
	return out
}

export type Ranked = { label: string; score: number }

/**
 * The `k` likeliest labels: the classifier's scores plus a bonus per keyword match once it has
 * learnt from MIN_TRAINING insights, else the keyword matches alone (none matched: none).
 */
export function rankLabels(text: string, model: NaiveBayes | null, keywords: ReadonlyMap<string, readonly string[]>, k = 3): Ranked[] {
	const matches = keywordMatches(text, keywords)
	let ranked: Ranked[]
	if (model && model.documents >= MIN_TRAINING && features(text).some((f) => model.logLikelihood.has(f))) {
		ranked = [...naiveBayesScores(model, text)]
			.filter(([label]) => keywords.size === 0 || keywords.has(label))
			.map(([label, score]) => ({ label, score: score + KEYWORD_WEIGHT * (matches.get(label) ?? 0) }))
	} else ranked = [...matches].map(([label, score]) => ({ label, score }))
	return ranked.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label)).slice(0, k)
}

/** Words that say how the customer reached us, English and Italian, by channel name in the default taxonomy. */
export const CHANNEL_WORDS: Record<string, string[]> = {
	Phone: [
		'called',
		'calls',
		'caller',
		'phoned',
		'on the phone',
		'on hold',
		'call centre',
		'call center',
		'hotline',
		'telefonat',
		'ha chiamato',
		'al telefono',
		'in linea',
	],
	Branch: ['in branch', 'at the branch', 'branch desk', 'came in', 'walked in', 'in filiale', 'allo sportello della filiale', 'in agenzia'],
	Chat: ['chat', 'chatbot', 'in chat'],
	Email: ['email', 'e-mail', 'wrote to us', 'ci ha scritto'],
	Social: ['posted', 'tweet', 'facebook', 'instagram', 'social', 'review online', 'recensione'],
	App: ['in the app', 'the app', "nell'app", "dall'app", 'app '],
	Web: ['website', 'online banking', 'home banking', 'sul sito', 'sito web'],
	'ATM / self-service': ['atm', 'cash machine', 'bancomat', 'sportello automatico'],
}

/** The channel a text names, when one clearly does (the first listed wins a tie); null otherwise. */
export function channelFromText(text: string): string | null {
	const folded = ` ${fold(text)} `
	let best: { name: string; n: number } | null = null
	for (const [name, words] of Object.entries(CHANNEL_WORDS)) {
		const n = words.filter((w) =>
			w.includes(' ') || w.endsWith("'") ? folded.includes(fold(w)) : new RegExp(`\\b${fold(w)}`).test(folded),
		).length
		if (n && (!best || n > best.n)) best = { name, n }
	}
	return best?.name ?? null
}
