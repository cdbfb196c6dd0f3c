import { type LoaderFunctionArgs } from '@remix-run/node'
import { useFetcher } from '@remix-run/react'
import { useId } from 'react'
import { ErrorList } from '#app/components/ui/forms.tsx'
import { findOwners } from '#app/models/triage.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useT } from '#app/utils/root-data.ts'

/** Possible owners for what someone types in an owner field (suggestions when JavaScript runs). */
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:triage:scope')
	const q = new URL(request.url).searchParams.get('q') ?? ''
	return { owners: findOwners(q) }
}

/**
 * An owner typed as a name or e-mail. Without JavaScript the server resolves what was typed;
 * with it, the browser's own suggestion list (a datalist) fills as one types. A list of every
 * possible owner would be 1,600 options on each page at the reference scale.
 */
export function OwnerField({
	name,
	id,
	defaultValue,
	errors,
	label,
	hint,
	compact = false,
}: {
	name: string
	id: string
	defaultValue?: string
	errors?: string[]
	label?: string
	hint?: string
	compact?: boolean
}) {
	const t = useT()
	const fetcher = useFetcher<typeof loader>()
	const listId = useId()
	const hintId = useId()
	const errorId = `${id}-error`
	const owners = fetcher.data?.owners ?? []
	const described = [hintId, errors?.length ? errorId : null].filter(Boolean).join(' ')
	return (
		<div>
			<label htmlFor={id} className={compact ? 'block text-xs font-medium text-slate-700' : 'block text-sm font-medium text-slate-800'}>
				{label ?? t('triage.owner')}
			</label>
			<input
				id={id}
				name={name}
				type="text"
				list={listId}
				autoComplete="off"
				maxLength={200}
				defaultValue={defaultValue}
				aria-invalid={errors?.length ? true : undefined}
				aria-describedby={described}
				onChange={(event) => {
					const q = event.currentTarget.value.trim()
					if (q.length >= 2) fetcher.load(`/resources/owners?${new URLSearchParams({ q })}`)
				}}
				className={`mt-1 block w-full rounded-md border border-slate-300 bg-white text-slate-900 aria-[invalid=true]:border-red-600 ${compact ? 'px-2 py-1.5 text-sm' : 'px-3 py-2 text-base shadow-sm sm:text-sm'}`}
			/>
			<datalist id={listId}>
				{owners.map((o) => (
					<option key={o.id} value={o.email}>
						{o.name}
					</option>
				))}
			</datalist>
			<p id={hintId} className="mt-1 text-xs text-slate-600">
				{hint ?? t('triage.ownerHint')}
			</p>
			<ErrorList id={errorId} errors={errors?.map((e) => e as MessageKey)} />
		</div>
	)
}
