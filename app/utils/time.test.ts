import { expect, test } from 'vitest'
import { fromLocalInput, isoWeek, isWeekLabel, shiftWeek, toLocalInput, weekStart } from '#app/utils/time.ts'

test('a datetime-local value is read in the organisation time zone, across daylight saving', () => {
	expect(fromLocalInput('2026-01-15T09:30', 'Europe/Rome')?.toISOString()).toBe('2026-01-15T08:30:00.000Z')
	expect(fromLocalInput('2026-07-15T09:30', 'Europe/Rome')?.toISOString()).toBe('2026-07-15T07:30:00.000Z')
	expect(fromLocalInput('2026-07-15T09:30', 'UTC')?.toISOString()).toBe('2026-07-15T09:30:00.000Z')
	expect(fromLocalInput('yesterday', 'UTC')).toBeNull()
	expect(toLocalInput(new Date('2026-07-15T07:30:00Z'), 'Europe/Rome')).toBe('2026-07-15T09:30')
})

test('ISO weeks follow the calendar rule (the week with the year’s first Thursday is week 1)', () => {
	expect(isoWeek(new Date('2026-11-22T12:00:00Z'), 'UTC')).toBe('2026-W47')
	expect(isoWeek(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53')
	expect(isoWeek(new Date('2024-12-30T12:00:00Z'), 'UTC')).toBe('2025-W01')
	// Sunday 23:30 UTC is already Monday 00:30 in Rome: the organisation's zone decides.
	expect(isoWeek(new Date('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-W47')
	expect(isoWeek(new Date('2026-11-22T23:30:00Z'), 'Europe/Rome')).toBe('2026-W48')
})

test('weeks shift across year ends and start on Monday midnight in the zone', () => {
	expect(shiftWeek('2026-W47', -13)).toBe('2026-W34')
	expect(shiftWeek('2026-W53', 1)).toBe('2027-W01')
	expect(shiftWeek('2025-W01', -1)).toBe('2024-W52')
	expect(weekStart('2026-W48', 'Europe/Rome').toISOString()).toBe('2026-11-22T23:00:00.000Z')
	expect(weekStart('2026-W27', 'Europe/Rome').toISOString()).toBe('2026-06-28T22:00:00.000Z')
	expect(weekStart('2025-W01', 'UTC').toISOString()).toBe('2024-12-30T00:00:00.000Z')
	expect(isWeekLabel('2026-W53')).toBe(true)
	expect(isWeekLabel('2025-W53')).toBe(false)
	expect(isWeekLabel('2026-48')).toBe(false)
})
