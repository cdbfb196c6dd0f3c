import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * A wide table in a box that scrolls sideways on narrow screens, and says so: a hint above
 * it and a shade on the right edge while more is hidden there (with JavaScript the shade
 * goes once the end is reached, or when everything fits). Keyboard users can focus the box
 * and scroll it with the arrow keys.
 */
export function HorizontalScroll({ label, hint, children }: { label: string; hint: string; children: React.ReactNode }) {
	const ref = useRef<HTMLDivElement>(null)
	const [more, setMore] = useState(true)
	const update = useCallback(() => {
		const box = ref.current
		if (box) setMore(box.scrollLeft + box.clientWidth < box.scrollWidth - 2)
	}, [])
	useEffect(() => {
		update()
		window.addEventListener('resize', update)
		return () => window.removeEventListener('resize', update)
	}, [update])
	return (
		<div>
			{more ? (
				<p className="mb-2 flex items-center gap-1 text-sm text-slate-700 lg:hidden">
					<span aria-hidden>⇆</span>
					{hint}
				</p>
			) : null}
			<div className="relative">
				<div
					ref={ref}
					onScroll={update}
					role="region"
					aria-label={label}
					tabIndex={0}
					className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
				>
					{children}
				</div>
				{more ? (
					<div
						aria-hidden
						className="pointer-events-none absolute inset-y-0 right-0 w-10 rounded-r-lg bg-gradient-to-l from-slate-400/40 to-transparent lg:hidden"
					/>
				) : null}
			</div>
		</div>
	)
}
