/**
 * Customer-privacy guard: finds what looks like customer data in free text so it can be
 * redacted before saving. The patterns, and what they leave alone:
 * - e-mail addresses: name@domain.tld.
 * - IBANs, written in capitals: 2 letters, 2 check digits, 11–30 letters/digits (spaces allowed), valid by the
 *   ISO 13616 mod-97 check. A look-alike that fails the check is left alone.
 * - payment card numbers: 13–19 digits, optionally in groups split by spaces or dashes,
 *   that pass the Luhn check. Other digit runs (amounts, dates, order numbers) do not.
 * - phone numbers: international (+39 …, 0044 …) or national (Italian mobiles 3xx,
 *   numbers starting with 0, US-style (555) 123-4567), 8–15 digits in all. Dates such as
 *   2026-11-22 or 22/11/2026, times and amounts (1.250,00 €) are not phone numbers.
 * - long account or booking numbers: any other run of 8 or more digits, or a code of 10+
 *   letters and digits with at least 4 digits.
 * Limits: names, street addresses and numbers written in words are not detected, and a
 * short booking code (6 characters, as airlines use) looks like an ordinary word.
 */
export type SensitiveKind = 'email' | 'iban' | 'card' | 'phone' | 'number'
export type Finding = { kind: SensitiveKind; start: number; end: number; masked: string }
/** One form field that needs the person's confirmation before it is saved redacted. */
export type PrivacyFinding = { field: string; kinds: SensitiveKind[]; redacted: string }

const MASK = '••••'

function luhn(digits: string) {
	let sum = 0
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i])
		if (i % 2 === 1) {
			d *= 2
			if (d > 9) d -= 9
		}
		sum += d
	}
	return sum % 10 === 0
}

function ibanValid(raw: string) {
	const iban = raw.replace(/\s+/g, '').toUpperCase()
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false
	const moved = iban.slice(4) + iban.slice(0, 4)
	let remainder = 0
	for (const ch of moved) {
		const value = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch
		for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97
	}
	return remainder === 1
}

const digitsOf = (text: string) => text.replace(/\D/g, '')
const last = (text: string, n: number) => digitsOf(text).slice(-n) || text.replace(/\s/g, '').slice(-n)
const DATE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/

type Rule = { kind: SensitiveKind; pattern: RegExp; accept: (match: string) => boolean; mask: (match: string) => string }

const RULES: Rule[] = [
	{ kind: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, accept: () => true, mask: () => '•••@•••' },
	{ kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g, accept: ibanValid, mask: (m) => `${MASK} ${last(m, 4)}` },
	{
		kind: 'card',
		pattern: /\b\d(?:[ -]?\d){12,18}\b/g,
		accept: (m) => {
			const d = digitsOf(m)
			return d.length >= 13 && d.length <= 19 && luhn(d)
		},
		mask: (m) => `${MASK} ${last(m, 4)}`,
	},
	{
		kind: 'phone',
		pattern: /(?:(?:\+|\b00)\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\b\d{2,4})(?:[\s.-]?\d{2,4}){1,4}\b/g,
		accept: (m) => {
			const t = m.trim()
			const d = digitsOf(t)
			if (d.length < 8 || d.length > 15 || DATE.test(t)) return false
			// International (+39, 0044), bracketed area codes, or national numbers starting
			// with 0 (landlines) or 3 (Italian mobiles).
			return /^(\+|00|\(|0|3)/.test(t)
		},
		mask: (m) => `${MASK} ${last(m, 2)}`,
	},
	{ kind: 'number', pattern: /\b\d{8,}\b/g, accept: () => true, mask: (m) => `${MASK} ${last(m, 4)}` },
	{
		kind: 'number',
		pattern: /\b(?=[A-Z0-9]*\d[A-Z0-9]*\d[A-Z0-9]*\d[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{10,}\b/g,
		accept: () => true,
		mask: (m) => `${MASK} ${m.slice(-4)}`,
	},
]

/** Everything that looks like customer data, in text order, without overlaps. */
export function findSensitive(text: string): Finding[] {
	const found: Finding[] = []
	const overlaps = (start: number, end: number) => found.some((f) => start < f.end && end > f.start)
	for (const rule of RULES) {
		for (const match of text.matchAll(rule.pattern)) {
			const start = match.index
			const end = start + match[0].length
			if (overlaps(start, end) || !rule.accept(match[0])) continue
			found.push({ kind: rule.kind, start, end, masked: rule.mask(match[0]) })
		}
	}
	return found.sort((a, b) => a.start - b.start)
}

/** The text with every finding replaced by its masked form. */
export function redact(text: string) {
	let out = ''
	let index = 0
	for (const f of findSensitive(text)) {
		out += text.slice(index, f.start) + f.masked
		index = f.end
	}
	return out + text.slice(index)
}
