import { expect, test } from 'vitest'
import { createTtlCache } from '#app/utils/cache.server.ts'

test('a cached value is reused until its time runs out, then computed again; the oldest entry goes first', () => {
	const cache = createTtlCache(2)
	let runs = 0
	const compute = () => ++runs
	expect(cache.get('a', 1000, compute, 0)).toEqual({ value: 1, computedAt: 0 })
	expect(cache.get('a', 1000, compute, 999)).toEqual({ value: 1, computedAt: 0 })
	expect(cache.get('a', 1000, compute, 1000)).toEqual({ value: 2, computedAt: 1000 })
	cache.get('b', 1000, compute, 1000)
	cache.get('c', 1000, compute, 1000)
	// Only two entries fit: "a" was the oldest and is computed again.
	expect(cache.get('a', 1000, compute, 1001).value).toBe(5)
	// A time limit of 0 never reuses anything.
	expect(cache.get('z', 0, compute, 1001).value).toBe(6)
	expect(cache.get('z', 0, compute, 1001).value).toBe(7)
})
