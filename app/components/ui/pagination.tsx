import { Link, useSearchParams } from '@remix-run/react'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useT } from '#app/utils/root-data.ts'

export function Pagination({ page, pages, total }: { page: number; pages: number; total: number }) {
	const t = useT()
	const [searchParams] = useSearchParams()
	const linkTo = (target: number) => {
		const params = new URLSearchParams(searchParams)
		params.set('page', String(target))
		return `?${params}`
	}
	const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50'
	return (
		<nav aria-label={t('common.pageOf', { page, pages })} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
			<span className="text-slate-600">
				{t('common.showingCount', { count: total })} · {t('common.pageOf', { page, pages })}
			</span>
			<span className="flex gap-2">
				{page > 1 ? (
					<Link to={linkTo(page - 1)} className={linkClass} rel="prev">
						{t('common.previous')}
					</Link>
				) : null}
				{page < pages ? (
					<Link to={linkTo(page + 1)} className={linkClass} rel="next">
						{t('common.next')}
					</Link>
				) : null}
			</span>
		</nav>
	)
}

/** "Show more" for keyset pagination: the next cursor in the URL, filters kept. */
export function CursorLinks({
	nextCursor,
	moreLabel,
	firstLabel,
}: {
	nextCursor: string | null
	moreLabel: MessageKey
	firstLabel: MessageKey
}) {
	const t = useT()
	const [params] = useSearchParams()
	const next = new URLSearchParams(params)
	const first = new URLSearchParams(params)
	first.delete('cursor')
	if (nextCursor) next.set('cursor', nextCursor)
	const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50'
	return (
		<nav aria-label={t('common.pagination')} className="mt-4 flex flex-wrap gap-2">
			{params.get('cursor') ? (
				<Link to={`?${first}`} className={linkClass}>
					{t(firstLabel)}
				</Link>
			) : null}
			{nextCursor ? (
				<Link to={`?${next}`} className={linkClass} rel="next">
					{t(moreLabel)}
				</Link>
			) : null}
		</nav>
	)
}
