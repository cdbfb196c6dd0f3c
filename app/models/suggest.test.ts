import { expect, test } from 'vitest'
import { channelFromText, features, keywordMatches, MIN_TRAINING, rankLabels, trainNaiveBayes } from '#app/models/suggest.ts'

const keywords = new Map([
	['stolen', ['stolen', 'rubat', 'furto']],
	['declined', ['declin', 'rifiutat']],
	['flight', ['flight', 'volo']],
])

test('features are stems, English and Italian concepts, and adjacent pairs', () => {
	const f = features('Card stolen at the station')
	expect(f).toContain('=theft')
	expect(f).toContain('card')
	expect(f).toContain('card+=theft')
	// "rubata" and "stolen" meet in one concept.
	expect(features('carta rubata')).toContain('=theft')
})

test('from the first day, keywords alone rank the moments; a text with none gets no suggestion', () => {
	expect(rankLabels('Her card was stolen and the payment declined', null, keywords).map((r) => r.label)).toEqual(['declined', 'stolen'])
	expect(rankLabels('Il volo è stato cancellato', null, keywords).map((r) => r.label)).toEqual(['flight'])
	expect(rankLabels('The customer was unhappy', null, keywords)).toEqual([])
	expect(keywordMatches('Carta RUBATA in metro', keywords)).toEqual(new Map([['stolen', 1]]))
})

test('once trained on enough tagged insights, the classifier finds moments the keywords miss', () => {
	const examples = Array.from({ length: MIN_TRAINING }, (_, i) => [
		{ text: `Wallet pickpocketed on the tram number ${i}`, label: 'stolen' },
		{ text: `Terminal said not authorised at the shop ${i}`, label: 'declined' },
		{ text: `Gate closed early and the plane left without him ${i}`, label: 'flight' },
	]).flat()
	const model = trainNaiveBayes(examples)
	expect(model.labels).toEqual(['declined', 'flight', 'stolen'])
	// No keyword in either: only what the model learnt.
	expect(rankLabels('pickpocketed near the station', model, keywords)[0]!.label).toBe('stolen')
	expect(rankLabels('the plane left from another gate', model, keywords)[0]!.label).toBe('flight')
	// Below MIN_TRAINING the model is not trusted yet.
	const early = trainNaiveBayes(examples.slice(0, 9))
	expect(rankLabels('pickpocketed near the station', early, keywords)).toEqual([])
})

test('the channel comes from what the text says, in English or Italian, or not at all', () => {
	expect(channelFromText('The customer called us from the hotel')).toBe('Phone')
	expect(channelFromText('Il cliente ha chiamato dall’estero')).toBe('Phone')
	expect(channelFromText('A pensioner came in to the branch twice')).toBe('Branch')
	expect(channelFromText('Ci ha scritto in chat alle 2 di notte')).toBe('Chat')
	expect(channelFromText('Card swallowed by the ATM at night')).toBe('ATM / self-service')
	expect(channelFromText('Card stolen on holiday')).toBeNull()
})
