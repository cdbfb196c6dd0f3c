import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { type z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { PageHeader } from '#app/components/ui/card.tsx'
import { ChoiceGroup, FormErrors } from '#app/components/ui/forms.tsx'
import { CursorLinks } from '#app/components/ui/pagination.tsx'
import { listFeed } from '#app/models/idea.server.ts'
import { listInsights, setMomentEnd } from '#app/models/insight.server.ts'
import { EMOTIONS, FIRST_CONTACT, MomentEndSchema } from '#app/models/insight.ts'
import { thanksReceived } from '#app/models/thanks.server.ts'
import { IdeaCard } from '#app/routes/ideas+/__idea-card.tsx'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

const TABS = ['insights', 'ideas', 'voted', 'following', 'thanks'] as const
type Tab = (typeof TABS)[number]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:profile:own')
	const params = new URL(request.url).searchParams
	const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'insights'
	const cursor = params.get('cursor')
	if (tab === 'insights') return { tab, insights: listInsights({ mine: true }, user.id, cursor), feed: null, thanks: null }
	if (tab === 'thanks') return { tab, insights: null, feed: null, thanks: thanksReceived(user.id) }
	const filters = { mine: tab === 'ideas', voted: tab === 'voted', following: tab === 'following' }
	return { tab, insights: null, feed: listFeed({ sort: 'newest', filters, viewerId: user.id, cursor }), thanks: null }
}

/** The author adds how a moment ended, after the fact: the customer's emotion at the end and whether it was resolved at first contact. */
export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'create:insight:own')
	const formData = await request.formData()
	const insightId = String(formData.get('insightId') ?? '')
	ensure(formData.get('intent') === 'moment-end', 'errors.unknownAction', 400)
	const submission = parseForm(formData, { schema: MomentEndSchema })
	if (submission.status !== 'success') return data({ insightId, result: submission.reply() }, { status: 400 })
	const { endEmotion, resolvedFirstContact } = submission.value
	ensure(
		setMomentEnd(insightId, user.id, {
			endEmotion,
			...(resolvedFirstContact ? { resolvedFirstContact: resolvedFirstContact === 'yes' } : {}),
		}),
		'errors.insightNotFound',
	)
	return redirectWithToast('/profile?tab=insights', { kind: 'success', message: 'insights.endSaved' })
}

const EMPTY = {
	insights: 'profile.emptyInsights',
	ideas: 'profile.emptyIdeas',
	voted: 'profile.emptyVoted',
	following: 'profile.emptyFollowing',
	thanks: 'thanks.noneReceived',
} as const

export default function ProfileRoute() {
	const t = useT()
	const { tab, insights, feed, thanks } = useLoaderData<typeof loader>()
	const format = useFormat()
	const actionData = useActionData<typeof action>()
	const empty = insights ? !insights.rows.length : thanks ? !thanks.length : !feed?.ideas.length
	return (
		<div className="mx-auto max-w-3xl">
			<PageHeader title={t('profile.heading')} />
			<nav aria-label={t('profile.heading')} className="mb-4">
				<ul className="flex flex-wrap gap-1 border-b border-slate-200">
					{TABS.map((value) => (
						<li key={value}>
							<Link
								to={`?tab=${value}`}
								aria-current={tab === value ? 'page' : undefined}
								className={`block border-b-2 px-3 py-2 text-sm font-medium ${
									tab === value ? 'border-brand-700 text-brand-900' : 'border-transparent text-slate-600 hover:text-slate-900'
								}`}
							>
								{t(`profile.tabs.${value}`)}
							</Link>
						</li>
					))}
				</ul>
			</nav>
			{tab === 'insights' || tab === 'ideas' ? (
				<p className="mb-4 text-sm text-slate-600">
					{t('profile.anonymousNote')}{' '}
					<Link to="/receipts" className="font-medium text-brand-700 underline">
						{t('nav.receipts')}
					</Link>
				</p>
			) : null}
			{tab === 'thanks' ? <p className="mb-4 text-sm text-slate-600">{t('thanks.receivedIntro')}</p> : null}
			{empty ? <p className="py-6 text-slate-600">{t(EMPTY[tab])}</p> : null}
			{thanks?.length ? (
				<ul className="mb-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
					{thanks.map((x) => (
						<li key={`${x.insightId}-${x.name}`} className="p-4">
							<p className="font-medium text-slate-900">{t('thanks.by', { name: x.name, note: x.note })}</p>
							<p className="mt-1 text-sm text-slate-700">
								<Link to={`/insights/${x.insightId}#handled-well`} className="underline">
									{t('thanks.onInsight', { body: x.body.length > 120 ? `${x.body.slice(0, 120)}…` : x.body })}
								</Link>
							</p>
							<p className="mt-1 text-xs text-slate-600">{format.date(x.createdAt)}</p>
						</li>
					))}
				</ul>
			) : null}
			<ul className="space-y-3">
				{insights?.rows.map((insight) => (
					<li key={insight.id}>
						<InsightCard insight={insight}>
							{insight.isMine && !insight.endEmotion && !insight.anonymous ? (
								<EndForm insightId={insight.id} lastResult={actionData?.insightId === insight.id ? actionData.result : undefined} />
							) : null}
						</InsightCard>
					</li>
				))}
				{feed?.ideas.map((idea) => (
					<li key={idea.id}>
						<IdeaCard idea={idea} />
					</li>
				))}
			</ul>
			<CursorLinks nextCursor={insights?.nextCursor ?? feed?.nextCursor ?? null} moreLabel="ideas.more" firstLabel="ideas.first" />
		</div>
	)
}

/** "How did it end?", folded under an insight of one's own that has no end yet; open again when sent back. */
function EndForm({ insightId, lastResult }: { insightId: string; lastResult?: SubmissionResult<string[]> }) {
	const t = useT()
	const [form, fields] = useForm<z.infer<typeof MomentEndSchema>>({
		id: `moment-end-${insightId}`,
		lastResult,
		constraint: getZodConstraint(MomentEndSchema),
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: MomentEndSchema }),
	})
	return (
		<details open={Boolean(lastResult) || undefined} className="rounded-md border border-slate-200 bg-slate-50">
			<summary className="min-h-11 cursor-pointer px-3 py-2 text-sm font-medium text-brand-800">{t('insights.addEnd')}</summary>
			<Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-slate-200 p-3">
				<input type="hidden" name="intent" value="moment-end" />
				<input type="hidden" name="insightId" value={insightId} />
				<FormErrors errors={form.errors} />
				<ChoiceGroup
					legend={t('insights.endEmotion')}
					meta={fields.endEmotion}
					type="radio"
					options={EMOTIONS.map((value) => ({
						value: String(value),
						label: t('insights.emotionValue', { value, label: t(`emotions.${value}`) }),
					}))}
				/>
				<ChoiceGroup
					legend={t('insights.firstContact')}
					meta={fields.resolvedFirstContact}
					type="radio"
					options={FIRST_CONTACT.map((value) => ({ value, label: t(`insights.firstContactAnswers.${value}`) }))}
				/>
				<Button variant="secondary">{t('insights.saveEnd')}</Button>
			</Form>
		</details>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'profile.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
