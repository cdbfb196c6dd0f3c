import { z } from 'zod'

/**
 * What a manager scores an idea on (decision 050). A campaign may set its own criteria, each
 * 1–5 with a weight; an idea outside a campaign, or in one without criteria, is scored on
 * impact and effort, as it always was. A criterion where less is better (cost, risk, effort)
 * counts reversed: a 1 there weighs like a 5 elsewhere.
 */
export type Criterion = { id: string; name: string; weight: number; lowerIsBetter: boolean }
export type Scores = Record<string, number>

/** Impact and effort, equal weights: their names come from the catalog (triage.criteria.*). */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
	{ id: 'impact', name: '', weight: 1, lowerIsBetter: false },
	{ id: 'effort', name: '', weight: 1, lowerIsBetter: true },
]
export const DEFAULT_CRITERION_IDS = ['impact', 'effort'] as const
export type DefaultCriterionId = (typeof DEFAULT_CRITERION_IDS)[number]
export function isDefaultCriterion(id: string): id is DefaultCriterionId {
	return DEFAULT_CRITERION_IDS.includes(id as DefaultCriterionId)
}

export const SCORE_MIN = 1
export const SCORE_MAX = 5
export const MAX_CRITERIA = 6
export const WEIGHTS = ['1', '2', '3', '4', '5'] as const

export function criteriaOf(campaignCriteria: Criterion[] | null | undefined): readonly Criterion[] {
	return campaignCriteria?.length ? campaignCriteria : DEFAULT_CRITERIA
}

/**
 * The weighted score, 1–5 with two decimals: Σ weight × value ÷ Σ weight, a lower-is-better
 * value counted as 6 − value. Null until every criterion is scored, so a half-scored idea is
 * never ranked on half the picture.
 */
export function weightedScore(criteria: readonly Criterion[], scores: Scores | null | undefined): number | null {
	if (!scores || !criteria.length) return null
	let sum = 0
	let weights = 0
	for (const c of criteria) {
		const value = scores[c.id]
		if (value === undefined) return null
		sum += (c.lowerIsBetter ? SCORE_MIN + SCORE_MAX - value : value) * c.weight
		weights += c.weight
	}
	return Math.round((sum / weights) * 100) / 100
}

/** How many of the criteria have a score. */
export function scoredCount(criteria: readonly Criterion[], scores: Scores | null | undefined) {
	return criteria.filter((c) => scores?.[c.id] !== undefined).length
}

const scoreValue = z.coerce
	.number({ error: 'triage.scoreRange' })
	.int('triage.scoreRange')
	.min(SCORE_MIN, 'triage.scoreRange')
	.max(SCORE_MAX, 'triage.scoreRange')

/**
 * The evaluation form for one idea: a select per criterion (`scores.<id>`, empty = not scored)
 * and the owner. Any other score key is refused, so a hand-made post cannot store a stray one.
 */
export function evaluationSchema(criteria: readonly Criterion[]) {
	const ids = new Set(criteria.map((c) => c.id))
	return z.object({
		scores: z
			.record(z.string(), z.union([z.literal(''), scoreValue]).optional())
			.optional()
			.superRefine((value, ctx) => {
				for (const key of Object.keys(value ?? {}))
					if (!ids.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'triage.unknownCriterion' })
			})
			.transform((value) => {
				const out: Record<string, number | null> = {}
				for (const c of criteria) {
					const v = value?.[c.id]
					out[c.id] = typeof v === 'number' ? v : null
				}
				return out
			}),
		owner: z.string().trim().max(200, 'validation.tooLong').optional(),
	})
}

const criterionRow = z.object({
	id: z.string().trim().max(40).optional(),
	name: z.string().trim().max(60, 'validation.tooLong').optional(),
	weight: z
		.enum(WEIGHTS, { error: 'campaigns.weightRange' })
		.default('1')
		.transform((w) => Number(w)),
	lowerIsBetter: z.boolean().default(false),
})

/** The criteria rows of the campaign form: rows without a name are left out; names are unique. */
export const CriteriaSchema = z
	.array(criterionRow)
	.max(MAX_CRITERIA, 'campaigns.tooManyCriteria')
	.default([])
	.superRefine((rows, ctx) => {
		const seen = new Set<string>()
		rows.forEach((row, index) => {
			const key = row.name?.toLocaleLowerCase()
			if (!key) return
			if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'campaigns.criterionTwice' })
			seen.add(key)
		})
	})
	.transform((rows) =>
		rows.filter((r) => r.name).map((r) => ({ id: r.id || null, name: r.name as string, weight: r.weight, lowerIsBetter: r.lowerIsBetter })),
	)

/** "Customer impact ×3, Cost ×1 (lower is better)": the criteria in one line, for the audit log. */
export function criteriaLine(criteria: readonly Criterion[], lowerLabel: string) {
	return criteria.map((c) => `${c.name} ×${c.weight}${c.lowerIsBetter ? ` (${lowerLabel})` : ''}`).join(', ')
}
