import { highlightSegments } from '#app/models/search.ts'

/** Search snippets: the matched words in <mark>, everything else as plain text. */
export function Highlighted({ text }: { text: string }) {
	return (
		<>
			{highlightSegments(text).map((segment, i) =>
				segment.marked ? (
					<mark key={i} className="rounded bg-amber-100 px-0.5 text-slate-900">
						{segment.text}
					</mark>
				) : (
					<span key={i}>{segment.text}</span>
				),
			)}
		</>
	)
}
