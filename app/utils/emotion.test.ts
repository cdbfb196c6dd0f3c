import { expect, test } from 'vitest'
import { suggestEmotion } from '#app/utils/emotion.ts'

test.each([
	['She was furious: her card was blocked abroad.', 5, ['furious']],
	['The customer cried at the counter.', 5, ['cried']],
	['He was quite angry and embarrassed in the queue.', 4, ['angry', 'embarrassed']],
	['A bit frustrated by the wait.', 3, ['frustrated']],
	['Confused about the two accounts.', 2, ['confused']],
	['Calm, just asked for the opening hours.', 1, ['calm']],
	['Il cliente era disperato, bloccato in aeroporto.', 5, ['disperato']],
	['La cliente piangeva al telefono.', 5, ['piangeva']],
	['Era arrabbiatissimo per il doppio addebito.', 4, ['arrabbiatissimo']],
	['Cliente preoccupata per il mutuo.', 3, ['preoccupata']],
	['Perché è così FRUSTRATO?', 3, ['frustrato']],
	['Cliente tranquillo, voleva solo informazioni.', 1, ['tranquillo']],
])('%s → %i', (text, value, words) => {
	expect(suggestEmotion(text)).toEqual({ value, words })
})

test('no known word, no suggestion', () => {
	expect(suggestEmotion('The card expired last month.')).toBeNull()
	expect(suggestEmotion('')).toBeNull()
	expect(suggestEmotion('🙂 1234')).toBeNull()
})

test('the hint suggests the end too when the story goes on after its worst point', async () => {
	const { suggestMoment } = await import('#app/utils/emotion.ts')
	expect(suggestMoment('She was furious on the phone, and in the end she thanked us.')).toEqual({
		peak: 5,
		end: 1,
		words: ['furious', 'thanked'],
	})
	expect(suggestMoment('Era disperata, poi sollevata quando abbiamo bloccato la carta.')).toMatchObject({ peak: 5, end: 1 })
	// Nothing after the worst point, or calm first and upset later: no end to suggest beyond the peak.
	expect(suggestMoment('The customer was furious.')).toEqual({ peak: 5, end: null, words: ['furious'] })
	expect(suggestMoment('Calm at first, then furious.')).toMatchObject({ peak: 5, end: null })
	expect(suggestMoment('The card expired.')).toBeNull()
})
