import { commentSegments } from '#app/models/idea.ts'

/** Plain text with line breaks, links and mentions; every piece is a text node or element. */
export function CommentBody({ body, handles }: { body: string; handles: ReadonlySet<string> }) {
	return (
		<p className="whitespace-pre-line break-words text-slate-900">
			{commentSegments(body, handles).map((segment, index) => {
				if (segment.kind === 'link') {
					return (
						<a key={index} href={segment.href} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
							{segment.text}
						</a>
					)
				}
				if (segment.kind === 'mention') {
					return (
						<strong key={index} className="rounded bg-brand-50 px-0.5 font-semibold text-brand-900">
							{segment.text}
						</strong>
					)
				}
				return <span key={index}>{segment.text}</span>
			})}
		</p>
	)
}
