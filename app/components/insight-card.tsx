import { Link } from '@remix-run/react'
import { EmotionLabel, TagList } from '#app/components/tags.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Meta } from '#app/components/ui/meta.tsx'
import { type TranslatedNames } from '#app/locales/index.ts'
import { type LocalizedEntry } from '#app/models/taxonomy.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

type Tag = LocalizedEntry
export type InsightCardData = {
	id: string
	body: string
	emotion: number
	/** How the moment ended, where the author said (absent from lists that do not carry it). */
	endEmotion?: number | null
	resolvedFirstContact?: boolean | null
	waitMinutes?: number | null
	occurredAt: Date | string
	anonymous: boolean
	authorName: string | null
	recurrenceCount: number
	/** Colleagues who marked it handled well (absent from lists that do not carry it). */
	thanksCount?: number
	channel: { name: string; names: TranslatedNames }
	stage: Tag
	event: Tag | null
	departmentName: string | null
}

export function InsightCard({
	insight,
	headingLevel = 'h3',
	children,
}: {
	insight: InsightCardData
	headingLevel?: 'h2' | 'h3'
	children?: React.ReactNode
}) {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	const Heading = headingLevel
	// An anonymous insight keeps only its day (app/models/anonymity.server.ts).
	const when = insight.anonymous ? format.date(insight.occurredAt) : format.dateTime(insight.occurredAt)
	return (
		<article className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
			<Heading className="sr-only">{t('insights.cardHeading', { date: when })}</Heading>
			<p className="whitespace-pre-line text-slate-900">
				<Link to={`/insights/${insight.id}`} className="hover:underline">
					{insight.body.length > 280 ? `${insight.body.slice(0, 280)}…` : insight.body}
				</Link>
			</p>
			<div className="flex flex-wrap items-center gap-2">
				<EmotionLabel emotion={insight.emotion} />
				{insight.endEmotion ? (
					<>
						<span aria-hidden className="text-slate-500">
							→
						</span>
						<EmotionLabel emotion={insight.endEmotion} ended />
					</>
				) : null}
				<TagList stages={[insight.stage]} events={[insight.event]} />
				{insight.thanksCount ? <Badge tone="green">{t('thanks.count', { count: insight.thanksCount })}</Badge> : null}
			</div>
			<Meta>
				{localizedName(insight.channel, locale)}
				{when}
				{insight.anonymous || !insight.authorName ? t('ideas.anonymousAuthor') : insight.authorName}
				{insight.departmentName}
				{insight.recurrenceCount ? t('insights.seenToo', { count: insight.recurrenceCount }) : null}
				{insight.resolvedFirstContact === true || insight.resolvedFirstContact === false
					? t(insight.resolvedFirstContact ? 'insights.resolvedFirst' : 'insights.notResolvedFirst')
					: null}
				{insight.waitMinutes !== null && insight.waitMinutes !== undefined ? t('insights.waited', { count: insight.waitMinutes }) : null}
			</Meta>
			{children}
		</article>
	)
}
