import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useFetcher, useLocation } from '@remix-run/react'
import { z } from 'zod'
import { setVote } from '#app/models/idea.server.ts'
import { CLOSED_STATUSES, type IdeaStatus } from '#app/models/idea.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { useHydrated } from '#app/utils/hydrated.ts'
import { safeRedirect } from '#app/utils/misc.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

/** Someone who opens the vote address goes to the idea. */
export function loader({ params }: LoaderFunctionArgs) {
	return redirect(`/ideas/${params.ideaId ?? ''}`)
}

const VoteSchema = z.object({
	vote: z.enum(['on', 'off']),
	redirectTo: z.string().optional(),
	fetch: z.literal('1').optional(),
})

/**
 * One vote per person per idea. A hidden or unknown idea answers 404, as its page does; a
 * closed one (implemented, declined, merged) 409.
 * A fetcher (JavaScript) gets the new state; a plain form post goes back where it came from.
 */
export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'create:vote:own')
	const ideaId = params.ideaId ?? ''
	const submission = parseForm(await request.formData(), { schema: VoteSchema })
	ensure(submission.status === 'success', 'errors.badRequestBody', 400)
	const { vote, redirectTo, fetch } = submission.value
	const voteCount = setVote(ideaId, user.id, vote === 'on')
	ensure(voteCount !== null, 'errors.ideaNotFound')
	if (voteCount === 'closed') {
		// The button says so before anyone presses it; a fetcher gets the refusal as data, so the page stays.
		if (fetch) return data({ closed: true as const }, { status: 409 })
		httpError(409, 'errors.votingClosed')
	}
	if (fetch) return data({ voted: vote === 'on', voteCount })
	return redirectWithToast(safeRedirect(redirectTo, `/ideas/${ideaId}`), {
		kind: 'success',
		message: vote === 'on' ? 'ideas.voteDone' : 'ideas.unvoteDone',
	})
}

/**
 * A plain form post without JavaScript (the action redirects back); with JavaScript a
 * fetcher shows the new state at once and the loaders revalidate behind it.
 */
export function VoteButton({
	ideaId,
	title,
	voted,
	count,
	status,
	disabled = false,
}: {
	ideaId: string
	title: string
	voted: boolean
	count: number
	/** A closed idea's count is final: the button shows it, and says voting is closed. */
	status: IdeaStatus
	disabled?: boolean
}) {
	const t = useT()
	const format = useFormat()
	const fetcher = useFetcher<typeof action>({ key: `vote-${ideaId}` })
	const location = useLocation()
	const hydrated = useHydrated()
	const pending = fetcher.formData?.get('vote')
	const optimistic = pending ? pending === 'on' : voted
	const shown = count + (optimistic === voted ? 0 : optimistic ? 1 : -1)
	if (CLOSED_STATUSES.includes(status)) {
		return (
			<p className="flex min-h-11 min-w-16 shrink-0 flex-col items-center justify-center self-start rounded-md border border-slate-200 bg-slate-50 px-3 py-1 text-sm font-semibold text-slate-700">
				<span aria-hidden data-testid="vote-count">
					{format.number(count)}
				</span>
				<span aria-hidden className="text-xs font-normal">
					{t('ideas.votingClosed')}
				</span>
				<span className="sr-only">{t('ideas.votesClosedFor', { count, title })}</span>
			</p>
		)
	}
	return (
		<fetcher.Form method="post" action={`/ideas/${ideaId}/vote`} className="shrink-0">
			<input type="hidden" name="vote" value={optimistic ? 'off' : 'on'} />
			<input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
			{hydrated ? <input type="hidden" name="fetch" value="1" /> : null}
			<button
				type="submit"
				disabled={disabled}
				aria-pressed={optimistic}
				aria-label={t(optimistic ? 'ideas.withdrawVoteFor' : 'ideas.voteFor', { title })}
				className={`flex min-h-11 min-w-16 flex-col items-center justify-center rounded-md border px-3 py-1 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${
					optimistic ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'
				}`}
			>
				<span aria-hidden>▲</span>
				<span data-testid="vote-count">{format.number(shown)}</span>
				<span className="text-xs font-normal">{t(optimistic ? 'ideas.voted' : 'ideas.vote')}</span>
			</button>
		</fetcher.Form>
	)
}
