import { Form, Link, useLocation } from '@remix-run/react'
import { Button } from '#app/components/ui/button.tsx'
import { useT } from '#app/utils/root-data.ts'

/**
 * A destructive action asks first, without JavaScript: the first click opens this
 * panel (a `?confirm=` link), the second submits.
 */
export function ConfirmPanel({
	message,
	intent,
	fields = {},
	confirmLabel,
}: {
	message: string
	intent: string
	fields?: Record<string, string>
	confirmLabel?: string
}) {
	const t = useT()
	const location = useLocation()
	const params = new URLSearchParams(location.search)
	params.delete('confirm')
	const cancelTo = `${location.pathname}${params.size ? `?${params}` : ''}`
	return (
		<div
			role="alertdialog"
			aria-labelledby="confirm-title"
			aria-describedby="confirm-message"
			className="my-4 rounded-lg border border-red-300 bg-red-50 p-4"
		>
			<h2 id="confirm-title" className="font-semibold text-red-900">
				{t('common.confirmTitle')}
			</h2>
			<p id="confirm-message" className="mt-1 text-red-900">
				{message}
			</p>
			<Form method="post" action={cancelTo} className="mt-3 flex flex-wrap gap-2">
				<input type="hidden" name="intent" value={intent} />
				{Object.entries(fields).map(([name, value]) => (
					<input key={name} type="hidden" name={name} value={value} />
				))}
				<Button variant="danger" autoFocus>
					{confirmLabel ?? t('common.confirm')}
				</Button>
				<Link to={cancelTo} className="inline-flex min-h-11 items-center rounded-md px-4 font-semibold text-slate-800 underline sm:min-h-9">
					{t('common.cancel')}
				</Link>
			</Form>
		</div>
	)
}
