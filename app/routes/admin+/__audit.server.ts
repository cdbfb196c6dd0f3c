import { type AuditFilters } from '#app/models/audit.server.ts'
import { AUDIT_ACTIONS, type AuditAction } from '#app/models/audit.ts'
import { oneOf, shortText } from '#app/routes/__filters.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { fromLocalInput } from '#app/utils/time.ts'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The start of a calendar day (YYYY-MM-DD) in the organisation's time zone, or null. */
function dayStart(value: string | null, timeZone: string) {
	return value && DAY.test(value) ? fromLocalInput(`${value}T00:00`, timeZone) : null
}

function nextDay(day: string) {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number]
	return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10)
}

/**
 * The audit filters of the page and of its CSV: who, which action, and a range of whole days
 * (the end day included). Unknown values are ignored; a start after the end is said, not guessed.
 */
export function auditFiltersFrom(params: URLSearchParams): { filters: AuditFilters; dateOrder: boolean } {
	const timeZone = getEnv().TIME_ZONE
	const from = dayStart(params.get('from'), timeZone)
	const lastDay = dayStart(params.get('to'), timeZone)
	// The end is the next day's midnight, so the whole last day counts.
	const endOfLastDay = lastDay ? dayStart(nextDay(params.get('to')!), timeZone) : null
	const dateOrder = Boolean(from && lastDay && from > lastDay)
	return {
		filters: {
			actorId: shortText(params.get('actor')),
			action: oneOf<AuditAction>(AUDIT_ACTIONS, params.get('action')),
			from: dateOrder ? null : from,
			to: dateOrder ? null : endOfLastDay,
		},
		dateOrder,
	}
}
