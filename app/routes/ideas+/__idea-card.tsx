import { Link } from '@remix-run/react'
import { StatusBadge, TagList, useAge } from '#app/components/tags.tsx'
import { Meta } from '#app/components/ui/meta.tsx'
import { type IdeaStatus } from '#app/models/idea.ts'
import { type LocalizedEntry } from '#app/models/taxonomy.ts'
import { VoteButton } from '#app/routes/ideas+/$ideaId_.vote.tsx'
import { useFormat, useT } from '#app/utils/root-data.ts'

type Tag = LocalizedEntry
export type IdeaCardData = {
	id: string
	title: string
	status: IdeaStatus
	anonymous: boolean
	authorName: string | null
	voteCount: number
	commentCount: number
	createdAt: Date | string
	votedByMe: boolean
	stages: Tag[]
	events: Tag[]
}

export function IdeaCard({ idea }: { idea: IdeaCardData }) {
	const t = useT()
	const format = useFormat()
	const age = useAge()
	return (
		<article className="flex gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`idea-${idea.id}`}>
			<VoteButton ideaId={idea.id} title={idea.title} voted={idea.votedByMe} count={idea.voteCount} status={idea.status} />
			<div className="min-w-0 flex-1 space-y-2">
				<div className="flex flex-wrap items-start justify-between gap-2">
					<h3 id={`idea-${idea.id}`} className="text-base font-semibold leading-snug">
						<Link to={`/ideas/${idea.id}`} className="text-brand-900 hover:underline">
							{idea.title}
						</Link>
					</h3>
					<StatusBadge status={idea.status} />
				</div>
				<TagList stages={idea.stages} events={idea.events} />
				<Meta>
					{idea.anonymous || !idea.authorName ? t('ideas.anonymousAuthor') : idea.authorName}
					{/* An anonymous idea keeps only its day (app/models/anonymity.server.ts). */}
					<time
						dateTime={new Date(idea.createdAt).toISOString()}
						title={idea.anonymous ? format.date(idea.createdAt) : format.dateTime(idea.createdAt)}
					>
						{idea.anonymous ? format.date(idea.createdAt) : age(idea.createdAt)}
					</time>
					{t('ideas.comments', { count: idea.commentCount })}
				</Meta>
			</div>
		</article>
	)
}

/** A list of idea cards, or what to say when there is none. */
export function IdeaList({ ideas, empty }: { ideas: readonly IdeaCardData[]; empty: React.ReactNode }) {
	if (!ideas.length) return <>{empty}</>
	return (
		<ul className="space-y-3">
			{ideas.map((idea) => (
				<li key={idea.id}>
					<IdeaCard idea={idea} />
				</li>
			))}
		</ul>
	)
}
