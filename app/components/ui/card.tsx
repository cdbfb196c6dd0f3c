export function PageHeader({ title, children }: { title: string; children?: React.ReactNode }) {
	return (
		<div className="mb-6 flex flex-wrap items-center justify-between gap-3">
			<h1 className="text-2xl font-bold text-slate-900">{title}</h1>
			{children ? <div className="flex flex-wrap gap-2">{children}</div> : null}
		</div>
	)
}

export function Card({ children, className = '' }: { children: React.ReactNode; className?: string }) {
	return <section className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 ${className}`}>{children}</section>
}
