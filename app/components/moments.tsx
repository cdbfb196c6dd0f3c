import { useT } from '#app/utils/root-data.ts'

type Owner = { departmentName: string | null; userName: string | null } | null

/** "Owned by Cards & Payments · Ilaria Martinelli" under a moment's heading, or nothing. */
export function EventOwnerLine({ owner }: { owner: Owner }) {
	const t = useT()
	const names = [owner?.departmentName, owner?.userName].filter(Boolean)
	if (!names.length) return null
	return (
		<p className="-mt-2 mb-4 text-sm font-medium text-slate-700" data-testid="event-owner">
			{t('taxonomy.ownedBy', { owner: names.join(' · ') })}
		</p>
	)
}
