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
}

/** The languages an admin may name an entry in besides the default one (its `name`). */
export const TRANSLATED_LOCALES = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE)

const TranslationsSchema = z
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
