import { type IdeaStatus } from '#app/models/idea.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export type TimelineEntry = {
	id: string
	fromStatus: IdeaStatus | null
	toStatus: IdeaStatus | null
	note: string | null
	createdAt: Date | string
	actorName: string
}

/** The idea's public history, oldest first, starting with its submission. */
export function Timeline({ entries, submittedAt }: { entries: TimelineEntry[]; submittedAt: Date | string }) {
	const t = useT()
	const format = useFormat()
	return (
		<section aria-labelledby="timeline-heading" className="space-y-3">
			<h2 id="timeline-heading" className="text-lg font-semibold">
				{t('triage.timeline')}
			</h2>
			<ol className="space-y-3 border-l-2 border-slate-200 pl-4">
				<li>
					<p className="text-sm text-slate-600">
						<time dateTime={new Date(submittedAt).toISOString()}>{format.dateTime(submittedAt)}</time> · {t('triage.timelineSubmitted')}
					</p>
				</li>
				{entries.map((entry) => (
					<li key={entry.id}>
						<p className="text-sm text-slate-600">
							<time dateTime={new Date(entry.createdAt).toISOString()}>{format.dateTime(entry.createdAt)}</time> ·{' '}
							<span className="font-medium text-slate-900">
								{entry.toStatus && entry.fromStatus
									? t('triage.moved', {
											actor: entry.actorName,
											from: t(`statuses.${entry.fromStatus}`),
											to: t(`statuses.${entry.toStatus}`),
										})
									: t('triage.updated', { actor: entry.actorName })}
							</span>
						</p>
						{entry.note ? <p className="mt-1 whitespace-pre-line rounded-md bg-white p-3 text-slate-900 shadow-sm">{entry.note}</p> : null}
					</li>
				))}
			</ol>
		</section>
	)
}
