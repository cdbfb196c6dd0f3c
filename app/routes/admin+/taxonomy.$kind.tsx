import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { ConfirmPanel } from '#app/components/confirm.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { Field, FormErrors, SelectField, TextareaField } from '#app/components/ui/forms.tsx'
import { getDepartment, listDepartments } from '#app/models/department.server.ts'
import { toTree } from '#app/models/department.ts'
import {
	activeUserIdByEmail,
	createEntry,
	entryNameTaken,
	listEntries,
	listStages,
	moveStage,
	removeEntry,
	restoreEntry,
	stageExists,
	updateEntry,
} from '#app/models/taxonomy.server.ts'
import {
	DEFAULT_KEYWORDS,
	TAXONOMY_KINDS,
	TaxonomyEntrySchema,
	TRANSLATED_LOCALES,
	type TaxonomyEntry,
	type TaxonomyKind,
} from '#app/models/taxonomy.ts'
import { getUserById } from '#app/models/user.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { redirectWithToast } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { ensure, httpError } from '#app/utils/http.server.ts'
import { languageName, localizedName } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useLocale, useT } from '#app/utils/root-data.ts'

function kindFrom(value: string | undefined): TaxonomyKind {
	const kind = TAXONOMY_KINDS.find((k) => k === value)
	ensure(kind, 'errors.listNotFound')
	return kind
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:taxonomy:any')
	const kind = kindFrom(params.kind)
	const entries = listEntries(kind, { includeRetired: true })
	const events = kind === 'events'
	const departments = events ? toTree(listDepartments()).map(({ id, name, depth }) => ({ id, name, depth })) : []
	const departmentName = new Map(departments.map((d) => [d.id, d.name]))
	return {
		kind,
		// An event's owners by name (and the person's e-mail, for the edit form).
		entries: entries.map((entry) => {
			const person = entry.ownerUserId ? getUserById(entry.ownerUserId) : null
			return {
				...entry,
				ownerDepartmentName: entry.ownerDepartmentId ? (departmentName.get(entry.ownerDepartmentId) ?? null) : null,
				ownerName: person?.name ?? null,
				ownerEmail: person?.email ?? null,
			}
		}),
		stages: events ? listStages({ includeRetired: true }) : [],
		departments,
	}
}

function parseEntry(formData: FormData, kind: TaxonomyKind, id?: string) {
	return parseForm(formData, {
		schema: TaxonomyEntrySchema.superRefine((value, ctx) => {
			if (entryNameTaken(kind, value.name, id)) {
				ctx.addIssue({ code: 'custom', path: ['name'], message: 'validation.nameTaken' })
			}
			if (kind === 'events' && (!value.defaultStageId || !stageExists(value.defaultStageId))) {
				ctx.addIssue({ code: 'custom', path: ['defaultStageId'], message: 'validation.unknownStage' })
			}
			if (kind === 'events' && value.ownerDepartmentId) {
				const department = getDepartment(value.ownerDepartmentId)
				if (!department || department.retiredAt) {
					ctx.addIssue({ code: 'custom', path: ['ownerDepartmentId'], message: 'validation.unknownDepartment' })
				}
			}
			if (kind === 'events' && value.ownerEmail && !activeUserIdByEmail(value.ownerEmail)) {
				ctx.addIssue({ code: 'custom', path: ['ownerEmail'], message: 'validation.unknownPerson' })
			}
		}),
	})
}

export async function action({ request, params }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'read:taxonomy:any')
	const kind = kindFrom(params.kind)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const id = String(formData.get('id') ?? '')
	const here = `/admin/taxonomy/${kind}`

	if (intent === 'create' || intent === 'update') {
		await requirePermission(request, intent === 'create' ? 'create:taxonomy:any' : 'update:taxonomy:any')
		const submission = parseEntry(formData, kind, intent === 'update' ? id : undefined)
		if (submission.status !== 'success') return data({ intent, id, result: submission.reply() }, { status: 400 })
		const { ownerEmail, ownerDepartmentId, ...entry } = submission.value
		const input = {
			...entry,
			ownerDepartmentId: ownerDepartmentId || null,
			ownerUserId: ownerEmail ? activeUserIdByEmail(ownerEmail) : null,
		}
		if (intent === 'create') createEntry(kind, input, admin.id)
		else ensure(updateEntry(kind, id, input, admin.id), 'errors.entryNotFound')
		return redirectWithToast(here, { kind: 'success', message: intent === 'create' ? 'taxonomy.added' : 'taxonomy.updated' })
	}
	if (intent === 'move' && kind === 'stages') {
		await requirePermission(request, 'update:taxonomy:any')
		const direction = formData.get('direction') === 'up' ? 'up' : 'down'
		moveStage(id, direction, admin.id)
		return redirectWithToast(here, { kind: 'success', message: 'taxonomy.updated' })
	}
	if (intent === 'delete') {
		await requirePermission(request, 'delete:taxonomy:any')
		const outcome = removeEntry(kind, id, admin.id)
		ensure(outcome !== 'not-found', 'errors.entryNotFound')
		return redirectWithToast(here, { kind: 'success', message: outcome === 'retired' ? 'taxonomy.retired' : 'taxonomy.deleted' })
	}
	if (intent === 'restore') {
		await requirePermission(request, 'update:taxonomy:any')
		ensure(restoreEntry(kind, id, admin.id), 'errors.entryNotFound')
		return redirectWithToast(here, { kind: 'success', message: 'taxonomy.restored' })
	}
	httpError(400, 'errors.unknownAction')
}

type Department = { id: string; name: string; depth: number }
type Entry = TaxonomyEntry & { ownerEmail?: string | null }

function EntryForm({
	kind,
	entry,
	stages,
	departments,
}: {
	kind: TaxonomyKind
	entry?: Entry
	stages: TaxonomyEntry[]
	departments: Department[]
}) {
	const t = useT()
	const locale = useLocale()
	const actionData = useActionData<typeof action>()
	const intent = entry ? 'update' : 'create'
	const mine = actionData?.intent === intent && (!entry || actionData.id === entry.id)
	const [form, fields] = useForm({
		id: entry ? `entry-${entry.id}` : `entry-new-${kind}`,
		lastResult: mine ? actionData.result : undefined,
		constraint: getZodConstraint(TaxonomyEntrySchema),
		defaultValue: entry
			? {
					name: entry.name,
					names: entry.names,
					defaultStageId: entry.defaultStageId ?? '',
					ownerDepartmentId: entry.ownerDepartmentId ?? '',
					ownerEmail: entry.ownerEmail ?? '',
					keywords: (entry.keywords ?? DEFAULT_KEYWORDS[entry.name] ?? []).join(', '),
				}
			: undefined,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: TaxonomyEntrySchema }),
	})
	const translations = fields.names.getFieldset()
	return (
		<Form method="post" action={`/admin/taxonomy/${kind}`} {...getFormProps(form)} className="space-y-4">
			<input type="hidden" name="intent" value={intent} />
			{entry ? <input type="hidden" name="id" value={entry.id} /> : null}
			<FormErrors errors={form.errors} />
			<div className="grid gap-4 sm:grid-cols-2">
				<Field label={t('common.name')} meta={fields.name} autoFocus={Boolean(entry)} />
				{TRANSLATED_LOCALES.map((other) => {
					const language = languageName(other, locale)
					return (
						<Field
							key={other}
							label={t('common.nameIn', { language })}
							meta={translations[other]!}
							hint={t('common.nameInHint', { language })}
						/>
					)
				})}
				{kind === 'events' ? (
					<SelectField
						label={t('taxonomy.defaultStage')}
						meta={fields.defaultStageId}
						placeholder=""
						options={stages
							.filter((s) => !s.retiredAt || s.id === entry?.defaultStageId)
							.map((s) => ({ value: s.id, label: localizedName(s, locale) }))}
					/>
				) : null}
				{kind === 'events' ? (
					<>
						<SelectField
							label={t('taxonomy.ownerDepartment')}
							meta={fields.ownerDepartmentId}
							placeholder={t('taxonomy.noOwner')}
							hint={t('taxonomy.ownerDepartmentHint')}
							options={departments.map((d) => ({ value: d.id, label: d.name, depth: d.depth }))}
						/>
						<Field label={t('taxonomy.ownerEmail')} meta={fields.ownerEmail} type="email" hint={t('taxonomy.ownerEmailHint')} />
						<TextareaField label={t('taxonomy.keywords')} meta={fields.keywords} rows={3} hint={t('taxonomy.keywordsHint')} />
					</>
				) : null}
			</div>
			<div className="flex gap-2">
				<Button>{entry ? t('common.save') : t('common.add')}</Button>
				{entry ? <ButtonLink to={`/admin/taxonomy/${kind}`}>{t('common.cancel')}</ButtonLink> : null}
			</div>
		</Form>
	)
}

export default function TaxonomyRoute() {
	const t = useT()
	const locale = useLocale()
	const { kind, entries, stages, departments } = useLoaderData<typeof loader>()
	const [searchParams] = useSearchParams()
	// A successful save redirects here: a new location key rebuilds the forms from the saved data, so
	// the add form is empty again; a refused save keeps what was typed.
	const location = useLocation()
	const editing = searchParams.get('edit')
	const confirming = searchParams.get('confirm')
	const stageName = new Map(stages.map((s) => [s.id, localizedName(s, locale)]))
	const active = entries.filter((e) => !e.retiredAt)
	return (
		<div className="space-y-6">
			<PageHeader title={t(`taxonomy.${kind}.heading`)} />
			<p className="text-slate-700">{t(`taxonomy.${kind}.intro`)}</p>
			<Card>
				{entries.length ? (
					<ul className="divide-y divide-slate-100">
						{entries.map((entry) => {
							const name = localizedName(entry, locale)
							const position = active.indexOf(entry)
							return (
								<li key={entry.id} className="py-3">
									{editing === entry.id ? (
										<EntryForm key={location.key} kind={kind} entry={entry} stages={stages} departments={departments} />
									) : (
										<div className="flex flex-wrap items-center justify-between gap-2">
											<span className={entry.retiredAt ? 'text-slate-600' : ''}>
												<span className="font-medium">{name}</span>
												{entry.defaultStageId ? (
													<span className="text-sm text-slate-600"> · {stageName.get(entry.defaultStageId)}</span>
												) : null}
												{entry.ownerDepartmentName || entry.ownerName ? (
													<span className="block text-sm text-slate-600">
														{t('taxonomy.ownedBy', {
															owner: [entry.ownerDepartmentName, entry.ownerName].filter(Boolean).join(' · '),
														})}
													</span>
												) : null}{' '}
												{entry.retiredAt ? <Badge>{t('common.retired')}</Badge> : null}
											</span>
											<span className="flex flex-wrap gap-1">
												{kind === 'stages' && !entry.retiredAt ? (
													<>
														<MoveButton id={entry.id} direction="up" label={t('taxonomy.moveUp', { name })} disabled={position === 0} />
														<MoveButton
															id={entry.id}
															direction="down"
															label={t('taxonomy.moveDown', { name })}
															disabled={position === active.length - 1}
														/>
													</>
												) : null}
												{entry.retiredAt ? (
													<Form method="post">
														<input type="hidden" name="intent" value="restore" />
														<input type="hidden" name="id" value={entry.id} />
														<Button variant="ghost" aria-label={`${t('common.restore')}: ${name}`}>
															{t('common.restore')}
														</Button>
													</Form>
												) : (
													<>
														<Link
															to={`?edit=${entry.id}`}
															className="rounded px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
															aria-label={t('taxonomy.editEntry', { name })}
														>
															{t('common.edit')}
														</Link>
														<Link
															to={`?confirm=${entry.id}`}
															className="rounded px-3 py-2 text-sm font-semibold text-red-700 hover:bg-red-50"
															aria-label={`${t('common.delete')}: ${name}`}
														>
															{t('common.delete')}
														</Link>
													</>
												)}
											</span>
										</div>
									)}
									{confirming === entry.id && !entry.retiredAt ? (
										<ConfirmPanel
											message={t('taxonomy.deleteConfirm', { name })}
											intent="delete"
											fields={{ id: entry.id }}
											confirmLabel={t('common.delete')}
										/>
									) : null}
								</li>
							)
						})}
					</ul>
				) : (
					<p className="text-slate-600">{t(`taxonomy.${kind}.empty`)}</p>
				)}
			</Card>
			<Card>
				<h2 className="mb-4 text-lg font-semibold">{t(`taxonomy.${kind}.addHeading`)}</h2>
				<EntryForm key={location.key} kind={kind} stages={stages} departments={departments} />
			</Card>
		</div>
	)
}

function MoveButton({ id, direction, label, disabled }: { id: string; direction: 'up' | 'down'; label: string; disabled: boolean }) {
	return (
		<Form method="post">
			<input type="hidden" name="intent" value="move" />
			<input type="hidden" name="id" value={id} />
			<input type="hidden" name="direction" value={direction} />
			<button
				type="submit"
				disabled={disabled}
				aria-label={label}
				title={label}
				className="min-h-9 min-w-9 rounded border border-slate-300 px-2 text-sm hover:bg-slate-50 disabled:opacity-40"
			>
				<span aria-hidden>{direction === 'up' ? '↑' : '↓'}</span>
			</button>
		</Form>
	)
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	pageTitle(matches, data ? `taxonomy.${data.kind}.title` : 'admin.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
