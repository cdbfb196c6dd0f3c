import { data } from '@remix-run/node'
import { evaluationSchema } from '#app/models/evaluation.ts'
import { MergeSchema, StatusChangeSchema, UpdateSchema } from '#app/models/idea.ts'
import { changeStatus, evaluate, ideaCriteria, ideaInScope, mergeIdea, postUpdate, resolveOwner } from '#app/models/triage.server.ts'
import { type SessionUser } from '#app/models/user.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { httpError } from '#app/utils/http.server.ts'
import { hasPermission } from '#app/utils/permissions.ts'

export const TRIAGE_INTENTS = ['status', 'update', 'evaluate', 'merge'] as const
type TriageIntent = (typeof TRIAGE_INTENTS)[number]

export function isTriageIntent(value: unknown): value is TriageIntent {
	return TRIAGE_INTENTS.includes(value as TriageIntent)
}

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

/** The manager's triage actions on an idea page (hide and restore are moderationAction's); each checks the role and the idea's scope itself. */
export async function handleTriageIntent(intent: TriageIntent, formData: FormData, user: SessionUser, ideaId: string) {
	const back = (message: Parameters<typeof redirectWithToast>[1]['message'], to = `/ideas/${ideaId}`) =>
		redirectWithToast(to, { kind: 'success', message })
	const fail = (result: unknown, status = 400) => data({ intent, result }, { status })

	if (!hasPermission(user.role, 'update:triage:scope') || !ideaInScope(ideaId, user)) httpError(403, 'errors.outsideTriageScope')

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
		// Scored on its campaign's criteria, else on impact and effort.
		const submission = parseForm(formData, { schema: evaluationSchema(ideaCriteria(ideaId)) })
		if (submission.status !== 'success') return fail(submission.reply())
		const { scores, owner } = submission.value
		const choice = resolveOwner(owner ?? '')
		if (!choice.ok) return fail(submission.reply({ fieldErrors: { owner: [choice.error] } }))
		evaluate(ideaId, user, { scores, ownerId: choice.ownerId })
		return back('triage.evaluated')
	}
	const submission = parseForm(formData, { schema: MergeSchema })
	if (submission.status !== 'success') return fail(submission.reply())
	// A picked suggestion, or a pasted link or id (which works without JavaScript too).
	const field = submission.value.targetLink ? 'targetLink' : 'targetId'
	const targetId = ideaIdFrom(submission.value.targetLink || submission.value.targetId || '')
	if (!ideaInScope(targetId, user)) return fail(submission.reply({ fieldErrors: { [field]: ['triage.mergeTargetInvalid'] } }))
	const result = mergeIdea(ideaId, targetId, user, submission.value.note)
	if (!result.ok) {
		const key = result.reason === 'bad-target' ? field : 'note'
		return fail(
			submission.reply({ fieldErrors: { [key]: [result.reason === 'bad-target' ? 'triage.mergeTargetInvalid' : 'triage.notAllowed'] } }),
			409,
		)
	}
	return back('triage.merged', `/ideas/${targetId}`)
}
