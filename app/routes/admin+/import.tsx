import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { FormErrors } from '#app/components/ui/forms.tsx'
import { createImport } from '#app/models/import.server.ts'
import { IMPORT_KINDS, type ImportKind } from '#app/models/import.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

// Admin → Import (decision 065): upload a CSV of people or departments; the preview comes next.
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'create:user:any')
	return null
}

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requirePermission(request, 'create:user:any')
	const form = await request.formData()
	const kind: ImportKind = IMPORT_KINDS.find((k) => k === form.get('kind')) ?? 'people'
	const deactivateMissing = form.get('deactivateMissing') === 'on'
	const file = form.get('file')
	const text = file instanceof File ? await file.text() : typeof file === 'string' ? file : ''
	// A file input cannot be filled again: what was chosen besides it is kept.
	if (!text.trim()) return data({ error: 'import.errors.fileMissing' as const, kind, deactivateMissing }, { status: 400 })
	const id = createImport(kind, text, deactivateMissing, admin.id)
	return redirect(`/admin/import/${id}`)
}

export default function ImportRoute() {
	const t = useT()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	return (
		<div className="space-y-6">
			<PageHeader title={t('import.heading')} />
			<p className="-mt-2 max-w-3xl text-slate-700">{t('import.intro')}</p>
			<Card>
				<Form method="post" encType="multipart/form-data" className="space-y-5">
					<FormErrors errors={actionData ? [t(actionData.error)] : null} />
					<fieldset>
						<legend className="text-sm font-medium text-slate-800">{t('import.kind')}</legend>
						<div className="mt-2 space-y-3">
							{IMPORT_KINDS.map((kind) => (
								<label
									key={kind}
									className="flex cursor-pointer gap-3 rounded-md border border-slate-300 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
								>
									<input
										type="radio"
										name="kind"
										value={kind}
										defaultChecked={(actionData?.kind ?? 'people') === kind}
										className="mt-1 h-4 w-4 accent-brand-700"
									/>
									<span>
										<span className="block font-medium">{t(`import.${kind}`)}</span>
										<span className="block text-sm text-slate-600">
											{t(kind === 'people' ? 'import.peopleHelp' : 'import.departmentsHelp')}
										</span>
									</span>
								</label>
							))}
						</div>
					</fieldset>
					<div>
						<label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
							{t('import.file')}
						</label>
						<input
							id="import-file"
							name="file"
							type="file"
							accept=".csv,text/csv"
							required
							aria-invalid={actionData ? true : undefined}
							className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-semibold file:text-brand-800"
						/>
					</div>
					<div className="flex items-start gap-3">
						<input
							id="deactivate-missing"
							name="deactivateMissing"
							type="checkbox"
							defaultChecked={actionData?.deactivateMissing}
							aria-describedby="deactivate-missing-hint"
							className="mt-1 h-5 w-5 accent-brand-700"
						/>
						<div>
							<label htmlFor="deactivate-missing" className="font-medium text-slate-800">
								{t('import.deactivateMissing')}
							</label>
							<p id="deactivate-missing-hint" className="text-sm text-slate-600">
								{t('import.deactivateMissingHint')}
							</p>
						</div>
					</div>
					<Button disabled={busy}>{busy ? t('common.saving') : t('import.preview')}</Button>
				</Form>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'import.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
