type Entry = { value: unknown; expires: number }

/**
 * A small in-process cache with a time limit, for aggregates that are expensive to compute
 * and fine to be a little old (the dashboard says how old). One server process (docs/decisions/011-sqlite-settings.md),
 * so there is nothing to share or invalidate across processes.
 */
export function createTtlCache(maxEntries = 200) {
	const entries = new Map<string, Entry>()
	return {
		get<T>(key: string, ttlMs: number, compute: () => T, now = Date.now()): { value: T; computedAt: number } {
			const hit = entries.get(key)
			if (hit && hit.expires > now) return hit.value as { value: T; computedAt: number }
			const value = { value: compute(), computedAt: now }
			entries.delete(key)
			entries.set(key, { value, expires: now + ttlMs })
			// Maps keep insertion order: the first key is the oldest.
			while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
			return value
		},
		clear() {
			entries.clear()
		},
	}
}
