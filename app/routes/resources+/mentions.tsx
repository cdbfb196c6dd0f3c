import { type LoaderFunctionArgs } from '@remix-run/node'
import { useFetcher } from '@remix-run/react'
import { useId, useRef, useState } from 'react'
import { findMentionable } from '#app/models/comment.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/root-data.ts'

/** Colleagues to mention for what follows an "@" (every reader of an idea may be mentioned). */
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'create:comment:own')
	const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 40)
	return { people: findMentionable(q) }
}

/** The word being typed right before the caret, when it starts with "@". */
function mentionAt(text: string, caret: number) {
	const match = /(^|[\s(])@([\p{L}\p{N}._-]{1,40})$/u.exec(text.slice(0, caret))
	return match ? { start: caret - match[2]!.length, typed: match[2]! } : null
}

/**
 * @mention suggestions for a comment box, with JavaScript: typing "@gi" lists colleagues whose
 * handle or name starts so; arrows move, Enter or Tab picks, Escape closes; the pick writes
 * "@name.surname ". Without JavaScript the plain "@name.surname" works as before.
 * Returns the textarea's props and the list to render under it.
 */
export function useMentions() {
	const t = useT()
	const fetcher = useFetcher<typeof loader>()
	const listId = useId()
	const [at, setAt] = useState<{ start: number; typed: string } | null>(null)
	const [active, setActive] = useState(0)
	const ref = useRef<HTMLTextAreaElement | null>(null)
	const people = at ? (fetcher.data?.people ?? []) : []
	const open = people.length > 0

	const update = (el: HTMLTextAreaElement) => {
		const found = mentionAt(el.value, el.selectionStart)
		setAt(found)
		setActive(0)
		if (found) fetcher.load(`/resources/mentions?${new URLSearchParams({ q: found.typed })}`)
	}
	const choose = (handle: string) => {
		const el = ref.current
		if (!el || !at) return
		const before = el.value.slice(0, at.start)
		const after = el.value.slice(el.selectionStart)
		el.value = `${before}${handle} ${after.replace(/^\s+/, '')}`
		const caret = before.length + handle.length + 1
		el.setSelectionRange(caret, caret)
		el.focus()
		setAt(null)
	}
	const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
		if (!open) return
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault()
			setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : people.length - 1)) % people.length)
		} else if (event.key === 'Enter' || event.key === 'Tab') {
			event.preventDefault()
			choose(people[active]!.handle)
		} else if (event.key === 'Escape') {
			event.preventDefault()
			setAt(null)
		}
	}
	const optionId = (i: number) => `${listId}-${i}`
	const textareaProps = {
		ref,
		onInput: (event: React.FormEvent<HTMLTextAreaElement>) => update(event.currentTarget),
		onClick: (event: React.MouseEvent<HTMLTextAreaElement>) => update(event.currentTarget),
		onKeyDown,
		onBlur: () => setTimeout(() => setAt(null), 150),
		'aria-autocomplete': 'list' as const,
		'aria-controls': open ? listId : undefined,
		'aria-activedescendant': open ? optionId(active) : undefined,
	}
	const list = (
		<>
			<p className="sr-only" aria-live="polite">
				{open ? t('comments.mentionCount', { count: people.length }) : ''}
			</p>
			{open ? (
				<ul
					id={listId}
					role="listbox"
					aria-label={t('comments.mentionList')}
					className="absolute z-10 mt-1 max-h-64 w-full max-w-sm overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
				>
					{people.map((person, i) => (
						<li
							key={person.handle}
							id={optionId(i)}
							role="option"
							aria-selected={i === active}
							// The textarea keeps focus: choosing happens before it blurs.
							onMouseDown={(event) => {
								event.preventDefault()
								choose(person.handle)
							}}
							className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-brand-700 text-white' : 'text-slate-900 hover:bg-slate-100'}`}
						>
							<span className="font-medium">{person.name}</span>{' '}
							<span className={i === active ? 'text-brand-50' : 'text-slate-600'}>@{person.handle}</span>
						</li>
					))}
				</ul>
			) : null}
		</>
	)
	return { textareaProps, list }
}
