import { expect, test } from 'vitest'
import { CriteriaSchema, DEFAULT_CRITERIA, evaluationSchema, weightedScore, type Criterion } from '#app/models/evaluation.ts'

const campaign: Criterion[] = [
	{ id: 'a', name: 'Customer impact', weight: 3, lowerIsBetter: false },
	{ id: 'b', name: 'Cost', weight: 1, lowerIsBetter: true },
]

test('the weighted score weighs each criterion and counts lower-is-better ones reversed; none until every criterion is scored', () => {
	// Impact and effort, equal weights: (4 + (6 − 2)) ÷ 2.
	expect(weightedScore(DEFAULT_CRITERIA, { impact: 4, effort: 2 })).toBe(4)
	expect(weightedScore(DEFAULT_CRITERIA, { impact: 5, effort: 5 })).toBe(3)
	// (3 × 5 + 1 × (6 − 4)) ÷ 4 = 4.25: the heavy criterion dominates.
	expect(weightedScore(campaign, { a: 5, b: 4 })).toBe(4.25)
	expect(weightedScore(campaign, { a: 1, b: 1 })).toBe(2)
	expect(weightedScore(campaign, { a: 5 })).toBeNull()
	expect(weightedScore(campaign, null)).toBeNull()
	// A score for a criterion the campaign no longer has is ignored.
	expect(weightedScore(campaign, { a: 2, b: 2, impact: 5 })).toBe(2.5)
})

test('the evaluation form takes 1–5 or empty per criterion, and refuses a criterion the idea is not scored on', () => {
	const schema = evaluationSchema(campaign)
	expect(schema.parse({ scores: { a: '4', b: '' }, owner: '' })).toEqual({ scores: { a: 4, b: null }, owner: '' })
	expect(schema.parse({})).toEqual({ scores: { a: null, b: null } })
	expect(schema.safeParse({ scores: { a: '6' } }).error?.issues[0]?.message).toBe('triage.scoreRange')
	expect(schema.safeParse({ scores: { a: '2.5' } }).success).toBe(false)
	expect(schema.safeParse({ scores: { impact: '3' } }).error?.issues[0]?.message).toBe('triage.unknownCriterion')
})

test('criteria rows: empty ones are left out, weights are 1–5, a name is used once, at most six', () => {
	expect(
		CriteriaSchema.parse([
			{ name: ' Risk ', weight: '2', lowerIsBetter: true },
			{ name: '', weight: '1' },
			{ id: 'k', name: 'Fit', weight: '5' },
		]),
	).toEqual([
		{ id: null, name: 'Risk', weight: 2, lowerIsBetter: true },
		{ id: 'k', name: 'Fit', weight: 5, lowerIsBetter: false },
	])
	expect(CriteriaSchema.parse(undefined)).toEqual([])
	expect(CriteriaSchema.safeParse([{ name: 'Risk', weight: '9' }]).error?.issues[0]?.message).toBe('campaigns.weightRange')
	const twice = CriteriaSchema.safeParse([{ name: 'Risk' }, { name: 'risk' }])
	expect(twice.error?.issues[0]).toMatchObject({ path: [1, 'name'], message: 'campaigns.criterionTwice' })
	expect(CriteriaSchema.safeParse(Array.from({ length: 7 }, (_, i) => ({ name: `C${i}` }))).error?.issues[0]?.message).toBe(
		'campaigns.tooManyCriteria',
	)
})
