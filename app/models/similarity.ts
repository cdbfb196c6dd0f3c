/**
 * How alike two short texts are, for duplicate suggestions ("a colleague logged this
 * already"): the cosine of their word vectors, each word weighted by how rare it is among the
 * texts compared (IDF), so "customer" or "card" count little and "swallowed" or "mortgage" a
 * lot. Words are folded (case, accents), common English and Italian function words dropped,
 * and cut to their first STEM letters, a crude stemmer that serves both languages ("carte",
 * "carta" → "cart"; "stolen", "stole" → "stole"). The threshold is measured on the labelled
 * pairs in tests/fixtures/duplicate-pairs.json by `npm run bench` (docs/performance.md).
 */
export const STEM = 5
export const SIMILARITY_THRESHOLD = 0.25

const STOPWORDS = new Set(
	(
		'a an and are as at be been but by for from had has have he her his i if in into is it its me my no not of on or our she so ' +
		'that the their them then there they this to too us was we were what when which who will with you your would could can did do does ' +
		'all any about after again also am because before being both each few more most other some such than very just only own same ' +
		'il lo la i gli le un uno una di da del dello della dei degli delle al allo alla ai agli alle dal dalla dai dalle nel nello nella nei ' +
		'negli nelle sul sulla sui sulle con per tra fra e ed o ma che chi cui non si se mi ti ci vi ne è era sono ha hanno ho come anche ' +
		'più già poi perché quando dove suo sua suoi sue loro questo questa questi queste quello quella mai sempre ancora molto solo ' +
		'customer customers client cliente clienti'
	).split(' '),
)

/**
 * Words that name the same thing in a bank's moments of truth, in English and Italian, by the
 * start of the word: a stolen card is "stolen", "theft", "rubata" or "furto". One concept
 * counts as one word, so two people's telling of the same moment meet even when they share
 * no word. Grown from the default taxonomy's events; extend it with new events.
 */
const CONCEPTS: Record<string, string[]> = {
	theft: ['stole', 'steal', 'theft', 'thief', 'robbe', 'pickpock', 'rubat', 'rubar', 'furto', 'sottratt', 'scippo'],
	lost: ['lost', 'lose', 'missing', 'perso', 'persa', 'smarrit'],
	atm: ['atm', 'cashpoint', 'cash machine', 'bancomat', 'sportello'],
	swallow: ['swallow', 'kept', 'retain', 'eaten', 'trattenut', 'inghiott', 'mangiat'],
	decline: ['declin', 'refus', 'reject', 'denied', 'rifiut', 'respint', 'negat'],
	code: ['sms', 'text message', 'otp', 'code', 'codice', 'verific'],
	phone: ['phone', 'mobile', 'telefon', 'cellular', 'smartphone'],
	block: ['block', 'lock', 'freez', 'frozen', 'blocc', 'congel'],
	mortgage: ['mortgag', 'home loan', 'mutuo', 'mutui'],
	loan: ['loan', 'prestit', 'finanziam'],
	fee: ['fee', 'charge', 'canone', 'quota', 'commission', 'penal', 'addebit'],
	double: ['twice', 'double', 'duplicat', 'due volte', 'doppi'],
	refund: ['refund', 'money back', 'reimburs', 'rimbors', 'riavere', 'restitu'],
	abroad: ['abroad', 'travel', 'trip', 'overseas', 'estero', 'viaggi', 'vacanz', 'fuori italia'],
	address: ['address', 'home address', 'house', 'indirizz', 'residenz', 'casa'],
	replacement: ['replace', 'new card', 'sostitut', 'nuova carta'],
	pin: ['pin'],
	branch: ['branch', 'filial', 'agenzia'],
	flight: ['flight', 'fly', 'plane', 'airline', 'volo', 'voli', 'aereo'],
	cancel: ['cancel', 'cancell', 'annull'],
	ticket: ['ticket', 'booking', 'biglietto', 'prenotaz'],
	contactless: ['contactless', 'tap to pay', 'tap', 'senza contatto', 'nfc'],
	magnet: ['magnet', 'demagnet', 'calamit', 'smagnet'],
	chip: ['chip'],
	wait: ['wait', 'hold', 'queue', 'attesa', 'aspett', 'in linea', 'mezz'],
	salary: ['salary', 'wage', 'pay got', 'his pay', 'stipend', 'accredito'],
	rent: ['rent', 'affitt'],
	check: ['check', 'review', 'complian', 'controll', 'antiriciclagg', 'verific'],
	overdraft: ['overdraft', 'over the limit', 'under zero', 'sconfinam', 'scopert', 'in rosso'],
	bot: ['chatbot', 'chat bot', 'bot', 'virtual assistant', 'assistente virtuale'],
	person: ['agent', 'person', 'human', 'operator', 'operatore', 'persona'],
	faq: ['faq', 'help article', 'domande frequenti'],
	dispute: ['disput', 'contest', 'disconosc', 'chargeback'],
	online: ['online', 'shop', 'website', 'ecommerce', 'sito', 'acquist'],
	secure: ['3d secure', 'secure'],
	death: ['deceas', 'death', 'dead', 'bereav', 'died', 'defunt', 'morte', 'morto', 'eredi', 'decess', 'success'],
	documents: ['document', 'certificat', 'paperwork', 'documenti'],
	debit: ['debit', 'debito'],
	open: ['open', 'apertur', 'aperto', 'aprire'],
	post: ['post', 'mail', 'poste', 'spedit', 'spedizion'],
	cash: ['cash', 'money', 'contant', 'soldi', 'denaro'],
	taxi: ['taxi', 'cab'],
	night: ['night', 'late', 'notte', 'sera'],
	embarrass: ['embarrass', 'staring', 'imbarazz', 'figurac', 'vergogn'],
	checkout: ['checkout', 'till', 'supermarket', 'cassa', 'supermercat', 'pos'],
	reason: ['reason', 'why', 'motivaz', 'perche', 'perché', 'spiegaz'],
	weeks: ['week', 'fortnight', 'settiman', 'quindici giorni'],
	month: ['month', 'mese', 'mesi'],
	app: ['app', 'online banking', 'home banking'],
	update: ['update', 'upgrad', 'aggiorn'],
	signout: [
		'logged out',
		'log out',
		'logout',
		'signed out',
		'sign out',
		'kicked out',
		'disconness',
		'sloggat',
		'scollegat',
		'buttat fuori',
	],
}

export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

// Prefix → concept, one-word prefixes only; the few two-word ones are matched on the text.
const SINGLE = new Map<string, string>()
const PHRASES: Array<[string, string]> = []
for (const [concept, prefixes] of Object.entries(CONCEPTS)) {
	for (const prefix of prefixes) {
		if (prefix.includes(' ')) PHRASES.push([fold(prefix), concept])
		else SINGLE.set(fold(prefix), concept)
	}
}
const LONGEST = Math.max(...[...SINGLE.keys()].map((k) => k.length))

function conceptOf(word: string) {
	for (let length = Math.min(word.length, LONGEST); length >= 2; length--) {
		const concept = SINGLE.get(word.slice(0, length))
		if (concept) return concept
	}
	return null
}

/** The stems (or concepts) of a text in order, repeats kept: the two-word concepts first, then word by word. */
export function tokens(text: string): string[] {
	const out: string[] = []
	const folded = fold(text)
	for (const [phrase, concept] of PHRASES) if (folded.includes(phrase)) out.push(`=${concept}`)
	for (const word of folded.split(WORD_BREAK)) {
		const token = wordToken(word)
		if (token) out.push(token)
	}
	return out
}

/** What splits a text into words. */
export const WORD_BREAK = /[^\p{L}\p{N}]+/u

/** One folded word's stem or concept, or null for a function word or a letter. */
export function wordToken(word: string): string | null {
	if (word.length < 2 || STOPWORDS.has(word)) return null
	const concept = conceptOf(word)
	if (concept) return `=${concept}`
	return word.length >= 3 ? word.slice(0, STEM) : null
}

/** The distinct stems (or concepts) of a text. */
export function stems(text: string): Set<string> {
	return new Set(tokens(text))
}

/** In how many of the texts each stem appears. */
export function documentFrequencies(texts: Array<Set<string>>) {
	const df = new Map<string, number>()
	for (const set of texts) for (const stem of set) df.set(stem, (df.get(stem) ?? 0) + 1)
	return { df, n: texts.length }
}

type Frequencies = ReturnType<typeof documentFrequencies>

const idf = ({ df, n }: Frequencies, stem: string) => Math.log((n + 1) / ((df.get(stem) ?? 0) + 1)) + 1

/** 0 (nothing in common) … 1 (the same words). */
export function similarity(a: Set<string>, b: Set<string>, frequencies: Frequencies) {
	if (!a.size || !b.size) return 0
	let dot = 0
	let normA = 0
	let normB = 0
	for (const stem of a) {
		const w = idf(frequencies, stem) ** 2
		normA += w
		if (b.has(stem)) dot += w
	}
	for (const stem of b) normB += idf(frequencies, stem) ** 2
	return dot / Math.sqrt(normA * normB)
}

/**
 * The candidates alike enough to `text` to be worth showing, most alike first. Rarity is
 * counted among the candidates and the text itself (the search index's recent matches).
 */
export function alikeEnough<T>(text: string, candidates: T[], textOf: (candidate: T) => string, threshold = SIMILARITY_THRESHOLD) {
	const query = stems(text)
	const sets = candidates.map((c) => stems(textOf(c)))
	const frequencies = documentFrequencies([query, ...sets])
	return candidates
		.map((candidate, i) => ({ candidate, score: similarity(query, sets[i]!, frequencies) }))
		.filter((s) => s.score >= threshold)
		.sort((a, b) => b.score - a.score)
}
