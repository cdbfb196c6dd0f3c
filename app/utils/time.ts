import { dateTimeFormat } from '#app/utils/intl.ts'

/** Wall-clock parts of an instant in a time zone. */
function zonedParts(date: Date, timeZone: string) {
	const parts = dateTimeFormat('en-CA', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(date)
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
	return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') }
}

/** The value for `<input type="datetime-local">` showing this instant in the time zone. */
export function toLocalInput(date: Date, timeZone: string) {
	const p = zonedParts(date, timeZone)
	const pad = (n: number) => String(n).padStart(2, '0')
	return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/** Reads a `datetime-local` value as wall-clock time in the time zone (DST-aware). */
export function fromLocalInput(value: string, timeZone: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
	if (!match) return null
	const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number]
	const asUtc = Date.UTC(year, month - 1, day, hour, minute)
	if (Number.isNaN(asUtc)) return null
	// The zone's offset at that moment, measured twice so a DST change in between settles.
	let guess = asUtc
	for (let i = 0; i < 2; i++) {
		const p = zonedParts(new Date(guess), timeZone)
		const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
		guess = asUtc - (shown - guess)
	}
	return new Date(guess)
}

/** ISO week label (e.g. 2026-W47) of an instant in a time zone: the participation unit. */
export function isoWeek(date: Date, timeZone: string) {
	const p = zonedParts(date, timeZone)
	const day = new Date(Date.UTC(p.year, p.month - 1, p.day))
	const weekday = day.getUTCDay() || 7
	day.setUTCDate(day.getUTCDate() + 4 - weekday)
	const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
	const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
	return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** The local weekday (1 Monday … 7 Sunday) and hour of an instant in a time zone. */
export function localWeekdayHour(date: Date, timeZone: string) {
	const p = zonedParts(date, timeZone)
	return { weekday: new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() || 7, hour: p.hour }
}

const WEEK_LABEL = /^(\d{4})-W(\d{2})$/

/** The Monday of an ISO week as a UTC calendar date, or null for a malformed label. */
function mondayOf(label: string): Date | null {
	const match = WEEK_LABEL.exec(label)
	if (!match) return null
	const [year, week] = [Number(match[1]), Number(match[2])]
	const jan4 = new Date(Date.UTC(year, 0, 4))
	const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000 + (week - 1) * 7 * 86_400_000)
	// Week 53 exists only in some years: the label must read back as itself.
	return isoWeek(new Date(monday.getTime() + 43_200_000), 'UTC') === label ? monday : null
}

export function isWeekLabel(label: string) {
	return mondayOf(label) !== null
}

/** The ISO week `weeks` weeks after (or before, if negative) the given one. */
export function shiftWeek(label: string, weeks: number) {
	const monday = mondayOf(label)
	if (!monday) throw new Error(`Not an ISO week: ${label}`)
	return isoWeek(new Date(monday.getTime() + weeks * 7 * 86_400_000 + 43_200_000), 'UTC')
}

/** The instant the ISO week begins (Monday 00:00) in the time zone. */
export function weekStart(label: string, timeZone: string): Date {
	const monday = mondayOf(label)
	if (!monday) throw new Error(`Not an ISO week: ${label}`)
	return fromLocalInput(`${monday.toISOString().slice(0, 10)}T00:00`, timeZone)!
}

/** Midnight of the instant's calendar day in the time zone: the only time kept of an anonymous item. */
export function startOfDay(date: Date, timeZone: string): Date {
	return fromLocalInput(`${toLocalInput(date, timeZone).slice(0, 10)}T00:00`, timeZone)!
}

/** Midnight UTC of the instant's day: how precisely session bookkeeping is kept. */
export function utcDay(date: Date): Date {
	return new Date(Math.floor(date.getTime() / 86_400_000) * 86_400_000)
}
