/** Wall-clock parts of an instant in a time zone. */
function zonedParts(date: Date, timeZone: string) {
	const parts = new Intl.DateTimeFormat('en-CA', {
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
