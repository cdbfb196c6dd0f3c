import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { ConfirmPanel } from '#app/components/confirm.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InsightCard } from '#app/components/insight-card.tsx'
import { HiddenBanner, HideForm, ReportedNotice, ReportForm } from '#app/components/moderation.tsx'
import { StatusBadge } from '#app/components/tags.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { TextareaField } from '#app/components/ui/forms.tsx'
import { authorRights, deleteInsight, getInsight, insightExists, setRecurrence } from '#app/models/insight.server.ts'
import { canView, mayModerate, openReports } from '#app/models/moderation.server.ts'
import { isModerationIntent } from '#app/models/moderation.ts'
import { thank, thanksNotes, withdrawThanks } from '#app/models/thanks.server.ts'
import { ThanksFormSchema } from '#app/models/thanks.ts'
import { isReportIntent, moderationAction, reportAction } from '#app/routes/__moderation.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { useHydrated } from '#app/utils/hydrated.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { safeRedirect } from '#app/utils/misc.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { useFormat, useT } from '#app/utils/root-data.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:insight:any')
	const insight = getInsight(params.insightId ?? '', user.id)
	ensure(insight && canView('insight', insight.id, insight.hiddenAt, user), 'errors.insightNotFound')
	const { canEdit, canDelete } = insight.isMine ? authorRights(insight.id, user.id) : { canEdit: false, canDelete: false }
	const thanks = thanksNotes([insight.id]).get(insight.id) ?? []
	return {
		insight,
		thanks: thanks.map(({ userId, ...t }) => ({ ...t, mine: userId === user.id })),
		mayThank: !insight.isMine && !insight.hiddenAt && hasPermission(user.role, 'create:thanks:own'),
		author: { canEdit, canDelete },
		canHide: !insight.hiddenAt && mayModerate('hide', 'insight', insight.id, user),
		reports:
			!insight.hiddenAt && mayModerate('hide', 'insight', insight.id, user)
				? (openReports('insight', [insight.id]).get(insight.id) ?? null)
				: null,
		canRestore: Boolean(insight.hiddenAt) && mayModerate('restore', 'insight', insight.id, user),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'read:insight:any')
	const id = params.insightId ?? ''
	ensure(insightExists(id), 'errors.insightNotFound')
	const formData = await request.formData()
	const intent = formData.get('intent')
	// A hidden insight leaves the lists for everyone but moderators: after hiding, back to the list.
	if (isModerationIntent(intent)) {
		return moderationAction(formData, user, {
			kinds: ['insight'],
			after: (done) => (done.intent === 'hide' ? '/insights' : `/insights/${id}`),
		})
	}
	if (isReportIntent(intent)) return reportAction(formData, user, { kinds: ['insight'], back: `/insights/${id}` })
	if (intent === 'thank' || intent === 'unthank') return thanksAction(request, formData, id, intent)
	if (intent === 'delete') {
		// Only the named author, while no idea cites it (checked in the delete's transaction).
		await requirePermission(request, 'create:insight:own')
		if (!deleteInsight(id, user.id)) httpError(403, authorRights(id, user.id).cited ? 'errors.insightCited' : 'errors.insightLocked')
		return redirectWithToast('/insights?mine=1', { kind: 'success', message: 'insights.deleted' })
	}
	ensure(intent === 'see' || intent === 'unsee', 'errors.unknownAction', 400)
	const seen = setRecurrence(id, user.id, intent === 'see')
	// A hidden insight takes no write but moderation, and answers as its page does.
	ensure(seen !== 'not-found', 'errors.insightNotFound')
	ensure(seen !== 'own', 'errors.ownInsight', 400)
	// From a list card or a similar-insight suggestion (JavaScript): answer with data, the page stays.
	if (formData.get('fetch') === '1') return { seen: intent === 'see' }
	// Without JavaScript, back to where the button was (the list keeps its filters).
	const back = safeRedirect(String(formData.get('redirectTo') ?? ''), `/insights/${id}`)
	return redirectWithToast(back, { kind: 'success', message: intent === 'see' ? 'insights.seeTooDone' : 'insights.unseeDone' })
}

/** "Handled well": marks the moment with a note (or changes the note), or takes one's thanks back. */
async function thanksAction(request: Request, formData: FormData, id: string, intent: 'thank' | 'unthank') {
	const user = await requirePermission(request, 'create:thanks:own')
	if (intent === 'unthank') {
		withdrawThanks(id, user.id)
		return redirectWithToast(`/insights/${id}#handled-well`, { kind: 'success', message: 'thanks.withdrawn' })
	}
	const submission = parseForm(formData, { schema: ThanksFormSchema })
	if (submission.status !== 'success') return data({ intent: 'thank' as const, result: submission.reply() }, { status: 400 })
	const done = thank(id, user.id, submission.value.note)
	ensure(done !== 'not-found', 'errors.insightNotFound')
	ensure(done !== 'own', 'thanks.own', 400)
	const anonymous = getInsight(id, user.id)?.anonymous
	return redirectWithToast(`/insights/${id}#handled-well`, {
		kind: 'success',
		message: done === 'changed' ? 'thanks.changed' : anonymous ? 'thanks.savedAnonymous' : 'thanks.saved',
	})
}

/**
 * "I see this too" on an insight card: a plain form post without JavaScript (back to the same
 * list), with it a fetcher that shows the new state and count at once. Not on one's own insight.
 */
export function SeeTooButton({
	insightId,
	seen,
	count,
	quiet = false,
}: {
	insightId: string
	seen: boolean
	count: number
	/** On a list of cards: a secondary button, so a page of them does not shout. */
	quiet?: boolean
}) {
	const t = useT()
	const fetcher = useFetcher<typeof action>({ key: `see-${insightId}` })
	const location = useLocation()
	const hydrated = useHydrated()
	const pending = fetcher.formData?.get('intent')
	const optimistic = pending ? pending === 'see' : seen
	const shown = count + (optimistic === seen ? 0 : optimistic ? 1 : -1)
	return (
		<fetcher.Form method="post" action={`/insights/${insightId}`}>
			<input type="hidden" name="intent" value={optimistic ? 'unsee' : 'see'} />
			<input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
			{hydrated ? <input type="hidden" name="fetch" value="1" /> : null}
			<Button variant={optimistic || quiet ? 'secondary' : 'primary'} aria-pressed={optimistic}>
				{optimistic ? t('insights.unsee') : t('insights.seeToo')}
			</Button>
			<span className="sr-only" aria-live="polite">
				{t('insights.seenToo', { count: shown })}
			</span>
		</fetcher.Form>
	)
}

export default function InsightRoute() {
	const t = useT()
	const { insight, author, canHide, canRestore, reports, thanks, mayThank } = useLoaderData<typeof loader>()
	const [searchParams] = useSearchParams()
	const actionData = useActionData<typeof action>()
	const hideResult = actionData && 'intent' in actionData && actionData.intent === 'hide' ? actionData.result : null
	const reportResult = actionData && 'intent' in actionData && actionData.intent === 'report' ? actionData.result : null
	const thankResult = actionData && 'intent' in actionData && actionData.intent === 'thank' ? actionData.result : null
	return (
		<div className="mx-auto max-w-3xl space-y-6">
			{insight.hiddenAt ? (
				<HiddenBanner reason={insight.hiddenReason} restore={canRestore ? { kind: 'insight', targetId: insight.id } : null} />
			) : null}
			<h1 className="text-2xl font-bold">{t('insights.detailTitle')}</h1>
			<InsightCard insight={insight} headingLevel="h2">
				<div className="flex flex-wrap gap-2 pt-2">
					{insight.isMine ? (
						<p className="text-sm text-slate-600">{t('insights.ownInsight')}</p>
					) : (
						<SeeTooButton insightId={insight.id} seen={insight.seenByMe} count={insight.recurrenceCount} />
					)}
					<ButtonLink to={`/ideas/new?insight=${insight.id}`}>{t('insights.proposeIdea')}</ButtonLink>
					{author.canEdit ? <ButtonLink to={`/insights/${insight.id}/edit`}>{t('insights.edit')}</ButtonLink> : null}
					{author.canDelete ? (
						<ButtonLink to="?confirm=delete" variant="danger">
							{t('insights.delete')}
						</ButtonLink>
					) : null}
				</div>
				{!insight.isMine && !insight.hiddenAt ? <ReportForm kind="insight" targetId={insight.id} lastResult={reportResult} /> : null}
				{author.canDelete && searchParams.get('confirm') === 'delete' ? (
					<ConfirmPanel message={t('insights.deleteConfirm')} intent="delete" confirmLabel={t('insights.delete')} />
				) : null}
			</InsightCard>
			{canHide ? (
				<Card className="space-y-3">
					{reports ? <ReportedNotice kind="insight" targetId={insight.id} reports={reports} /> : null}
					<HideForm kind="insight" targetId={insight.id} label={t('moderation.hideInsight')} lastResult={hideResult} />
				</Card>
			) : null}
			<HandledWell thanks={thanks} mayThank={mayThank} lastResult={thankResult} />
			<Card>
				<h2 className="text-lg font-semibold">{t('insights.backedIdeas')}</h2>
				{insight.backedIdeas.length ? (
					<ul className="mt-3 divide-y divide-slate-200">
						{insight.backedIdeas.map((idea) => (
							<li key={idea.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
								<Link to={`/ideas/${idea.id}`} className="font-medium text-brand-900 underline">
									{idea.title}
								</Link>
								<span className="flex items-center gap-2 text-sm text-slate-600">
									<StatusBadge status={idea.status} />
									{t('ideas.votes', { count: idea.voteCount })}
								</span>
							</li>
						))}
					</ul>
				) : (
					<p className="mt-2 text-slate-600">{t('insights.noBackedIdeas')}</p>
				)}
			</Card>
		</div>
	)
}

type Thanks = ReturnType<typeof useLoaderData<typeof loader>>['thanks']

/** Who marked this moment as handled well and what they said; the form to mark it, change one's note or take it back. */
function HandledWell({
	thanks,
	mayThank,
	lastResult,
}: {
	thanks: Thanks
	mayThank: boolean
	lastResult: SubmissionResult<string[]> | null
}) {
	const t = useT()
	const format = useFormat()
	const mine = thanks.find((x) => x.mine)
	const [form, fields] = useForm({
		id: 'thanks',
		lastResult,
		constraint: getZodConstraint(ThanksFormSchema),
		defaultValue: { note: mine?.note ?? '' },
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ThanksFormSchema }),
	})
	if (!thanks.length && !mayThank) return null
	return (
		<Card>
			<h2 id="handled-well" className="text-lg font-semibold">
				{t('thanks.heading')}
			</h2>
			{thanks.length ? (
				<ul className="mt-2 space-y-2">
					{thanks.map((x) => (
						<li key={`${x.name}-${String(x.createdAt)}`} className="text-sm text-slate-800">
							{t('thanks.by', { name: x.name, note: x.note })} <span className="text-slate-600">· {format.date(x.createdAt)}</span>
						</li>
					))}
				</ul>
			) : (
				<p className="mt-2 text-sm text-slate-700">{t('thanks.none')}</p>
			)}
			{mayThank ? (
				<details open={Boolean(lastResult) || undefined} className="mt-4 rounded-md border border-slate-200 bg-slate-50">
					<summary className="min-h-11 cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
						{mine ? t('thanks.marked') : t('thanks.mark')}
					</summary>
					<div className="space-y-3 border-t border-slate-200 p-3">
						<p className="text-sm text-slate-700">{t('thanks.intro')}</p>
						<Form method="post" {...getFormProps(form)} className="space-y-3">
							<input type="hidden" name="intent" value="thank" />
							<TextareaField label={t('thanks.note')} hint={t('thanks.noteHint')} meta={fields.note} rows={2} />
							<Button>{mine ? t('thanks.update') : t('thanks.mark')}</Button>
						</Form>
						{mine ? (
							<Form method="post">
								<input type="hidden" name="intent" value="unthank" />
								<Button variant="secondary">{t('thanks.withdraw')}</Button>
							</Form>
						) : null}
					</div>
				</details>
			) : null}
		</Card>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'insights.detailTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
