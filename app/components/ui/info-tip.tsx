import { useT } from '#app/utils/root-data.ts'

/** A definition behind a small "i": a native disclosure, so it works by keyboard and without JavaScript. */
export function InfoTip({ label, children }: { label: string; children: React.ReactNode }) {
	const t = useT()
	return (
		<details className="group relative inline-block align-middle">
			<summary
				aria-label={t('dashboard.about', { label })}
				className="flex h-5 w-5 cursor-pointer list-none items-center justify-center rounded-full border border-slate-400 text-xs font-semibold text-slate-600 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
			>
				i
			</summary>
			<div className="absolute right-0 z-20 mt-1 w-64 max-w-[80vw] rounded-md bg-slate-900 p-3 text-xs font-normal leading-relaxed text-white shadow-lg">
				{children}
			</div>
		</details>
	)
}
