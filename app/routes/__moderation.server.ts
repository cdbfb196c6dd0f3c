import { data } from '@remix-run/node'
import { dismissReports, moderate, reportContent } from '#app/models/moderation.server.ts'
import {
	DismissSchema,
	ModerationSchema,
	REPORT_INTENTS,
	ReportSchema,
	type ContentKind,
	type ModerationInput,
} from '#app/models/moderation.ts'
import { type SessionUser } from '#app/models/user.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'

/**
 * The hide and restore forms (`HideForm`, `RestoreButton`) of any page: validates, lets the
 * model check the actor's rights, and answers. `kinds` is what this page moderates; `after`
 * is where to go once done (a hidden item's own page is gone for most readers).
 */
export function moderationAction(
	formData: FormData,
	user: SessionUser,
	{ kinds, after }: { kinds: readonly ContentKind[]; after: (input: ModerationInput) => string },
) {
	const submission = parseForm(formData, { schema: ModerationSchema })
	const intent = formData.get('intent') === 'restore' ? ('restore' as const) : ('hide' as const)
	if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
	ensure(kinds.includes(submission.value.kind), 'errors.unknownAction', 400)
	const outcome = moderate(submission.value, user)
	if (outcome === 'forbidden') httpError(403, 'errors.outsideModerationScope')
	if (outcome === 'unchanged') return data({ intent, result: submission.reply({ formErrors: ['triage.notAllowed'] }) }, { status: 409 })
	return redirectWithToast(after(submission.value), {
		kind: 'success',
		message: intent === 'hide' ? 'moderation.hidden' : 'moderation.restored',
	})
}

export function isReportIntent(value: unknown): value is (typeof REPORT_INTENTS)[number] {
	return REPORT_INTENTS.includes(value as (typeof REPORT_INTENTS)[number])
}

/**
 * The report form (`ReportForm`, anyone who can read the item) and the moderator's "keep it"
 * (`KeepForm`, whoever could hide it). Answers on the page it came from (`back`).
 */
export function reportAction(formData: FormData, user: SessionUser, { kinds, back }: { kinds: readonly ContentKind[]; back: string }) {
	if (formData.get('intent') === 'dismiss-reports') {
		const submission = parseForm(formData, { schema: DismissSchema })
		if (submission.status !== 'success') return data({ intent: 'dismiss-reports', result: submission.reply() }, { status: 400 })
		ensure(kinds.includes(submission.value.kind), 'errors.unknownAction', 400)
		const outcome = dismissReports(submission.value.kind, submission.value.targetId, user, submission.value.note || null)
		if (outcome === 'forbidden') httpError(403, 'errors.outsideModerationScope')
		return redirectWithToast(back, { kind: 'success', message: outcome === 'done' ? 'moderation.kept' : 'moderation.reportsEmpty' })
	}
	const submission = parseForm(formData, { schema: ReportSchema })
	if (submission.status !== 'success') return data({ intent: 'report', result: submission.reply() }, { status: 400 })
	ensure(kinds.includes(submission.value.kind), 'errors.unknownAction', 400)
	const outcome = reportContent(submission.value.kind, submission.value.targetId, user.id, submission.value.reason)
	ensure(outcome !== 'not-found', 'errors.notFoundBody')
	if (outcome === 'own') httpError(400, 'errors.cannotReportOwn')
	return redirectWithToast(back, { kind: 'success', message: outcome === 'done' ? 'moderation.reported' : 'moderation.alreadyReported' })
}
