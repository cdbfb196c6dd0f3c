export const SEARCH_KINDS = ['idea', 'insight', 'comment'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]
export const SEARCH_PAGE_SIZE = 20
export const SEARCH_QUERY_MAX = 5000
/** Markers FTS5 puts around matches; the page turns them into <mark> elements. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'

/**
 * Turns whatever a person typed into a safe FTS5 query: only runs of letters and digits
 * survive, each becomes a quoted prefix term ("card"*), so quotes, operators, column
 * filters and emoji can never change the query's meaning or make it fail.
 */
export function toFtsQuery(input: string, mode: 'all' | 'any' = 'all') {
	const terms = [...new Set((input.slice(0, SEARCH_QUERY_MAX).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => t.slice(0, 40)))].slice(0, 12)
	if (!terms.length) return null
	return terms.map((t) => `"${t}"*`).join(mode === 'all' ? ' ' : ' OR ')
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
