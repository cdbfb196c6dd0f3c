import { Link } from '@remix-run/react'
import { Badge } from '#app/components/ui/badge.tsx'
import { NO_EVENT } from '#app/models/dashboard.ts'
import { type IdeaStatus, type SlaState } from '#app/models/idea.ts'
import { type LocalizedEntry } from '#app/models/taxonomy.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { relativeTimeFormat } from '#app/utils/intl.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

type Named = LocalizedEntry

export function TagList({ stages = [], events = [] }: { stages?: Named[]; events?: Array<Named | null> }) {
	const locale = useLocale()
	const t = useT()
	const list = [
		...stages.map((s) => ({ key: `s-${s.id}`, label: localizedName(s, locale), kind: t('insights.stage'), to: null })),
		// A moment of truth leads to its playbook: how we handle it, and its stories.
		...events.flatMap((e) =>
			e && e.id !== NO_EVENT
				? [{ key: `e-${e.id}`, label: localizedName(e, locale), kind: t('insights.event'), to: `/moments/${e.id}` }]
				: [],
		),
	]
	if (!list.length) return null
	return (
		<ul className="flex flex-wrap gap-1.5" aria-label={t('ideas.tags')}>
			{list.map((tag) => (
				<li key={tag.key}>
					{tag.to ? (
						<Link
							to={tag.to}
							className="inline-block rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 underline-offset-2 hover:underline"
						>
							<span className="sr-only">{tag.kind}: </span>
							{tag.label}
						</Link>
					) : (
						<span className="inline-block rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-900">
							<span className="sr-only">{tag.kind}: </span>
							{tag.label}
						</span>
					)}
				</li>
			))}
		</ul>
	)
}

const STATUS_TONE: Record<IdeaStatus, 'slate' | 'amber' | 'green' | 'red'> = {
	submitted: 'slate',
	in_review: 'amber',
	accepted: 'green',
	in_progress: 'amber',
	implemented: 'green',
	declined: 'red',
	merged: 'slate',
}

export function StatusBadge({ status }: { status: IdeaStatus }) {
	const t = useT()
	return <Badge tone={STATUS_TONE[status]}>{t(`statuses.${status}`)}</Badge>
}

/** The customer's emotion: at the worst point, or (ended) at the end of the moment. */
export function EmotionLabel({ emotion, ended = false }: { emotion: number; ended?: boolean }) {
	const t = useT()
	const tone = emotion >= 4 ? 'red' : emotion === 3 ? 'amber' : ended ? 'green' : 'slate'
	const values = { value: emotion, label: t(`emotions.${emotion as 1 | 2 | 3 | 4 | 5}`) }
	return <Badge tone={tone}>{ended ? t('insights.endedValue', values) : t('insights.emotionValue', values)}</Badge>
}

/** "3 days ago" in the reader's language. */
export function useAge() {
	const locale = useLocale()
	return (date: Date | string | number, now = Date.now()) => {
		const seconds = Math.round((new Date(date).getTime() - now) / 1000)
		const rtf = relativeTimeFormat(locale, { numeric: 'auto' })
		const abs = Math.abs(seconds)
		if (abs < 60) return rtf.format(0, 'second')
		if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute')
		if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour')
		if (abs < 86_400 * 30) return rtf.format(Math.round(seconds / 86_400), 'day')
		if (abs < 86_400 * 365) return rtf.format(Math.round(seconds / (86_400 * 30)), 'month')
		return rtf.format(Math.round(seconds / (86_400 * 365)), 'year')
	}
}

/** Where an idea stands against the first-response target: due, overdue or answered. */
export function SlaBadge({ sla }: { sla: SlaState | null }) {
	const t = useT()
	const format = useFormat()
	if (!sla) return null
	if (sla.kind === 'answered') return <Badge tone="green">{t('triage.sla.answered', { date: format.date(sla.at) })}</Badge>
	const title = t('triage.sla.dueOn', { date: format.date(sla.dueAt) })
	return (
		<span title={title}>
			{sla.kind === 'overdue' ? (
				<Badge tone="red">{t('triage.sla.overdue', { count: sla.days })}</Badge>
			) : (
				<Badge tone={sla.days <= 2 ? 'amber' : 'slate'}>
					{sla.days === 0 ? t('triage.sla.dueToday') : t('triage.sla.due', { count: sla.days })}
				</Badge>
			)}
		</span>
	)
}
