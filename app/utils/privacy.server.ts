import { findSensitive, redact, type PrivacyFinding } from '#app/utils/privacy.ts'

export type { PrivacyFinding }

/**
 * What in these fields looks like customer data, and whether the person already saw the
 * redacted version (the form sends redactConfirmed=1 once the notice was shown).
 */
export function privacyReview(formData: FormData, fields: Record<string, string>) {
	const findings: PrivacyFinding[] = Object.entries(fields).flatMap(([field, text]) => {
		const found = findSensitive(text)
		return found.length ? [{ field, kinds: [...new Set(found.map((f) => f.kind))], redacted: redact(text) }] : []
	})
	return { findings, mustConfirm: findings.length > 0 && formData.get('redactConfirmed') !== '1' }
}

/** The values with every text field redacted: the original is never stored. */
export function redactFields<T extends Record<string, unknown>>(values: T, keys: Array<keyof T>): T {
	const out = { ...values }
	for (const key of keys) if (typeof out[key] === 'string') out[key] = redact(out[key]) as T[keyof T]
	return out
}
