import { z } from 'zod'
import { LOCALES, type Locale, type TranslatedNames } from '#app/locales/index.ts'
import { NameSchema } from '#app/models/user.ts'
import { DEFAULT_LOCALE, localizedName } from '#app/utils/i18n.ts'

export const TAXONOMY_KINDS = ['stages', 'events', 'channels'] as const
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number]

/** A stage, event or channel as every list and tag shows it: its default name and its other languages. */
export type LocalizedEntry = { id: string; name: string; names: TranslatedNames }

export type TaxonomyEntry = LocalizedEntry & {
	retiredAt: Date | null
	defaultStageId?: string
	/** A critical event's owners (decision 052). */
	ownerDepartmentId?: string | null
	ownerUserId?: string | null
	keywords?: string[] | null
}

/** The languages an admin may name an entry in besides the default one (its `name`). */
export const TRANSLATED_LOCALES = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE)

export const TranslationsSchema = z
	.object(Object.fromEntries(TRANSLATED_LOCALES.map((locale) => [locale, z.string().trim().max(120, 'validation.tooLong').optional()])))
	.partial()
	.default({})
	// A blank translation is no translation: the default name shows instead.
	.transform((names): TranslatedNames => Object.fromEntries(Object.entries(names).filter(([, name]) => name)))

export const TaxonomyEntrySchema = z.object({
	name: NameSchema,
	names: TranslationsSchema,
	defaultStageId: z.string().trim().optional(),
	/** A critical event's owning department and, optionally, person (by e-mail); blank is none. */
	ownerDepartmentId: z.string().trim().optional(),
	ownerEmail: z.string().trim().toLowerCase().max(254, 'validation.tooLong').optional(),
	/** A critical event's keywords for the tag suggestions (decision 059): separated by commas or lines. */
	keywords: z
		.string()
		.max(2000, 'validation.tooLong')
		.optional()
		.transform((text) =>
			text === undefined
				? undefined
				: [
						...new Set(
							text
								.split(/[,\n]/)
								.map((k) => k.trim().toLowerCase())
								.filter(Boolean),
						),
					],
		)
		.refine((list) => !list || list.every((k) => k.length <= 60), 'validation.keywordTooLong'),
})

/** Select options in the reader's language. */
export function toOptions(entries: readonly LocalizedEntry[], locale: Locale) {
	return entries.map((entry) => ({ value: entry.id, label: localizedName(entry, locale) }))
}

export const DEFAULT_STAGES = [
	['Discover', { it: 'Scoperta' }],
	['Join', { it: 'Adesione' }],
	['Onboard', { it: 'Avvio' }],
	['Use', { it: 'Utilizzo' }],
	['Pay', { it: 'Pagamento' }],
	['Get help', { it: 'Assistenza' }],
	['Renew or leave', { it: 'Rinnovo o abbandono' }],
] as const

/** Default critical events with the stage they usually happen in (PRODUCT.md). */
export const DEFAULT_EVENTS = [
	['Card lost or stolen', { it: 'Carta persa o rubata' }, 'Use'],
	['Card not working (demagnetised, damaged)', { it: 'Carta non funzionante (smagnetizzata, danneggiata)' }, 'Use'],
	['Payment declined', { it: 'Pagamento rifiutato' }, 'Pay'],
	['Insufficient funds at checkout', { it: 'Fondi insufficienti alla cassa' }, 'Pay'],
	['Loan or mortgage refused', { it: 'Prestito o mutuo rifiutato' }, 'Join'],
	['Account locked or fraud alert', { it: 'Conto bloccato o allarme frode' }, 'Use'],
	['Flight cancelled or missed', { it: 'Volo cancellato o perso' }, 'Use'],
	['Late or wrong delivery', { it: 'Consegna in ritardo o errata' }, 'Onboard'],
	['Product failure when most needed', { it: 'Guasto del prodotto nel momento del bisogno' }, 'Use'],
	['Billing error', { it: 'Errore di fatturazione' }, 'Pay'],
] as const

/**
 * The keywords that suggest each default moment of truth from the first day (decision 059):
 * starts of words, or phrases, in English and Italian. Admins edit them with the taxonomy.
 */
export const DEFAULT_KEYWORDS: Record<string, string[]> = {
	'Card lost or stolen': [
		'stolen',
		'stole',
		'theft',
		'thief',
		'pickpocket',
		'robbed',
		'lost',
		'missing',
		'rubat',
		'furto',
		'scippat',
		'smarrit',
		'pers',
		'derubat',
		'sottratt',
	],
	'Card not working (demagnetised, damaged)': [
		'chip',
		'demagnet',
		'magnet',
		'damaged',
		'broken',
		'snapped',
		'unreadable',
		'stripe',
		'bent',
		'smagnet',
		'danneggiat',
		'spezzat',
		'illeggibil',
		'banda',
		'rovinat',
		'graffiat',
	],
	'Payment declined': ['declin', 'refused at', 'rejected', 'not authorised', '3d secure', 'rifiutat', 'respint', 'negat', 'non autorizzat'],
	'Insufficient funds at checkout': [
		'insufficient',
		'not enough money',
		'no funds',
		'balance',
		'overdraft',
		'salary',
		'in the red',
		'fondi',
		'saldo',
		'stipendio',
		'fido',
		'in rosso',
		'disponibil',
		'sconfinament',
	],
	'Loan or mortgage refused': [
		'loan',
		'mortgage',
		'mortage',
		'credit line',
		'credit score',
		'mutuo',
		'prestit',
		'finanziament',
		'merito creditizio',
	],
	'Account locked or fraud alert': [
		'fraud',
		'locked',
		'frozen',
		'blocked',
		'suspicious',
		'phishing',
		'scam',
		'frode',
		'bloccat',
		'congelat',
		'sospett',
		'truff',
	],
	'Flight cancelled or missed': ['flight', 'airline', 'boarding', 'gate', 'connection', 'volo', 'aereo', 'imbarco', 'coincidenz'],
	'Late or wrong delivery': [
		'delivery',
		'delivered',
		'courier',
		'arrived',
		'never came',
		'address',
		'shipped',
		'consegn',
		'corriere',
		'arrivat',
		'spedit',
		'indirizzo',
	],
	'Product failure when most needed': [
		'outage',
		'down',
		'crashed',
		'out of service',
		'unavailable',
		'not working',
		'disservizio',
		'fuori servizio',
		'non disponibil',
		'crash',
		'irraggiungibil',
	],
	'Billing error': [
		'fee',
		'charged',
		'twice',
		'double',
		'commission',
		'interest',
		'statement',
		'canone',
		'addebitat',
		'commission',
		'doppio',
		'interessi',
		'estratto conto',
		'due volte',
	],
}

export const DEFAULT_CHANNELS = [
	['Phone', { it: 'Telefono' }],
	['Branch', { it: 'Filiale' }],
	['Chat', { it: 'Chat' }],
	['Email', { it: 'E-mail' }],
	['Social', { it: 'Social' }],
	['App', { it: 'App' }],
	['Web', { it: 'Web' }],
	['ATM / self-service', { it: 'ATM / self-service' }],
	['Field', { it: 'Sul campo' }],
] as const
