import { Form } from '@remix-run/react'
import { useT } from '#app/utils/root-data.ts'
import { Button } from './ui.tsx'

/** Shown to moderators on hidden content: why it was hidden, and Restore for admins. */
export function HiddenBanner({ reason, restoreFields }: { reason: string | null; restoreFields: Record<string, string> | null }) {
	const t = useT()
	return (
		<div
			role="status"
			className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900"
		>
			<span>{t('moderation.hiddenBanner', { reason: reason ?? '' })}</span>
			{restoreFields ? (
				<Form method="post">
					<input type="hidden" name="intent" value="restore" />
					{Object.entries(restoreFields).map(([name, value]) => (
						<input key={name} type="hidden" name={name} value={value} />
					))}
					<Button variant="secondary">{t('moderation.restore')}</Button>
				</Form>
			) : null}
		</div>
	)
}
