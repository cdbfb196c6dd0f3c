/**
 * Emotion hint: a small English and Italian lexicon of word stems and how distressed
 * they sound (1 calm … 5 distressed). It only suggests a rating; the person's choice is
 * what is saved. Extend it by adding stems (lower case, without accents); a stem shared by
 * both languages (frustrat, confus) is listed once.
 */
export const EMOTION_LEXICON: Record<string, number> = {
	// English
	furious: 5,
	outrag: 5,
	desperat: 5,
	panic: 5,
	cried: 5,
	crying: 5,
	tears: 5,
	distraught: 5,
	terrified: 5,
	stranded: 5,
	humiliat: 5,
	devastat: 5,
	angry: 4,
	anger: 4,
	upset: 4,
	scared: 4,
	afraid: 4,
	embarrass: 4,
	stressed: 4,
	shout: 4,
	yell: 4,
	threaten: 4,
	worried: 3,
	worry: 3,
	frustrat: 3,
	annoy: 3,
	disappoint: 3,
	complain: 3,
	impatient: 3,
	confus: 2,
	unsure: 2,
	concern: 2,
	calm: 1,
	happy: 1,
	relieved: 1,
	grateful: 1,
	thankful: 1,
	pleased: 1,
	thank: 1,
	reassur: 1,
	// Italian
	furios: 5,
	disperat: 5,
	panico: 5,
	piangev: 5,
	pianto: 5,
	lacrim: 5,
	terrorizzat: 5,
	umiliat: 5,
	sconvolt: 5,
	arrabbiat: 4,
	spaventat: 4,
	imbarazz: 4,
	stressat: 4,
	urlav: 4,
	urlato: 4,
	minacc: 4,
	agitat: 4,
	preoccupat: 3,
	infastidit: 3,
	delus: 3,
	lamentat: 3,
	spazientit: 3,
	perplesso: 2,
	perplessa: 2,
	calmo: 1,
	calma: 1,
	tranquill: 1,
	contento: 1,
	contenta: 1,
	sollevat: 1,
	grato: 1,
	grata: 1,
	soddisfatt: 1,
	ringrazi: 1,
	rassicurat: 1,
}

const STEMS = Object.entries(EMOTION_LEXICON)

/** The known words of a text, in order, with how distressed each sounds. */
function emotionWords(text: string): Array<[string, number]> {
	const words = text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.match(/\p{L}+/gu)
	const hits: Array<[string, number]> = []
	for (const word of words ?? []) {
		const match = STEMS.find(([stem]) => word.startsWith(stem))
		if (match) hits.push([word, match[1]])
	}
	return hits
}

/** The suggested rating at the worst point and the words behind it, or null when no word is known. */
export function suggestEmotion(text: string): { value: number; words: string[] } | null {
	const hits = emotionWords(text)
	if (!hits.length) return null
	// The strongest word sets the tone: one "furious" outweighs two "calm"s.
	return { value: Math.max(...hits.map(([, score]) => score)), words: [...new Set(hits.map(([word]) => word))] }
}

/**
 * The peak and, when the story goes on after it, the end: the tone of the last known word
 * after the strongest one ("furious … in the end she thanked us" → 5, then 1). Null end when
 * nothing follows the peak.
 */
export function suggestMoment(text: string): { peak: number; end: number | null; words: string[] } | null {
	const hits = emotionWords(text)
	const peak = suggestEmotion(text)
	if (!peak) return null
	const at = hits.findIndex(([, score]) => score === peak.value)
	const last = hits.at(-1)!
	const end = hits.length - 1 > at && last[1] < peak.value ? last[1] : null
	return { peak: peak.value, end, words: peak.words }
}
