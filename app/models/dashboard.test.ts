import { expect, test } from 'vitest'
import { metricChange, METRICS } from '#app/models/dashboard.ts'

const metric = (key: (typeof METRICS)[number]['key']) => METRICS.find((m) => m.key === key)!

test('a headline figure’s change is good news when it moves the way that figure should: up for participation, down for response time', () => {
	expect(metricChange(metric('participation'), 0.4, 0.3)).toMatchObject({ direction: 'up', verdict: 'better' })
	expect(metricChange(metric('participation'), 0.2, 0.3)).toMatchObject({ direction: 'down', verdict: 'worse' })
	expect(metricChange(metric('firstResponseMedian'), 2, 9.5)).toEqual({ delta: -7.5, direction: 'down', verdict: 'better' })
	expect(metricChange(metric('decisionP90'), 30, 20)).toMatchObject({ direction: 'up', verdict: 'worse' })
	// The anonymous share is neither: it moves, without a verdict.
	expect(metricChange(metric('anonymousShare'), 0.2, 0.1)).toMatchObject({ direction: 'up', verdict: 'neutral' })
	// Below a tenth of a day or half a point is no change; without both values, nothing to say.
	expect(metricChange(metric('firstResponseMedian'), 3.02, 3)).toEqual({ delta: 0, direction: 'same', verdict: 'neutral' })
	expect(metricChange(metric('loopClosure'), 0.502, 0.5)).toMatchObject({ direction: 'same' })
	expect(metricChange(metric('insights'), 12, 12)).toMatchObject({ direction: 'same' })
	expect(metricChange(metric('insights'), 13, 12)).toMatchObject({ direction: 'up', verdict: 'better' })
	expect(metricChange(metric('implementationRate'), null, 0.5)).toBeNull()
	expect(metricChange(metric('implementationRate'), 0.5, null)).toBeNull()
	// Every figure says which way is better, or says it is neither.
	for (const m of METRICS) expect(['higher', 'lower', null]).toContain(m.better)
})
