import { type PrivacyFinding } from '#app/utils/privacy.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

/** Shows what looked like customer data and how it will be saved; the next submit confirms. */
export function PrivacyNotice({ findings, labels }: { findings?: PrivacyFinding[] | null; labels: Record<string, string> }) {
	const t = useT()
	const format = useFormat()
	if (!findings?.length) return null
	return (
		<div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
			<input type="hidden" name="redactConfirmed" value="1" />
			<p className="font-semibold">{t('privacy.heading')}</p>
			<p className="text-sm">{t('privacy.intro')}</p>
			<ul className="space-y-2 text-sm">
				{findings.map((f) => (
					<li key={f.field}>
						<span className="font-medium">
							{t('privacy.inField', { field: labels[f.field] ?? f.field, kinds: format.list(f.kinds.map((k) => t(`privacy.kinds.${k}`))) })}
						</span>
						<span className="mt-1 block whitespace-pre-line rounded bg-white p-2 font-mono text-xs">{f.redacted}</span>
					</li>
				))}
			</ul>
		</div>
	)
}
