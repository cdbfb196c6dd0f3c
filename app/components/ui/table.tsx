/**
 * A data table that becomes a list of cards below 768 px: each cell shows its column's
 * name before its value, so nothing is squeezed into a narrow column (e-mails broken every
 * few characters). The ARIA roles keep it a table for screen readers in both layouts.
 */
export function Table({ caption, head, children }: { caption: string; head: React.ReactNode[]; children: React.ReactNode }) {
	return (
		<div className="rounded-lg border border-slate-200 bg-white md:overflow-x-auto">
			<table role="table" className="w-full text-left text-sm max-md:block">
				<caption className="sr-only">{caption}</caption>
				<thead role="rowgroup" className="bg-slate-50 text-slate-700 max-md:sr-only">
					<tr role="row">
						{head.map((label, index) => (
							<th key={index} role="columnheader" scope="col" className="px-4 py-3 font-semibold">
								{label}
							</th>
						))}
					</tr>
				</thead>
				<tbody role="rowgroup" className="divide-y divide-slate-200 max-md:block">
					{children}
				</tbody>
			</table>
		</div>
	)
}

export function Row({ children }: { children: React.ReactNode }) {
	return (
		<tr role="row" className="align-top max-md:block max-md:px-4 max-md:py-3">
			{children}
		</tr>
	)
}

/** One cell; `label` is its column's name, shown before the value on a phone. */
export function Cell({ label, children, className = '' }: { label: string; children: React.ReactNode; className?: string }) {
	return (
		<td
			role="cell"
			data-label={label}
			className={`px-4 py-3 max-md:flex max-md:gap-3 max-md:px-0 max-md:py-1 max-md:before:w-24 max-md:before:shrink-0 max-md:before:font-medium max-md:before:text-slate-600 max-md:before:content-[attr(data-label)] ${className}`}
		>
			<div className="min-w-0 break-words">{children}</div>
		</td>
	)
}
