import { data } from '@remix-run/node'
import { z } from 'zod'
import { EvaluationSchema, MergeSchema, StatusChangeSchema, UpdateSchema } from '#app/models/idea.ts'
import { canModerate, hideContent, restoreContent, type ContentKind } from '#app/models/moderation.server.ts'
import { changeStatus, evaluate, ideaInScope, mergeIdea, postUpdate, resolveOwner } from '#app/models/triage.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { redirectWithToast } from './flash.server.ts'
import { hasPermission } from './permissions.ts'
import { type SessionUser } from './session.server.ts'

export const TRIAGE_INTENTS = ['status', 'update', 'evaluate', 'merge', 'hide', 'restore'] as const
type TriageIntent = (typeof TRIAGE_INTENTS)[number]

export function isTriageIntent(value: unknown): value is TriageIntent {
	return TRIAGE_INTENTS.includes(value as TriageIntent)
}

const forbidden = () => new Response('This idea is outside your triage scope.', { status: 403 })

/** The last path segment of a pasted link, or the id itself. */
function ideaIdFrom(value: string) {
	return (
		value
			.trim()
			.replace(/[?#].*$/, '')
			.replace(/\/+$/, '')
			.split('/')
			.pop() ?? ''
	)
}

const HideSchema = z.object({
	kind: z.enum(['idea', 'comment']),
	targetId: z.string().min(1),
	reason: z.string({ error: 'triage.reasonRequired' }).trim().min(1, 'triage.reasonRequired').max(1000, 'validation.tooLong'),
})
const RestoreSchema = z.object({ kind: z.enum(['idea', 'comment']), targetId: z.string().min(1) })

/** The manager's actions on an idea page; each checks the role and the idea's scope itself. */
export async function handleTriageIntent(intent: TriageIntent, formData: FormData, user: SessionUser, ideaId: string) {
	const back = (message: Parameters<typeof redirectWithToast>[1]['message'], to = `/ideas/${ideaId}`) =>
		redirectWithToast(to, { kind: 'success', message })
	const fail = (result: unknown, status = 400) => data({ intent, result }, { status })

	if (intent === 'hide' || intent === 'restore') {
		const schema = intent === 'hide' ? HideSchema : RestoreSchema
		const submission = parseForm(formData, { schema })
		if (submission.status !== 'success') return fail(submission.reply())
		const { kind, targetId } = submission.value
		const mayModerate =
			intent === 'hide' ? hasPermission(user.role, 'update:moderation:scope') : hasPermission(user.role, 'update:moderation:any')
		if (!mayModerate || !canModerate(kind as ContentKind, targetId, user)) throw forbidden()
		const done =
			intent === 'hide' && 'reason' in submission.value
				? hideContent(kind, targetId, user, String(submission.value.reason))
				: restoreContent(kind, targetId, user)
		if (!done) return fail(submission.reply({ formErrors: ['triage.notAllowed'] }), 409)
		return back(
			intent === 'hide' ? 'moderation.hidden' : 'moderation.restored',
			kind === 'idea' && intent === 'hide' ? '/triage' : `/ideas/${ideaId}`,
		)
	}

	if (!hasPermission(user.role, 'update:triage:scope') || !ideaInScope(ideaId, user)) throw forbidden()

	if (intent === 'status') {
		const submission = parseForm(formData, { schema: StatusChangeSchema })
		if (submission.status !== 'success') return fail(submission.reply())
		const result = changeStatus(ideaId, user, submission.value.status, submission.value.note || null)
		if (!result.ok) {
			const message = result.reason === 'reason-required' ? 'triage.reasonRequired' : 'triage.notAllowed'
			return fail(submission.reply({ fieldErrors: { status: [message] } }), 409)
		}
		return back('triage.statusChanged')
	}
	if (intent === 'update') {
		const submission = parseForm(formData, { schema: UpdateSchema })
		if (submission.status !== 'success') return fail(submission.reply())
		postUpdate(ideaId, user, submission.value.note)
		return back('triage.updatePosted')
	}
	if (intent === 'evaluate') {
		const submission = parseForm(formData, { schema: EvaluationSchema })
		if (submission.status !== 'success') return fail(submission.reply())
		const { impact, effort, owner } = submission.value
		const choice = resolveOwner(owner ?? '')
		if (!choice.ok) return fail(submission.reply({ fieldErrors: { owner: [choice.error] } }))
		evaluate(ideaId, user, { impact, effort, ownerId: choice.ownerId })
		return back('triage.evaluated')
	}
	const submission = parseForm(formData, { schema: MergeSchema })
	if (submission.status !== 'success') return fail(submission.reply())
	const targetId = ideaIdFrom(submission.value.targetId)
	if (!ideaInScope(targetId, user)) return fail(submission.reply({ fieldErrors: { targetId: ['triage.mergeTargetInvalid'] } }))
	const result = mergeIdea(ideaId, targetId, user, submission.value.note)
	if (!result.ok) {
		const key = result.reason === 'bad-target' ? 'targetId' : 'note'
		return fail(
			submission.reply({ fieldErrors: { [key]: [result.reason === 'bad-target' ? 'triage.mergeTargetInvalid' : 'triage.notAllowed'] } }),
			409,
		)
	}
	return back('triage.merged', `/ideas/${targetId}`)
}
