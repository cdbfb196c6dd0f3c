import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { similarIdeas, similarInsights } from '#app/models/search.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { useHydrated } from '#app/utils/hydrated.ts'
import { useT } from '#app/utils/root-data.ts'

/** Similar open ideas or insights for what someone is typing (the forms call this as they type). */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:idea:any')
	const params = new URL(request.url).searchParams
	const q = (params.get('q') ?? '').slice(0, 2000)
	const except = params.get('except') ?? undefined
	return params.get('kind') === 'insight'
		? { ideas: [], insights: similarInsights(q, except) }
		: { ideas: similarIdeas(q, user.id, except), insights: [] }
}

type Similar = {
	ideas: Array<{ id: string; title: string; voteCount: number; votedByMe: boolean }>
	insights: Array<{ id: string; body: string; recurrenceCount: number }>
}

/**
 * Asks for similar items while the person types (debounced) and returns them; also the
 * server's list when the form came back without JavaScript.
 */
export function useSimilar(kind: 'idea' | 'insight', text: string, fallback?: Similar | null) {
	const fetcher = useFetcher<typeof loader>()
	const timer = useRef<ReturnType<typeof setTimeout>>()
	const { load } = fetcher
	useEffect(() => {
		clearTimeout(timer.current)
		if (text.trim().length < 4) return
		timer.current = setTimeout(() => load(`/resources/similar?${new URLSearchParams({ kind, q: text })}`), 250)
		return () => clearTimeout(timer.current)
	}, [kind, text, load])
	return text.trim().length < 4 ? (fallback ?? null) : (fetcher.data ?? fallback ?? null)
}

/**
 * Suggestions sit inside the idea or insight form, so they cannot hold forms of their own:
 * with JavaScript their buttons submit through a fetcher; without it they are links.
 */
export function SimilarItems({ similar }: { similar: Similar | null }) {
	const t = useT()
	if (!similar || (!similar.ideas.length && !similar.insights.length)) return null
	const label = similar.ideas.length ? t('similar.ideas') : t('similar.insights')
	return (
		<section aria-live="polite" aria-label={label} className="rounded-md border border-amber-300 bg-amber-50 p-3">
			<p className="text-sm font-medium text-amber-900">{label}</p>
			<ul className="mt-2 space-y-2">
				{similar.ideas.map((idea) => (
					<li key={idea.id} className="flex items-center gap-3">
						<SuggestionButton
							action={`/ideas/${idea.id}/vote`}
							fields={{ vote: idea.votedByMe ? 'off' : 'on', fetch: '1' }}
							pressed={idea.votedByMe}
							label={t(idea.votedByMe ? 'ideas.withdrawVoteFor' : 'ideas.voteFor', { title: idea.title })}
							text={`▲ ${idea.voteCount}`}
						/>
						<Link to={`/ideas/${idea.id}`} target="_blank" className="text-sm font-medium text-brand-900 underline">
							{idea.title}
						</Link>
					</li>
				))}
				{similar.insights.map((insight) => (
					<li key={insight.id} className="flex items-start gap-3">
						<SuggestionButton
							action={`/insights/${insight.id}`}
							fields={{ intent: 'see', fetch: '1' }}
							pressed={false}
							label={t('similar.seeToo')}
							text={t('similar.seeToo')}
							doneText={t('similar.seen')}
						/>
						<Link to={`/insights/${insight.id}`} target="_blank" className="line-clamp-2 text-sm text-brand-900 underline">
							{insight.body}
						</Link>
					</li>
				))}
			</ul>
		</section>
	)
}

function SuggestionButton({
	action,
	fields,
	pressed,
	label,
	text,
	doneText,
}: {
	action: string
	fields: Record<string, string>
	pressed: boolean
	label: string
	text: string
	doneText?: string
}) {
	const fetcher = useFetcher()
	const hydrated = useHydrated()
	if (!hydrated) return null
	const done = doneText && (fetcher.state !== 'idle' || fetcher.data !== undefined)
	return (
		<button
			type="button"
			aria-pressed={pressed}
			aria-label={done ? doneText : label}
			disabled={Boolean(done)}
			onClick={() => fetcher.submit(fields, { method: 'post', action })}
			className={`min-h-9 whitespace-nowrap rounded-md border px-3 py-1 text-sm font-semibold disabled:opacity-70 ${
				pressed ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800'
			}`}
		>
			{done ? doneText : text}
		</button>
	)
}
