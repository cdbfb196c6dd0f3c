import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { LanguageTabs, PlaybookDiffView, PlaybookGuide } from '#app/components/playbook.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { type Locale } from '#app/locales/index.ts'
import { playbookHistory } from '#app/models/playbook.server.ts'
import { diffPlaybooks } from '#app/models/playbook.ts'
import { listEvents } from '#app/models/taxonomy.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { ensure } from '#app/utils/http.server.ts'
import { isLocale, localizedName } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useFormat, useLocale, useT } from '#app/utils/root-data.ts'

/** Every version of a playbook in one language, newest first; one of them in full, with what it changed from the one before. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:playbook:any')
	const event = listEvents({ includeRetired: true }).find((e) => e.id === params.eventId)
	ensure(event, 'errors.eventNotFound')
	const url = new URL(request.url)
	const asked = url.searchParams.get('lang')
	const lang: Locale = isLocale(asked) ? asked : await getLocale(request, user)
	const versions = playbookHistory(event.id, lang)
	const wanted = Number(url.searchParams.get('v'))
	const shown = versions.find((v) => v.version === wanted) ?? versions[0] ?? null
	ensure(!url.searchParams.has('v') || shown?.version === wanted, 'errors.playbookVersionNotFound')
	const previous = shown ? versions.find((v) => v.version === shown.version - 1) : undefined
	return {
		event,
		lang,
		versions: versions.map(({ content: _content, ...v }) => v),
		shown: shown ? { ...shown, diff: diffPlaybooks(previous?.content ?? null, shown.content) } : null,
	}
}

export default function PlaybookHistoryRoute() {
	const t = useT()
	const locale = useLocale()
	const format = useFormat()
	const { event, lang, versions, shown } = useLoaderData<typeof loader>()
	const name = localizedName(event, locale)
	return (
		<div>
			<Link to={`/moments/${event.id}`} className="text-sm font-medium text-brand-700 underline">
				{t('playbooks.back', { event: name })}
			</Link>
			<PageHeader title={t('playbooks.historyHeading', { event: name })} />
			<LanguageTabs current={lang} href={(l) => `?lang=${l}`} />
			{shown ? (
				<div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
					<div className="space-y-6">
						<Card>
							<h2 className="text-lg font-semibold">{t('playbooks.versionHeading', { version: shown.version })}</h2>
							<p className="mb-4 mt-1 text-sm text-slate-700">
								{t('playbooks.versionLine', { version: shown.version, date: format.dateTime(shown.createdAt), author: shown.authorName })}
							</p>
							<p className="mb-4 whitespace-pre-line text-sm text-slate-800">
								<span className="font-medium">{t('playbooks.note')}:</span> {shown.note}
							</p>
							<div lang={lang}>
								<PlaybookGuide content={shown.content} />
							</div>
						</Card>
						<Card>
							<h2 className="mb-3 text-lg font-semibold">
								{shown.version > 1 ? t('playbooks.changesFrom', { version: shown.version - 1 }) : t('playbooks.firstWritten')}
							</h2>
							<div lang={lang}>
								<PlaybookDiffView diff={shown.diff} />
							</div>
						</Card>
					</div>
					<section aria-labelledby="versions">
						<h2 id="versions" className="mb-2 text-lg font-semibold">
							{t('playbooks.versions')}
						</h2>
						<ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
							{versions.map((v) => (
								<li key={v.version} className="p-3 text-sm">
									<Link
										to={`?lang=${lang}&v=${v.version}`}
										aria-current={v.version === shown.version ? 'page' : undefined}
										className="font-medium text-brand-700 underline aria-[current=page]:text-slate-900 aria-[current=page]:no-underline"
									>
										{t('playbooks.versionHeading', { version: v.version })}
									</Link>
									<p className="text-slate-700">
										{format.date(v.createdAt)} · {v.authorName}
									</p>
									<p className="line-clamp-2 text-slate-600">{v.note}</p>
									{v.ideaId && v.ideaTitle ? (
										<p className="text-slate-600">
											{t('playbooks.causedBy')}{' '}
											<Link to={`/ideas/${v.ideaId}`} className="text-brand-700 underline">
												{v.ideaTitle}
											</Link>
										</p>
									) : null}
								</li>
							))}
						</ol>
					</section>
				</div>
			) : (
				<p className="text-slate-700">{t('playbooks.noneInLanguage', { language: t(`languages.${lang}`) })}</p>
			)}
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'playbooks.historyTitle')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
