import { expect, test } from 'vitest'
import { findSensitive, redact } from '#app/utils/privacy.ts'

const kinds = (text: string) => findSensitive(text).map((f) => f.kind)

test.each([
	// [text, kinds found, redacted]
	['Card 4111 1111 1111 1111 was stolen', ['card'], 'Card •••• 1111 was stolen'],
	['La carta 5500-0000-0000-0004 è stata clonata', ['card'], 'La carta •••• 0004 è stata clonata'],
	['Amex 378282246310005 declined', ['card'], 'Amex •••• 0005 declined'],
	['IBAN IT60 X054 2811 1010 0000 0123 456 per il rimborso', ['iban'], 'IBAN •••• 3456 per il rimborso'],
	['Refund to GB82WEST12345698765432 please', ['iban'], 'Refund to •••• 5432 please'],
	['Write to mario.rossi@example.com today', ['email'], 'Write to •••@••• today'],
	['Scrivere a giulia.bianchi@posta.it', ['email'], 'Scrivere a •••@•••'],
	['Call him on +39 347 123 4567 tomorrow', ['phone'], 'Call him on •••• 67 tomorrow'],
	['Richiamare il 347 1234567 domani', ['phone'], 'Richiamare il •••• 67 domani'],
	['Il fisso è 02 8765 4321', ['phone'], 'Il fisso è •••• 21'],
	['UK customer 0044 20 7946 0958', ['phone'], 'UK customer •••• 58'],
	['US number (555) 123-4567', ['phone'], 'US number •••• 67'],
	['Account 123456789012 is blocked', ['number'], 'Account •••• 9012 is blocked'],
	['Pratica n. 2026000123', ['number'], 'Pratica n. •••• 0123'],
	['Booking ref AB12CD34EF56', ['number'], 'Booking ref •••• EF56'],
])('%s', (text, expected, redacted) => {
	expect(kinds(text)).toEqual(expected)
	expect(redact(text)).toBe(redacted)
})

test.each([
	'Card 4111 1111 1111 1112 (not Luhn-valid) stays',
	'On 2026-11-22 at 14:30 the payment of 1.250,00 € failed',
	'Il 22/11/2026 alle 9.15 ha pagato 500 euro',
	'Limit raised from 1500 to 3000 euros in 2026',
	'Order 1234567 (seven digits) and CAP 20121',
	'IBAN IT60 X054 2811 1010 0000 0123 457 with a wrong check digit',
	'Flight AZ610 on 12.03.2026, gate 14',
	'Nothing sensitive here, just a frustrated customer.',
])('left alone: %s', (text) => {
	expect(findSensitive(text)).toEqual([])
	expect(redact(text)).toBe(text)
})
