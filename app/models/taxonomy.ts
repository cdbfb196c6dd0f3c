import { z } from 'zod'
import { NameSchema } from '#app/models/user.ts'

export const TAXONOMY_KINDS = ['stages', 'events', 'channels'] as const
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number]

export type TaxonomyEntry = {
	id: string
	name: string
	nameIt: string | null
	retiredAt: Date | null
	defaultStageId?: string
}

export const TaxonomyEntrySchema = z.object({
	name: NameSchema,
	nameIt: z.string().trim().max(120, 'validation.tooLong').optional(),
	defaultStageId: z.string().trim().optional(),
})

export const DEFAULT_STAGES = [
	['Discover', 'Scoperta'],
	['Join', 'Adesione'],
	['Onboard', 'Avvio'],
	['Use', 'Utilizzo'],
	['Pay', 'Pagamento'],
	['Get help', 'Assistenza'],
	['Renew or leave', 'Rinnovo o abbandono'],
] as const

/** Default critical events with the stage they usually happen in (PRODUCT.md). */
export const DEFAULT_EVENTS = [
	['Card lost or stolen', 'Carta persa o rubata', 'Use'],
	['Card not working (demagnetised, damaged)', 'Carta non funzionante (smagnetizzata, danneggiata)', 'Use'],
	['Payment declined', 'Pagamento rifiutato', 'Pay'],
	['Insufficient funds at checkout', 'Fondi insufficienti alla cassa', 'Pay'],
	['Loan or mortgage refused', 'Prestito o mutuo rifiutato', 'Join'],
	['Account locked or fraud alert', 'Conto bloccato o allarme frode', 'Use'],
	['Flight cancelled or missed', 'Volo cancellato o perso', 'Use'],
	['Late or wrong delivery', 'Consegna in ritardo o errata', 'Onboard'],
	['Product failure when most needed', 'Guasto del prodotto nel momento del bisogno', 'Use'],
	['Billing error', 'Errore di fatturazione', 'Pay'],
] as const

export const DEFAULT_CHANNELS = [
	['Phone', 'Telefono'],
	['Branch', 'Filiale'],
	['Chat', 'Chat'],
	['Email', 'E-mail'],
	['Social', 'Social'],
	['App', 'App'],
	['Web', 'Web'],
	['ATM / self-service', 'ATM / self-service'],
	['Field', 'Sul campo'],
] as const
