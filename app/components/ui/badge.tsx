export function Badge({ children, tone = 'slate' }: { children: React.ReactNode; tone?: 'slate' | 'amber' | 'red' | 'green' }) {
	const tones = {
		slate: 'bg-slate-100 text-slate-700',
		amber: 'bg-amber-100 text-amber-900',
		red: 'bg-red-100 text-red-800',
		green: 'bg-green-100 text-green-800',
	}
	return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>
}
