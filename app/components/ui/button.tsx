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
