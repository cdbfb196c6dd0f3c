import { expect, test } from 'vitest'
import { alikeEnough, SIMILARITY_THRESHOLD, stems } from '#app/models/similarity.ts'

const stolen = 'Customer in Lisbon, both cards stolen with her bag, could not block them: the app sends the code to the stolen phone.'
const pool = [
	{ id: 'paraphrase', body: 'Client robbed abroad, phone and cards taken; freezing the card needs an SMS that goes to that phone.' },
	{ id: 'mortgage', body: 'Customer asked why the mortgage was refused; the letter gives no reason.' },
	{ id: 'fee', body: 'Customer charged the card annual fee twice, had to call three times.' },
	{ id: 'italian', body: 'Alla cliente hanno rubato le carte e il telefono, non riesce a bloccarle perché il codice arriva via SMS.' },
]

test('the same moment told in other words is suggested; a different problem sharing "customer" and "card" is not', () => {
	const shown = alikeEnough(stolen, pool, (c) => c.body).map((s) => s.candidate.id)
	expect(shown[0]).toBe('paraphrase')
	expect(shown).not.toContain('mortgage')
	expect(shown).not.toContain('fee')
})

test('Italian words meet their English concepts, folded for case and accents', () => {
	expect([...stems('Carta RUBATA, perché?')]).toEqual(expect.arrayContaining(['=theft', '=reason']))
	expect([...stems('Stolen card')]).toContain('=theft')
	const [best] = alikeEnough('Carte rubate, non riesco a bloccarle: il codice SMS arriva sul telefono rubato', pool, (c) => c.body)
	expect(best?.candidate.id).toBe('italian')
	expect(best!.score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD)
})

test('empty or function-word-only text matches nothing', () => {
	expect(alikeEnough('', pool, (c) => c.body)).toEqual([])
	expect(alikeEnough('the and of il la', pool, (c) => c.body)).toEqual([])
})
