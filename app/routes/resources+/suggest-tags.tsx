import { type LoaderFunctionArgs } from '@remix-run/node'
import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { suggestTags } from '#app/models/suggest.server.ts'
import { type LocalizedEntry } from '#app/models/taxonomy.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { useLocale, useT } from '#app/utils/root-data.ts'

/** The likely moments of truth, stages and channel for what someone is typing (decision 059). */
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'create:insight:own')
	const text = (new URL(request.url).searchParams.get('text') ?? '').slice(0, 2000)
	return suggestTags(text)
}

const EMPTY = { events: [], channelId: null }

/** Asks for suggestions while the person types (debounced); nothing for a few words. */
export function useTagSuggestions(text: string) {
	const fetcher = useFetcher<typeof loader>()
	const timer = useRef<ReturnType<typeof setTimeout>>()
	const { load } = fetcher
	const enough = text.trim().length >= 12
	useEffect(() => {
		clearTimeout(timer.current)
		if (!enough) return
		timer.current = setTimeout(() => load(`/resources/suggest-tags?${new URLSearchParams({ text })}`), 300)
		return () => clearTimeout(timer.current)
	}, [text, enough, load])
	return enough ? (fetcher.data ?? EMPTY) : EMPTY
}

type Choice = { eventId: string; stageId: string } | { channelId: string }

/**
 * "Suggested: Card lost or stolen · Use" as buttons: one tap fills the fields, nothing is set
 * without it. What is already chosen is not offered again. Without JavaScript there is nothing to
 * suggest from, and the fields work as ever.
 */
export function TagSuggestions({
	text,
	chosen,
	taxonomy,
	onChoose,
}: {
	text: string
	chosen: { eventId?: string; channelId?: string }
	taxonomy: { stages: LocalizedEntry[]; events: LocalizedEntry[]; channels: LocalizedEntry[] }
	onChoose: (choice: Choice) => void
}) {
	const t = useT()
	const locale = useLocale()
	const suggestion = useTagSuggestions(text)
	const name = (list: LocalizedEntry[], id: string) => {
		const entry = list.find((e) => e.id === id)
		return entry ? localizedName(entry, locale) : null
	}
	const events = suggestion.events.filter((e) => e.id !== chosen.eventId && name(taxonomy.events, e.id))
	const channel = suggestion.channelId && suggestion.channelId !== chosen.channelId ? name(taxonomy.channels, suggestion.channelId) : null
	if (!events.length && !channel) return null
	const chip =
		'min-h-11 rounded-full border border-brand-300 bg-white px-3 py-1 text-left text-sm text-brand-900 hover:bg-brand-50 focus:outline focus:outline-2 focus:outline-brand-600'
	return (
		<section
			aria-live="polite"
			aria-label={t('suggest.heading')}
			className="rounded-md border border-brand-200 bg-brand-50 p-3"
			data-testid="tag-suggestions"
		>
			<p className="text-sm font-medium text-brand-900">{t('suggest.heading')}</p>
			<ul className="mt-2 flex flex-wrap gap-2">
				{events.map((e) => (
					<li key={e.id}>
						<button type="button" className={chip} onClick={() => onChoose({ eventId: e.id, stageId: e.stageId })}>
							<span className="sr-only">{t('suggest.useEvent')} </span>
							{name(taxonomy.events, e.id)}
							<span className="text-slate-600"> · {name(taxonomy.stages, e.stageId)}</span>
						</button>
					</li>
				))}
				{channel ? (
					<li>
						<button type="button" className={chip} onClick={() => onChoose({ channelId: suggestion.channelId! })}>
							{t('suggest.channel', { channel })}
						</button>
					</li>
				) : null}
			</ul>
		</section>
	)
}
