import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { insertUnordered } from '#app/models/anonymity.server.ts'
import { getDb, type Tx } from '#db/index.ts'
import { receipts } from '#db/schema.ts'

const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789' // no 0/O, 1/I/L, U: easy to read back

function hashCode(normalized: string) {
	return crypto.createHash('sha256').update(normalized).digest('hex')
}

/** Upper-case, without spaces, dashes or the VOCE- prefix, so a retyped code still matches. */
export function normalizeReceipt(code: string) {
	return code
		.toUpperCase()
		.replace(/[^A-Z0-9]/g, '')
		.replace(/^VOCE/, '')
}

/** 24 random characters (≈118 bits), shown once as VOCE-XXXX-XXXX-…; only the hash is stored. */
export function createReceipt(tx: Tx, target: { ideaId: string } | { insightId: string }) {
	const bytes = crypto.randomBytes(24)
	const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
	insertUnordered(tx, receipts, { codeHash: hashCode(chars), ...target })
	return `VOCE-${chars.match(/.{4}/g)!.join('-')}`
}

export function findReceipt(code: string) {
	const normalized = normalizeReceipt(code)
	if (normalized.length !== 24) return null
	return (
		getDb()
			.select({ ideaId: receipts.ideaId, insightId: receipts.insightId })
			.from(receipts)
			.where(eq(receipts.codeHash, hashCode(normalized)))
			.get() ?? null
	)
}
