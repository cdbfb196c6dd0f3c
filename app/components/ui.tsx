import { Link, type LinkProps } from '@remix-run/react'
import { type ButtonHTMLAttributes } from 'react'

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'

const base =
	'inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold min-h-11 sm:min-h-9 disabled:opacity-60 disabled:cursor-not-allowed'
const variants: Record<Variant, string> = {
	primary: 'bg-brand-600 text-white hover:bg-brand-700',
	secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
	danger: 'bg-red-700 text-white hover:bg-red-800',
	ghost: 'text-brand-700 hover:bg-brand-50',
}

export function buttonClass(variant: Variant = 'primary', extra = '') {
	return `${base} ${variants[variant]} ${extra}`
}

export function Button({
	variant = 'primary',
	className = '',
	type = 'submit',
	...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
	return <button type={type} className={buttonClass(variant, className)} {...props} />
}

export function ButtonLink({ variant = 'secondary', className = '', ...props }: LinkProps & { variant?: Variant }) {
	return <Link className={buttonClass(variant, className)} {...props} />
}

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

export function Badge({ children, tone = 'slate' }: { children: React.ReactNode; tone?: 'slate' | 'amber' | 'red' | 'green' }) {
	const tones = {
		slate: 'bg-slate-100 text-slate-700',
		amber: 'bg-amber-100 text-amber-900',
		red: 'bg-red-100 text-red-800',
		green: 'bg-green-100 text-green-800',
	}
	return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>
}
