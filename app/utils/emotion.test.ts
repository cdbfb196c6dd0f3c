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
