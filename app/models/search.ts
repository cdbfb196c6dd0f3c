export const SEARCH_KINDS = ['idea', 'insight', 'comment'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]
export const SEARCH_PAGE_SIZE = 20
export const SEARCH_QUERY_MAX = 5000
/** Markers FTS5 puts around matches; the page turns them into <mark> elements. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'

/**
 * Turns whatever a person typed into a safe FTS5 query: only runs of letters and digits
 * survive, each becomes a quoted term, so quotes, operators, column filters and emoji can
 * never change the query's meaning or make it fail. The last word is a prefix ("car"*),
 * as it may still be being typed.
 */
export function toFtsQuery(input: string, mode: 'all' | 'any' = 'all', kind?: SearchKind) {
	const terms = queryTerms(input)
	if (!terms.length) return null
	const words = terms.map((t, i) => (i === terms.length - 1 ? `"${t}"*` : `"${t}"`)).join(mode === 'all' ? ' ' : ' OR ')
	// Words are looked for in the text columns only; the kind is a fixed value of ours.
	const text = `{title body} : (${words})`
	return kind ? `kind : ${kind} AND ${text}` : text
}

/**
 * Ranking looks at the most recent matches only (by index order, which follows creation):
 * a word found in a third of a million texts then costs the same as a rare one.
 */
export const RANK_WINDOW = 500
/**
 * Anonymous items have no place in the index order (they sit at random negative rowids): this
 * many of their matches are ranked too, a tenth of the window, about their share of the items.
 */
export const ANONYMOUS_WINDOW = 50

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
// Text folded like the index folds it; ASCII, the common case, skips the Unicode normalisation.
// eslint-disable-next-line no-control-regex -- the test is for anything outside ASCII
const foldText = (text: string) => (/[^\u0000-\u007f]/.test(text) ? fold(text) : text.toLowerCase())

// BM25F constants: the usual k1 and b; a title word counts four times a body word.
const K1 = 1.2
const B = 0.75
const TITLE_WEIGHT = 4

/**
 * Orders matches by BM25F over the title and body, newest first on a tie. Computed here, on
 * the window of recent matches, because FTS5's bm25() first scans every match of each word to
 * count them (tens of milliseconds for a common word at 800,000 texts). Words weigh the same
 * (no document frequency): with "all words" every match has every word anyway. The last
 * term matches the start of a word, as in the query.
 */
export function rankMatches<T extends { rid: number; title: string; body: string }>(rows: T[], terms: string[]): T[] {
	if (!rows.length || !terms.length) return rows
	const prefixAt = terms.length - 1
	const words = (text: string) =>
		foldText(text)
			.split(/[^\p{L}\p{N}]+/u)
			.filter(Boolean)
	const scored = rows.map((row) => {
		const title = words(row.title)
		const body = words(row.body)
		return { row, title, body, length: TITLE_WEIGHT * title.length + body.length, score: 0 }
	})
	const average = scored.reduce((sum, s) => sum + s.length, 0) / scored.length || 1
	const matches = (word: string, i: number) => (i === prefixAt ? word.startsWith(terms[i]!) : word === terms[i])
	for (const s of scored) {
		const norm = K1 * (1 - B + (B * s.length) / average)
		for (let i = 0; i < terms.length; i++) {
			let tf = 0
			for (const w of s.title) if (matches(w, i)) tf += TITLE_WEIGHT
			for (const w of s.body) if (matches(w, i)) tf += 1
			if (tf) s.score += (tf * (K1 + 1)) / (tf + norm)
		}
	}
	return scored.sort((a, b) => b.score - a.score || b.row.rid - a.row.rid).map((s) => s.row)
}

/** The query's words, folded like the index folds them (case and accents). */
export function queryTerms(input: string) {
	return [...new Set((input.slice(0, SEARCH_QUERY_MAX).match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => fold(t).slice(0, 40)))].slice(0, 12)
}

/**
 * A short extract around the first match with every matching word between markers.
 * Built here rather than by FTS5's snippet(), which costs milliseconds per row on large
 * indexes; words match like the query does (folded, by prefix).
 */
export function makeSnippet(text: string, terms: string[], size = 32) {
	const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)]
	const hit = (w: string) => terms.some((t) => fold(w).startsWith(t))
	const first = Math.max(
		0,
		words.findIndex((w) => hit(w[0])),
	)
	const from = Math.max(0, first - Math.floor(size / 4))
	const to = Math.min(words.length, from + size)
	if (!words.length) return text.slice(0, 200)
	const start = words[from]!.index
	const end = to < words.length ? words[to]!.index : text.length
	let out = ''
	let cursor = start
	for (const w of words.slice(from, to)) {
		out += text.slice(cursor, w.index)
		out += hit(w[0]) ? `${MARK_START}${w[0]}${MARK_END}` : w[0]
		cursor = w.index + w[0].length
	}
	out += text.slice(cursor, end)
	return `${from > 0 ? '…' : ''}${out.trim()}${end < text.length ? '…' : ''}`
}

/** Splits highlighted text into plain and marked pieces. */
export function highlightSegments(text: string) {
	const out: Array<{ text: string; marked: boolean }> = []
	for (const [i, part] of text.split(MARK_START).entries()) {
		if (i === 0) {
			if (part) out.push({ text: part, marked: false })
			continue
		}
		const [marked = '', rest = ''] = part.split(MARK_END)
		if (marked) out.push({ text: marked, marked: true })
		if (rest) out.push({ text: rest, marked: false })
	}
	return out
}
