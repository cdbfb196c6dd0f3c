import { useFetcher, useLocation } from '@remix-run/react'
import { useHydrated } from '#app/utils/hydrated.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

/**
 * A plain form post without JavaScript (the action redirects back); with JavaScript a
 * fetcher shows the new state at once and the loaders revalidate behind it.
 */
export function VoteButton({
	ideaId,
	title,
	voted,
	count,
	disabled = false,
}: {
	ideaId: string
	title: string
	voted: boolean
	count: number
	disabled?: boolean
}) {
	const t = useT()
	const format = useFormat()
	const fetcher = useFetcher({ key: `vote-${ideaId}` })
	const location = useLocation()
	const hydrated = useHydrated()
	const pending = fetcher.formData?.get('vote')
	const optimistic = pending ? pending === 'on' : voted
	const shown = count + (optimistic === voted ? 0 : optimistic ? 1 : -1)
	return (
		<fetcher.Form method="post" action={`/ideas/${ideaId}`} className="shrink-0">
			<input type="hidden" name="intent" value="vote" />
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
