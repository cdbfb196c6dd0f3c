import { createTtlCache } from '#app/utils/cache.server.ts'

// Journey stages, critical events, channels and departments change a few times a year and are
// read by almost every page (filters, capture forms). They are read once and kept until an
// admin changes one of them (every change calls `referenceChanged`), or for a minute at
// most, in case another process (a script) changed them.
const MAX_AGE_MS = 60_000
const reference = createTtlCache()
let version = 0

export function referenceChanged() {
	reference.clear()
	version++
}

/** Goes up with every change an admin makes: what is derived from the taxonomy (the tag model) knows to start again. */
export function referenceVersion() {
	return version
}

export function cachedReference<T>(key: string, read: () => T): T {
	return reference.get(key, MAX_AGE_MS, read).value
}
