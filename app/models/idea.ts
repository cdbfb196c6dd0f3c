import { z } from 'zod'

export const IDEA_STATUSES = ['submitted', 'in_review', 'accepted', 'in_progress', 'implemented', 'declined', 'merged'] as const
export type IdeaStatus = (typeof IDEA_STATUSES)[number]

export const FEED_SORTS = ['trending', 'top', 'newest', 'unvoted'] as const
export type FeedSort = (typeof FEED_SORTS)[number]
export const FEED_PAGE_SIZE = 20
export const MAX_LINKED_INSIGHTS = 20

/**
 * Trending: every vote counts, and its weight halves every TREND_HALF_LIFE_MS. The
 * submission itself counts as one vote, so a new idea starts visible and fades unless
 * people vote for it:
 *
 *   trend(idea, now) = Σ over {submission} ∪ votes of 2^(−(now − t) / H),  H = 3 days
 *
 * Ordering by that is the same as ordering by Σ 2^((t − epoch) / H) (the `now` factor is
 * common to all ideas), which does not change with time. We store its log2 in
 * ideas.trend_score, recomputed from the votes table in the vote's transaction, so the
 * feed sorts on an index and the score never drifts from the votes.
 */
export const TREND_HALF_LIFE_MS = 3 * 24 * 60 * 60 * 1000
export const TREND_EPOCH = Date.UTC(2025, 0, 1)

export function trendScore(times: Array<Date | number>) {
	const xs = times.map((t) => (Number(t) - TREND_EPOCH) / TREND_HALF_LIFE_MS)
	const max = Math.max(...xs)
	return max + Math.log2(xs.reduce((sum, x) => sum + 2 ** (x - max), 0))
}

/** The score with one more moment added: the same as trendScore over all of them, in O(1). */
export function addToTrend(score: number, time: Date | number) {
	const x = (Number(time) - TREND_EPOCH) / TREND_HALF_LIFE_MS
	const max = Math.max(score, x)
	return max + Math.log2(2 ** (score - max) + 2 ** (x - max))
}

const text = (min: number, max: number) =>
	z
		.string({ error: 'validation.required' })
		.trim()
		.min(1, 'validation.required')
		.min(min, 'validation.tooShort')
		.max(max, 'validation.tooLong')

const ids = z.array(z.string().trim().min(1)).default([])

export const IdeaFormSchema = z.object({
	title: text(5, 140),
	problem: text(10, 4000),
	proposal: text(10, 4000),
	benefit: text(5, 2000),
	stageIds: z.array(z.string().trim().min(1), { error: 'ideas.stagesRequired' }).min(1, 'ideas.stagesRequired'),
	eventIds: ids,
	insightIds: ids.pipe(z.array(z.string()).max(MAX_LINKED_INSIGHTS, 'ideas.tooManyInsights')),
	campaignId: z.string().trim().optional(),
	anonymous: z.boolean().default(false),
})
export type IdeaFormValues = z.infer<typeof IdeaFormSchema>

export const COMMENT_MAX = 4000
/** Comments can be edited or deleted by their author for this long. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000

export const CommentSchema = z.object({
	body: text(1, COMMENT_MAX),
})

export type CommentSegment =
	{ kind: 'text'; text: string } | { kind: 'link'; href: string; text: string } | { kind: 'mention'; handle: string; text: string }

// Handles are the local part of a colleague's e-mail: @giulia.rossi
export const MENTION_PATTERN = /(^|[^\w.@])@([a-z0-9][a-z0-9._-]*[a-z0-9])/gi
const TOKEN = /(https?:\/\/[^\s<>"]+)|(^|[^\w.@])@([a-z0-9][a-z0-9._-]*[a-z0-9])/gi

export function mentionedHandles(body: string) {
	return [...new Set([...body.matchAll(MENTION_PATTERN)].map((m) => m[2]!.toLowerCase()))]
}

/**
 * Splits a plain-text comment into text, links and mentions. The page renders each piece
 * as a React text node or element, so nothing typed is ever interpreted as HTML.
 */
export function commentSegments(body: string, knownHandles: ReadonlySet<string>): CommentSegment[] {
	const out: CommentSegment[] = []
	const pushText = (value: string) => {
		if (!value) return
		const last = out.at(-1)
		if (last?.kind === 'text') last.text += value
		else out.push({ kind: 'text', text: value })
	}
	let index = 0
	for (const match of body.matchAll(TOKEN)) {
		const start = match.index
		pushText(body.slice(index, start))
		if (match[1]) {
			// Trailing punctuation belongs to the sentence, not the URL.
			const url = match[1].replace(/[.,;:!?)\]]+$/, '')
			out.push({ kind: 'link', href: url, text: url })
			index = start + url.length
			continue
		}
		const lead = match[2] ?? ''
		const handle = match[3]!.toLowerCase()
		pushText(lead)
		if (knownHandles.has(handle)) out.push({ kind: 'mention', handle, text: `@${match[3]}` })
		else pushText(`@${match[3]}`)
		index = start + match[0].length
	}
	pushText(body.slice(index))
	return out
}

/**
 * The workflow of PRODUCT.md: submitted → in review → accepted → in progress →
 * implemented, or declined, or merged. Implemented, declined and merged are final.
 */
export const TRANSITIONS: Record<IdeaStatus, readonly IdeaStatus[]> = {
	submitted: ['in_review', 'declined', 'merged'],
	in_review: ['accepted', 'declined', 'merged'],
	accepted: ['in_progress', 'declined'],
	in_progress: ['implemented', 'declined'],
	implemented: [],
	declined: [],
	merged: [],
}
/** Every status by name: code outside this file names a status through it, never as a string. */
export const STATUS = Object.fromEntries(IDEA_STATUSES.map((s) => [s, s])) as { readonly [S in IdeaStatus]: S }
export const OPEN_STATUSES = ['submitted', 'in_review', 'accepted', 'in_progress'] as const satisfies IdeaStatus[]
/** Not decided yet: where a vote can still weigh on the decision ("Needs your vote"). */
export const UNDECIDED_STATUSES = ['submitted', 'in_review'] as const satisfies IdeaStatus[]
/** Statuses that show the company acting on a moment: a blind spot has none of them. */
export const ACTED_STATUSES: readonly IdeaStatus[] = ['accepted', 'in_progress', 'implemented']
export const DECISIONS: readonly IdeaStatus[] = ['accepted', 'declined', 'merged']
/** Statuses that take an idea out of the backlog for good. */
export const CLOSED_STATUSES: readonly IdeaStatus[] = ['implemented', 'declined', 'merged']
/** A public reason is required for these. */
export const REASON_REQUIRED: readonly IdeaStatus[] = ['declined', 'merged']

export function canMove(from: IdeaStatus, to: IdeaStatus) {
	return TRANSITIONS[from].includes(to)
}

const note = z.string().trim().max(4000, 'validation.tooLong').optional()

export const StatusChangeSchema = z
	.object({
		status: z.enum(IDEA_STATUSES, { error: 'triage.statusRequired' }),
		note,
	})
	.refine((v) => !REASON_REQUIRED.includes(v.status) || Boolean(v.note), { path: ['note'], message: 'triage.reasonRequired' })

export const UpdateSchema = z.object({
	note: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(4000, 'validation.tooLong'),
})

/** The idea to keep: picked from the suggestions (targetId) or given by its link or id (targetLink). */
export const MergeSchema = z
	.object({
		targetId: z.string().trim().max(200).optional(),
		targetLink: z.string().trim().max(500, 'validation.tooLong').optional(),
		note: z.string({ error: 'triage.reasonRequired' }).trim().min(1, 'triage.reasonRequired').max(4000, 'validation.tooLong'),
	})
	.superRefine((v, ctx) => {
		if (!v.targetId && !v.targetLink) ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'triage.mergeTargetRequired' })
		if (v.targetId && v.targetLink) ctx.addIssue({ code: 'custom', path: ['targetLink'], message: 'triage.mergeTargetTwice' })
	})

export const QUEUE_SORTS = ['oldest', 'due', 'votes', 'score'] as const
export const SLA_FILTERS = ['overdue', 'due', 'answered'] as const
export type SlaFilter = (typeof SLA_FILTERS)[number]
export type QueueSort = (typeof QUEUE_SORTS)[number]
export const QUEUE_PAGE_SIZE = 25

const DAY_MS = 86_400_000

/**
 * Where an idea stands against the first-response target (SLA_DAYS after submission): answered
 * (any status change, public update or evaluation counts), due in N days (0 = today), or overdue
 * by N days. A closed idea has no clock.
 */
export type SlaState =
	{ kind: 'answered'; at: Date } | { kind: 'due'; dueAt: Date; days: number } | { kind: 'overdue'; dueAt: Date; days: number } | null

/** Ideas submitted before this instant and still unanswered are past the target: slaState's rule, for SQL. */
export function slaDueBefore(slaDays: number, now = new Date()) {
	return new Date(now.getTime() - slaDays * DAY_MS)
}

export function slaState(
	idea: { status: IdeaStatus; createdAt: Date | string | number; firstActionAt: Date | string | number | null },
	slaDays: number,
	now = new Date(),
): SlaState {
	if (idea.firstActionAt) return { kind: 'answered', at: new Date(idea.firstActionAt) }
	if (CLOSED_STATUSES.includes(idea.status)) return null
	const dueAt = new Date(new Date(idea.createdAt).getTime() + slaDays * DAY_MS)
	const left = dueAt.getTime() - now.getTime()
	return left >= 0
		? { kind: 'due', dueAt, days: Math.floor(left / DAY_MS) }
		: { kind: 'overdue', dueAt, days: Math.max(1, Math.floor(-left / DAY_MS)) }
}
