// Journey stages, critical events, channels and departments change a few times a year and are
// read by almost every page (filters, capture forms). They are read once and kept until an
// admin changes one of them (every change below calls `referenceChanged`), or for a minute at
// most, in case another process (a script) changed them.
const MAX_AGE_MS = 60_000

let version = 0
const entries = new Map<string, { version: number; at: number; value: unknown }>()

export function referenceChanged() {
	version++
}

export function cachedReference<T>(key: string, read: () => T, now = Date.now()): T {
	const hit = entries.get(key)
	if (hit && hit.version === version && now - hit.at < MAX_AGE_MS) return hit.value as T
	const value = read()
	entries.set(key, { version, at: now, value })
	return value
}
