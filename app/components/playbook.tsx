import { Link } from '@remix-run/react'
import { LOCALES, type Locale } from '#app/locales/index.ts'
import { type PlaybookContent, type PlaybookDiff } from '#app/models/playbook.ts'
import { useT } from '#app/utils/root-data.ts'

/**
 * How a moment is handled now: the ordered steps, what to say and not to say, the timeframe
 * to promise, the self-service options and the links. `compact` is the version beside the
 * insight form: the same parts, smaller.
 */
export function PlaybookGuide({
	content,
	compact = false,
	headingLevel = 3,
}: {
	content: PlaybookContent
	compact?: boolean
	headingLevel?: 2 | 3
}) {
	const t = useT()
	const Heading = headingLevel === 2 ? 'h2' : 'h3'
	const heading = compact ? 'text-sm font-semibold text-slate-900' : 'text-base font-semibold text-slate-900'
	const text = compact ? 'text-sm' : ''
	const list = (items: string[], className: string) => (
		<ul className={`${className} ${text} mt-1 space-y-1 pl-5`}>
			{items.map((item, i) => (
				<li key={i}>{item}</li>
			))}
		</ul>
	)
	return (
		<div className={compact ? 'space-y-3' : 'space-y-5'} data-testid="playbook-guide">
			<div>
				<Heading className={heading}>{t('playbooks.sections.steps')}</Heading>
				<ol className={`mt-1 list-decimal space-y-1 pl-5 ${text}`}>
					{content.steps.map((step, i) => (
						<li key={i}>{step}</li>
					))}
				</ol>
			</div>
			{content.promise ? (
				<div>
					<Heading className={heading}>{t('playbooks.sections.promise')}</Heading>
					<p className={`mt-1 font-medium ${text}`}>{content.promise}</p>
				</div>
			) : null}
			{content.say.length ? (
				<div>
					<Heading className={heading}>{t('playbooks.sections.say')}</Heading>
					{list(content.say, 'list-disc')}
				</div>
			) : null}
			{content.avoid.length ? (
				<div>
					<Heading className={heading}>{t('playbooks.sections.avoid')}</Heading>
					{list(content.avoid, 'list-disc')}
				</div>
			) : null}
			{content.selfService.length ? (
				<div>
					<Heading className={heading}>{t('playbooks.sections.selfService')}</Heading>
					{list(content.selfService, 'list-disc')}
				</div>
			) : null}
			{content.links.length ? (
				<div>
					<Heading className={heading}>{t('playbooks.sections.links')}</Heading>
					<ul className={`mt-1 list-disc space-y-1 pl-5 ${text}`}>
						{content.links.map((link, i) => (
							<li key={i}>
								<a href={link.url} className="break-words text-brand-700 underline" rel="noreferrer">
									{link.label}
								</a>
							</li>
						))}
					</ul>
				</div>
			) : null}
		</div>
	)
}

/** What changed between two versions, section by section: added lines marked +, removed lines struck through and marked −. */
export function PlaybookDiffView({ diff }: { diff: PlaybookDiff }) {
	const t = useT()
	if (!diff.length) return <p className="text-sm text-slate-700">{t('playbooks.noChanges')}</p>
	return (
		<div className="space-y-4" data-testid="playbook-diff">
			{diff.map(({ section, lines }) => (
				<div key={section}>
					<h3 className="text-sm font-semibold text-slate-900">{t(`playbooks.sections.${section}`)}</h3>
					<ul className="mt-1 space-y-0.5 font-mono text-sm">
						{lines.map((line, i) => (
							<li
								key={i}
								className={
									line.kind === 'added'
										? 'rounded bg-green-50 px-2 text-green-900'
										: line.kind === 'removed'
											? 'rounded bg-red-50 px-2 text-red-900'
											: 'px-2 text-slate-600'
								}
							>
								{line.kind === 'added' ? (
									<ins className="no-underline">
										<span aria-hidden="true">+ </span>
										<span className="sr-only">{t('playbooks.added')}: </span>
										{line.text}
									</ins>
								) : line.kind === 'removed' ? (
									<del>
										<span aria-hidden="true">− </span>
										<span className="sr-only">{t('playbooks.removed')}: </span>
										{line.text}
									</del>
								) : (
									<span>
										<span aria-hidden="true">{'  '}</span>
										{line.text}
									</span>
								)}
							</li>
						))}
					</ul>
				</div>
			))}
		</div>
	)
}

/** The playbook's languages as tabs: the one shown is the current page. */
export function LanguageTabs({ current, href }: { current: Locale; href: (locale: Locale) => string }) {
	const t = useT()
	return (
		<nav aria-label={t('playbooks.languages')} className="mb-4 flex flex-wrap gap-2">
			{LOCALES.map((l) => (
				<Link
					key={l}
					to={href(l)}
					aria-current={l === current ? 'page' : undefined}
					className={`min-h-11 rounded-md border px-3 py-2 text-sm font-medium ${l === current ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
				>
					{t(`languages.${l}`)}
				</Link>
			))}
		</nav>
	)
}
