import { Link, useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { type loader as similarLoader } from '#app/routes/resources.similar.tsx'
import { useHydrated } from '#app/utils/hydrated.ts'
import { useT } from '#app/utils/root-data.ts'
import { VoteButton } from './vote-button.tsx'

type Similar = { ideas: Array<{ id: string; title: string; voteCount: number }>; insights: Array<{ id: string; body: string; recurrenceCount: number }> }

/**
 * Asks for similar items while the person types (debounced) and returns them; also the
 * server's list when the form came back without JavaScript.
 */
export function useSimilar(kind: 'idea' | 'insight', text: string, fallback?: Similar | null) {
	const fetcher = useFetcher<typeof similarLoader>()
	const timer = useRef<ReturnType<typeof setTimeout>>()
	const { load } = fetcher
	useEffect(() => {
		clearTimeout(timer.current)
		if (text.trim().length < 4) return
		timer.current = setTimeout(() => load(`/resources/similar?${new URLSearchParams({ kind, q: text })}`), 250)
		return () => clearTimeout(timer.current)
	}, [kind, text, load])
	return text.trim().length < 4 ? fallback ?? null : (fetcher.data ?? fallback ?? null)
}

export function SimilarItems({ similar }: { similar: Similar | null }) {
	const t = useT()
	if (!similar || (!similar.ideas.length && !similar.insights.length)) return null
	return (
		<section aria-live="polite" aria-label={similar.ideas.length ? t('similar.ideas') : t('similar.insights')} className="rounded-md border border-amber-300 bg-amber-50 p-3">
			<p className="text-sm font-medium text-amber-900">{similar.ideas.length ? t('similar.ideas') : t('similar.insights')}</p>
			<ul className="mt-2 space-y-2">
				{similar.ideas.map((idea) => (
					<li key={idea.id} className="flex items-center gap-3">
						<VoteButton ideaId={idea.id} title={idea.title} voted={false} count={idea.voteCount} />
						<Link to={`/ideas/${idea.id}`} target="_blank" className="text-sm font-medium text-brand-900 underline">
							{idea.title}
						</Link>
					</li>
				))}
				{similar.insights.map((insight) => (
					<li key={insight.id} className="flex items-start gap-3">
						<SeeTooButton insightId={insight.id} />
						<Link to={`/insights/${insight.id}`} target="_blank" className="line-clamp-2 text-sm text-brand-900 underline">
							{insight.body}
						</Link>
					</li>
				))}
			</ul>
		</section>
	)
}

function SeeTooButton({ insightId }: { insightId: string }) {
	const t = useT()
	const fetcher = useFetcher()
	const hydrated = useHydrated()
	const done = fetcher.state !== 'idle' || fetcher.data !== undefined
	return (
		<fetcher.Form method="post" action={`/insights/${insightId}`}>
			<input type="hidden" name="intent" value="see" />
			{hydrated ? <input type="hidden" name="fetch" value="1" /> : null}
			<button type="submit" disabled={done} className="min-h-9 whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-semibold disabled:opacity-70">
				{done ? t('similar.seen') : t('similar.seeToo')}
			</button>
		</fetcher.Form>
	)
}
