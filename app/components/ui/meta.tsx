import { Children } from 'react'

/**
 * A line of facts separated by "·" that wraps cleanly: the dot before the first item of
 * every line falls outside the clipped box, so no line starts or ends with a stray "·".
 * Falsy children are skipped.
 */
export function Meta({ children, className = 'text-sm text-slate-600' }: { children: React.ReactNode; className?: string }) {
	const items = Children.toArray(children).filter(Boolean)
	return (
		<div className={`overflow-hidden ${className}`}>
			<ul className="-ml-4 flex flex-wrap">
				{items.map((item, index) => (
					<li key={index} className="relative pl-4 before:absolute before:left-1.5 before:content-['·'_/_'']">
						{item}
					</li>
				))}
			</ul>
		</div>
	)
}
