import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { EventOwnerLine } from '#app/components/moments.tsx'
import { LanguageTabs, PlaybookDiffView } from '#app/components/playbook.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { Field, FormErrors, SelectField, TextareaField } from '#app/components/ui/forms.tsx'
import { type Locale } from '#app/locales/index.ts'
import { departmentLine } from '#app/models/department.server.ts'
import { currentPlaybook, implementedIdeasOn, playbookVersion, savePlaybook } from '#app/models/playbook.server.ts'
import { diffPlaybooks, mayEditPlaybook, playbookContent, PlaybookFormSchema, playbookFormValues } from '#app/models/playbook.ts'
import { eventOwner, listEvents } from '#app/models/taxonomy.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { isLocale, localizedName } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

/** The event, if this person writes its playbook (its owner, a manager of the owning department, an admin); else 403. */
async function editablePlaybook(request: Request, eventId: string | undefined) {
	const user = await requirePermission(request, 'read:playbook:any')
	const event = listEvents().find((e) => e.id === eventId)
	ensure(event, 'errors.eventNotFound')
	const owner = eventOwner(event.id)
	const owners = { ownerUserId: owner?.userId ?? null, ownerDepartmentId: owner?.departmentId ?? null }
	if (!mayEditPlaybook(user, owners, departmentLine(user.departmentId))) httpError(403, 'errors.playbookNotYours')
	return { user, event, owner }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, event, owner } = await editablePlaybook(request, params.eventId)
	const url = new URL(request.url)
	const asked = url.searchParams.get('lang')
	const lang: Locale = isLocale(asked) ? asked : await getLocale(request, user)
	const current = playbookVersion(event.id, lang)
	// A first version in a language starts from the text in another one, to translate.
	const { current: other, languages } = current ? { current: null, languages: [] } : currentPlaybook(event.id, lang)
	const ideas = implementedIdeasOn(event.id)
	const idea = url.searchParams.get('idea')
	return {
		event,
		owner,
		lang,
		written: Object.fromEntries(languages.map((l) => [l.locale, l.version])),
		current: current ? { version: current.version, createdAt: current.createdAt, authorName: current.authorName } : null,
		startFrom: other ? other.locale : null,
		values: playbookFormValues(current?.content ?? other?.content ?? null),
		ideas,
		ideaId: ideas.some((i) => i.id === idea) ? idea : null,
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, event } = await editablePlaybook(request, params.eventId)
	const submission = parseForm(await request.formData(), { schema: PlaybookFormSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), conflict: null }, { status: 400 })
	const value = submission.value
	const ideaId = value.ideaId || null
	if (ideaId && !implementedIdeasOn(event.id).some((i) => i.id === ideaId)) {
		return data({ result: submission.reply({ fieldErrors: { ideaId: ['playbooks.ideaUnknown'] } }), conflict: null }, { status: 400 })
	}
	const saved = savePlaybook(
		{ eventId: event.id, locale: value.locale, baseVersion: value.baseVersion, content: playbookContent(value), note: value.note, ideaId },
		user.id,
	)
	if (!saved.ok) {
		// Someone saved in between: nothing is written; the writer keeps their text and sees what the other changed.
		const base = value.baseVersion ? playbookVersion(event.id, value.locale, value.baseVersion) : null
		const { current } = saved
		return data(
			{
				result: submission.reply(),
				conflict: {
					version: current.version,
					authorName: current.authorName,
					createdAt: current.createdAt,
					note: current.note,
					diff: diffPlaybooks(base?.content ?? null, current.content),
				},
			},
			{ status: 409 },
		)
	}
	return redirectWithToast(`/moments/${event.id}`, {
		kind: 'success',
		message: 'playbooks.saved',
		values: { version: saved.version, language: value.locale },
	})
}

export default function EditPlaybookRoute() {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	const { event, owner, lang, current, startFrom, values, ideas, ideaId, written } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const conflict = actionData?.conflict ?? null
	const baseVersion = conflict?.version ?? current?.version ?? 0
	const [form, fields] = useForm({
		id: `playbook-${event.id}-${lang}`,
		lastResult: actionData?.result,
		constraint: getZodConstraint(PlaybookFormSchema),
		defaultValue: { ...values, ideaId: ideaId ?? '', note: '' },
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: PlaybookFormSchema }),
	})
	const name = localizedName(event, locale)
	const language = (l: Locale) => t(`languages.${l}`)
	return (
		<div className="mx-auto max-w-3xl">
			<Link to={`/moments/${event.id}`} className="text-sm font-medium text-brand-700 underline">
				{t('playbooks.back', { event: name })}
			</Link>
			<PageHeader title={t('playbooks.editHeading', { event: name })} />
			<EventOwnerLine owner={owner} />
			<LanguageTabs current={lang} href={(l) => `?lang=${l}${ideaId ? `&idea=${ideaId}` : ''}`} />
			<p className="mb-4 text-sm text-slate-700">
				{current
					? t('playbooks.editingVersion', {
							version: current.version,
							language: language(lang),
							date: format.date(current.createdAt),
							author: current.authorName,
						})
					: startFrom
						? t('playbooks.translating', {
								language: language(lang),
								from: language(startFrom as Locale),
								version: written[startFrom] ?? 0,
							})
						: t('playbooks.firstVersion', { language: language(lang) })}
			</p>
			{conflict ? (
				<div role="alert" className="mb-6 rounded-lg border border-amber-400 bg-amber-50 p-4" data-testid="playbook-conflict">
					<h2 className="font-semibold text-amber-950">{t('playbooks.conflictHeading', { version: conflict.version })}</h2>
					<p className="mt-1 text-sm text-amber-950">
						{t('playbooks.conflictBody', {
							author: conflict.authorName,
							time: format.dateTime(conflict.createdAt),
							note: conflict.note,
							next: conflict.version + 1,
						})}
					</p>
					<div className="mt-3 rounded-md bg-white p-3">
						<PlaybookDiffView diff={conflict.diff} />
					</div>
				</div>
			) : null}
			<Card>
				<Form method="post" {...getFormProps(form)} className="space-y-5" lang={lang}>
					<FormErrors errors={form.errors} />
					<input type="hidden" name="locale" value={lang} />
					<input type="hidden" name="baseVersion" value={baseVersion} />
					<TextareaField label={t('playbooks.sections.steps')} hint={t('playbooks.hints.steps')} meta={fields.steps} rows={6} />
					<TextareaField label={t('playbooks.sections.say')} hint={t('playbooks.hints.lines')} meta={fields.say} rows={3} />
					<TextareaField label={t('playbooks.sections.avoid')} hint={t('playbooks.hints.lines')} meta={fields.avoid} rows={3} />
					<Field label={t('playbooks.sections.promise')} hint={t('playbooks.hints.promise')} meta={fields.promise} />
					<TextareaField label={t('playbooks.sections.selfService')} hint={t('playbooks.hints.lines')} meta={fields.selfService} rows={3} />
					<TextareaField label={t('playbooks.sections.links')} hint={t('playbooks.hints.links')} meta={fields.links} rows={3} />
					<SelectField
						label={t('playbooks.idea')}
						hint={ideas.length ? t('playbooks.ideaHint') : t('playbooks.noIdeas')}
						meta={fields.ideaId}
						options={ideas.map((i) => ({ value: i.id, label: i.title }))}
						placeholder={t('playbooks.noIdea')}
					/>
					<TextareaField label={t('playbooks.note')} hint={t('playbooks.hints.note')} meta={fields.note} rows={2} />
					<div className="flex flex-wrap gap-3">
						<Button disabled={navigation.state === 'submitting'}>
							{navigation.state === 'submitting' ? t('common.saving') : t('playbooks.save', { version: baseVersion + 1 })}
						</Button>
						<ButtonLink to={`/moments/${event.id}`}>{t('common.cancel')}</ButtonLink>
					</div>
				</Form>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'playbooks.editTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
