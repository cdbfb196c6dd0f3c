/**
 * Emerging moments (issue 19, part 4; decision 060): insights logged without a moment of truth,
 * grouped by the words they share that the rest of the organisation's insights do not use.
 * Pure: the model layer reads the insights and keeps the result.
 *
 * Each text becomes its stems and concepts and its adjacent stem pairs (the tag suggestions'
 * `features`, so English and Italian meet where the concepts say so). A feature is significant
 * in the untagged insights of the window (the foreground) when, against every other insight
 * (the background: all tagged ones and the untagged ones before the window), it is
 *   - in at least MIN_INSIGHTS of them,
 *   - over-represented by a log-likelihood ratio (Dunning's G²) above 10.83, p < 0.001, and
 *   - at least MIN_LIFT times as frequent.
 * Significant features are ranked by the JLH score (absolute × relative rise, as Elasticsearch's
 * significant_terms does), which favours the specific ("app update") over the broad ("app").
 * Groups are then formed by sequential covering: the best feature's insights, plus those that
 * hold two of the words most of them share, form a group and leave the pool, and the scores
 * are counted again over what is left. A group is offered when it recurs: MIN_INSIGHTS insights
 * on MIN_DAYS different days at least.
 */
import { z } from 'zod'
import { fold, WORD_BREAK, wordToken } from '#app/models/similarity.ts'
import { features } from '#app/models/suggest.ts'
import { TranslationsSchema } from '#app/models/taxonomy.ts'
import { NameSchema } from '#app/models/user.ts'

export const EMERGING = {
	/** The window looked at, in days. */
	windowDays: 28,
	minInsights: 5,
	minDays: 3,
	minLift: 3,
	/** χ² with one degree of freedom at p = 0.001. */
	minG2: 10.83,
	/** How many groups are offered at once. */
	maxGroups: 8,
	/** A word is one of a group's own words when at least this share of the group's insights hold it. */
	coreShare: 0.5,
	/** The words of a label are at most this many words apart, and at most this many in all. */
	labelGap: 3,
	labelWords: 8,
} as const

/** An admin makes a candidate a moment of truth: its name, the stage it happens in, the insights to tag. */
export const AdoptSchema = z.object({
	key: z.string().trim().min(1),
	name: NameSchema,
	names: TranslationsSchema,
	stageId: z.string({ error: 'validation.unknownStage' }).trim().min(1, 'validation.unknownStage'),
	insightIds: z
		.array(z.string().trim().min(1), { error: 'emerging.chooseInsights' })
		.min(1, 'emerging.chooseInsights')
		.max(500, 'validation.tooLong'),
})

export type EmergingDoc = { id: string; text: string; day: number }

export type EmergingGroup = {
	/** The feature that formed the group: a stable key for the page. */
	key: string
	/** The words the group's insights most often say, as they say them ("app update logged"). */
	label: string
	/** The group's insights, in the order given. */
	ids: string[]
	days: number
}

/** 2 Σ O ln(O/E) for the 2×2 table (a of n in the foreground, c of m in the background). */
export function logLikelihoodRatio(a: number, n: number, c: number, m: number) {
	const total = n + m
	const withIt = a + c
	const cell = (observed: number, expected: number) => (observed > 0 ? observed * Math.log(observed / expected) : 0)
	return (
		2 *
		(cell(a, (n * withIt) / total) +
			cell(n - a, (n * (total - withIt)) / total) +
			cell(c, (m * withIt) / total) +
			cell(m - c, (m * (total - withIt)) / total))
	)
}

const featureSet = (text: string) => new Set(features(text))

/** In how many of the texts each feature is. */
function frequencies(sets: Iterable<Set<string>>) {
	const df = new Map<string, number>()
	for (const set of sets) for (const f of set) df.set(f, (df.get(f) ?? 0) + 1)
	return df
}

export type Background = { df: Map<string, number>; n: number }

/** The background's feature frequencies, from its texts. */
export function background(texts: Iterable<string>): Background {
	let n = 0
	const sets = (function* () {
		for (const text of texts) {
			n++
			yield featureSet(text)
		}
	})()
	const df = frequencies(sets)
	return { df, n }
}

type Scored = { feature: string; a: number; jlh: number }

/** The significant features of the foreground pool, best first. */
function significant(pool: Array<Set<string>>, bg: Background): Scored[] {
	const n = pool.length
	const m = Math.max(bg.n, 1)
	const out: Scored[] = []
	for (const [feature, a] of frequencies(pool)) {
		if (a < EMERGING.minInsights) continue
		const c = bg.df.get(feature) ?? 0
		const fg = a / n
		// Half an insight where the background has none, so a lift stays finite.
		const bgShare = Math.max(c, 0.5) / m
		const lift = fg / bgShare
		if (lift < EMERGING.minLift) continue
		if (logLikelihoodRatio(a, n, c, bg.n) < EMERGING.minG2) continue
		out.push({ feature, a, jlh: (fg - bgShare) * lift })
	}
	return out.sort((x, y) => y.jlh - x.jlh || y.a - x.a || (x.feature < y.feature ? -1 : 1))
}

const isWord = (feature: string) => !feature.includes('+')

/** The recurring groups of the foreground against the background, most telling first. */
export function emergingGroups(docs: readonly EmergingDoc[], bg: Background): EmergingGroup[] {
	const sets = new Map(docs.map((d) => [d.id, featureSet(d.text)]))
	const byId = new Map(docs.map((d) => [d.id, d]))
	let pool = docs.map((d) => d.id)
	const groups: EmergingGroup[] = []
	const tried = new Set<string>()
	while (groups.length < EMERGING.maxGroups && pool.length >= EMERGING.minInsights) {
		const candidates = significant(
			pool.map((id) => sets.get(id)!),
			bg,
		).filter((s) => !tried.has(s.feature))
		let formed: EmergingGroup | null = null
		for (const { feature } of candidates) {
			tried.add(feature)
			const seed = pool.filter((id) => sets.get(id)!.has(feature))
			// The words most of its insights hold name it; those of them the pool holds significantly often (its
			// own words) also bring in the insights that hold two of them without the feature itself.
			const share = frequencies(seed.map((id) => sets.get(id)!))
			const common = new Set(feature.split('+'))
			for (const [f, k] of share) if (isWord(f) && k >= seed.length * EMERGING.coreShare) common.add(f)
			const core = new Set([...common].filter((f) => feature.split('+').includes(f) || candidates.some((c) => c.feature === f)))
			const needed = Math.min(2, core.size)
			const seedSet = new Set(seed)
			const ids = pool.filter((id) => {
				if (seedSet.has(id)) return true
				let held = 0
				for (const word of core) if (sets.get(id)!.has(word)) held++
				return held >= needed
			})
			const days = new Set(ids.map((id) => byId.get(id)!.day)).size
			if (ids.length < EMERGING.minInsights || days < EMERGING.minDays) continue
			formed = {
				key: feature,
				label: label(
					ids.map((id) => byId.get(id)!.text),
					common,
				),
				ids,
				days,
			}
			break
		}
		if (!formed) break
		groups.push(formed)
		const taken = new Set(formed.ids)
		pool = pool.filter((id) => !taken.has(id))
	}
	return groups
}

/**
 * The group's words as its insights say them: in each text, the run of the group's own words
 * (at most labelGap words apart) that holds most of them; of the phrases within those runs
 * that begin and end on one of the group's words and that a quarter of the texts (two at least)
 * share, the one with most of the group's words times the texts that say it wins, then the one
 * of more of the group's words.
 */
export function label(texts: readonly string[], core: ReadonlySet<string>): string {
	const phrases = new Map<string, { texts: Set<number>; distinct: number }>()
	texts.forEach((text, t) => {
		const words = text.split(WORD_BREAK).filter(Boolean)
		const hits = words.flatMap((word, i) => {
			const token = wordToken(fold(word))
			return token && core.has(token) ? [{ i, token }] : []
		})
		// The runs of hits no more than labelGap words apart; the one of most distinct words.
		let best: typeof hits = []
		let run: typeof hits = []
		const distinct = (list: typeof hits) => new Set(list.map((h) => h.token)).size
		for (const hit of [...hits, null]) {
			if (!hit || (run.length && hit.i - run[run.length - 1]!.i > EMERGING.labelGap)) {
				if (distinct(run) > distinct(best)) best = run
				run = []
			}
			if (hit) run.push(hit)
		}
		for (let a = 0; a < best.length; a++)
			for (let b = a; b < best.length && best[b]!.i - best[a]!.i < EMERGING.labelWords; b++) {
				const phrase = words
					.slice(best[a]!.i, best[b]!.i + 1)
					.join(' ')
					.toLowerCase()
				const entry = phrases.get(phrase) ?? { texts: new Set<number>(), distinct: distinct(best.slice(a, b + 1)) }
				entry.texts.add(t)
				phrases.set(phrase, entry)
			}
	})
	const shared = Math.max(2, Math.ceil(texts.length / 4))
	const ranked = [...phrases].sort(
		([a, x], [b, y]) =>
			Number(y.texts.size >= shared) - Number(x.texts.size >= shared) ||
			y.texts.size * y.distinct - x.texts.size * x.distinct ||
			y.distinct - x.distinct ||
			y.texts.size - x.texts.size ||
			a.length - b.length ||
			(a < b ? -1 : 1),
	)
	return ranked[0]?.[0] ?? ''
}
