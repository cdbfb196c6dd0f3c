import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Card, PageHeader } from '#app/components/ui/card.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'

// A page with the full layout and no data of its own: also the floor `npm run bench`
// measures every other page against.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request)
	return null
}

const PROMISES = ['anonymous', 'nothingLost', 'noScript', 'accessible'] as const

export default function AboutRoute() {
	const t = useT()
	return (
		<div className="max-w-3xl">
			<PageHeader title={t('about.heading')} />
			<p className="mb-6 text-slate-700">{t('about.intro')}</p>
			<Card>
				<h2 className="mb-3 text-lg font-semibold">{t('about.promisesHeading')}</h2>
				<ul className="list-disc space-y-2 pl-5 text-slate-700">
					{PROMISES.map((key) => (
						<li key={key}>{t(`about.promises.${key}`)}</li>
					))}
				</ul>
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'about.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
