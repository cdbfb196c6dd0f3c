import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useId, type Ref, type TextareaHTMLAttributes } from 'react'
import { type MessageKey } from '#app/utils/i18n.ts'
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
	/** A text field, or a number typed as text (a count of minutes). */
	meta: FieldMetadata<string | number | undefined>
	type?: 'text' | 'email' | 'password' | 'search' | 'hidden' | 'date' | 'datetime-local'
	hint?: string
	autoComplete?: string
	autoFocus?: boolean
	className?: string
}

/** The ids a field's aria-describedby names: its hint, and its errors when it has any. */
function useDescribedBy(meta: { errors?: string[]; errorId: string }, hint?: string) {
	const hintId = useId()
	const described = [hint ? hintId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(' ')
	return { hintId, described: described || undefined }
}

function FieldLabel({ htmlFor, label }: { htmlFor: string; label: string }) {
	return (
		<label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
			{label}
		</label>
	)
}

const inputClass =
	'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm'

export function Field({ label, meta, type = 'text', hint, autoComplete, autoFocus, className = '' }: FieldProps) {
	const { hintId, described } = useDescribedBy(meta, hint)
	return (
		<div className={className}>
			<FieldLabel htmlFor={meta.id} label={label} />
			<input
				{...getInputProps(meta, { type, ariaDescribedBy: described })}
				key={meta.key}
				autoComplete={autoComplete}
				autoFocus={autoFocus}
				className={inputClass}
			/>
			<Hint id={hintId} text={hint} className="mt-1" />
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

type Option = { value: string; label: string; depth?: number }

function Hint({ id, text, className = '' }: { id: string; text?: string; className?: string }) {
	if (!text) return null
	return (
		<p id={id} className={`${className} text-sm text-slate-600`}>
			{text}
		</p>
	)
}

export function TextareaField({
	label,
	meta,
	hint,
	rows = 4,
	autoFocus,
	className = '',
	textareaProps,
	after = null,
}: {
	label: string
	meta: FieldMetadata<string | undefined>
	hint?: string
	rows?: number
	autoFocus?: boolean
	className?: string
	/** Extra attributes and handlers for the textarea (a suggestion list's keyboard, for one). */
	textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }
	/** Shown right under the textarea, e.g. its suggestion list. */
	after?: React.ReactNode
}) {
	const { hintId, described } = useDescribedBy(meta, hint)
	return (
		<div className={`relative ${className}`}>
			<FieldLabel htmlFor={meta.id} label={label} />
			<Hint id={hintId} text={hint} className="mt-0.5" />
			<textarea
				{...getTextareaProps(meta, { ariaDescribedBy: described })}
				{...textareaProps}
				key={meta.key}
				rows={rows}
				autoFocus={autoFocus}
				className={inputClass}
			/>
			{after}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

/** Radio buttons or checkboxes in a fieldset whose legend names the question. */
export function ChoiceGroup({
	legend,
	meta,
	type,
	options,
	hint,
	columns = false,
}: {
	legend: string
	meta: FieldMetadata<string | number | string[] | undefined>
	type: 'radio' | 'checkbox'
	options: Option[]
	hint?: string
	columns?: boolean
}) {
	const hintId = useId()
	const labels = new Map(options.map((o) => [o.value, o.label]))
	return (
		<fieldset aria-describedby={[hint ? hintId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(' ') || undefined}>
			<legend className="text-sm font-medium text-slate-800">{legend}</legend>
			<Hint id={hintId} text={hint} className="mt-0.5" />
			<div className={`mt-2 ${columns ? 'grid gap-2 sm:grid-cols-2' : 'flex flex-wrap gap-2'}`}>
				{getCollectionProps(meta, { type, options: options.map((o) => o.value) }).map(({ key, ...props }) => (
					<label
						key={key}
						className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 sm:min-h-9"
					>
						<input {...props} className="h-4 w-4 accent-brand-700" />
						<span>{labels.get(props.value)}</span>
					</label>
				))}
			</div>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</fieldset>
	)
}

export function CheckboxField({ label, meta, hint }: { label: string; meta: FieldMetadata<boolean | undefined>; hint?: string }) {
	const hintId = useId()
	return (
		<div className="flex items-start gap-3">
			<input
				{...getInputProps(meta, { type: 'checkbox', ariaDescribedBy: hint ? hintId : undefined })}
				key={meta.key}
				className="mt-1 h-5 w-5 accent-brand-700"
			/>
			<div>
				<label htmlFor={meta.id} className="font-medium text-slate-800">
					{label}
				</label>
				<Hint id={hintId} text={hint} />
			</div>
		</div>
	)
}

export function SelectField({
	label,
	meta,
	options,
	placeholder,
	hint,
	className = '',
	onChange,
}: {
	label: string
	meta: FieldMetadata<string | undefined>
	options: Option[]
	placeholder?: string
	hint?: string
	className?: string
	onChange?: React.ChangeEventHandler<HTMLSelectElement>
}) {
	const hintId = useId()
	return (
		<div className={className}>
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<select
				{...getSelectProps(meta, { ariaDescribedBy: hint ? hintId : undefined })}
				key={meta.key}
				className={inputClass}
				onChange={onChange}
			>
				{placeholder !== undefined ? <option value="">{placeholder}</option> : null}
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{'\u00a0\u00a0'.repeat(option.depth ?? 0)}
						{option.label}
					</option>
				))}
			</select>
			<Hint id={hintId} text={hint} className="mt-1" />
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
