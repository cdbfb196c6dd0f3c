import { type FieldMetadata, getInputProps, getSelectProps } from '@conform-to/react'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useId } from 'react'
import { useT } from '#app/utils/root-data.ts'

/** Schema messages are catalog keys; anything else is shown as it is. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
	const t = useT()
	const list = errors?.filter(Boolean)
	if (!list?.length) return null
	return (
		<ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
			{list.map((error) => (
				<li key={error}>{t(error as MessageKey, { defaultValue: error })}</li>
			))}
		</ul>
	)
}

type FieldProps = {
	label: string
	meta: FieldMetadata<string | undefined>
	type?: 'text' | 'email' | 'password' | 'search' | 'hidden'
	hint?: string
	autoComplete?: string
	autoFocus?: boolean
	className?: string
}

const inputClass =
	'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm'

export function Field({ label, meta, type = 'text', hint, autoComplete, autoFocus, className = '' }: FieldProps) {
	const hintId = useId()
	const described = [hint ? hintId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(' ')
	return (
		<div className={className}>
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<input
				{...getInputProps(meta, { type, ariaDescribedBy: described || undefined })}
				key={meta.key}
				autoComplete={autoComplete}
				autoFocus={autoFocus}
				className={inputClass}
			/>
			{hint ? (
				<p id={hintId} className="mt-1 text-sm text-slate-600">
					{hint}
				</p>
			) : null}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

type Option = { value: string; label: string; depth?: number }

export function SelectField({
	label,
	meta,
	options,
	placeholder,
	className = '',
}: {
	label: string
	meta: FieldMetadata<string | undefined>
	options: Option[]
	placeholder?: string
	className?: string
}) {
	return (
		<div className={className}>
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<select {...getSelectProps(meta)} key={meta.key} className={inputClass}>
				{placeholder !== undefined ? <option value="">{placeholder}</option> : null}
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{'\u00a0\u00a0'.repeat(option.depth ?? 0)}
						{option.label}
					</option>
				))}
			</select>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function FormErrors({ errors }: { errors?: string[] | null }) {
	if (!errors?.length) return null
	return (
		<div role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 p-3">
			<ErrorList errors={errors} />
		</div>
	)
}
