import { expect, test } from 'vitest'
import { listImplemented } from '#app/models/triage.server.ts'

test('"You said, we did" dates each idea by its implementation, and the demo idea was implemented yesterday', () => {
	const [first] = listImplemented()
	expect(first?.title).toBe('Tell customers why a payment was declined, in the app')
	const days = (Date.now() - first!.implementedAt.getTime()) / 86_400_000
	expect(days).toBeGreaterThan(0.5)
	expect(days).toBeLessThan(1.5)
	expect(first!.insights).toHaveLength(2)
})
