import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { openCampaigns } from '#app/models/campaign.server.ts'
import { getDepartment } from '#app/models/department.server.ts'
import { countUnvoted, UNVOTED_CAP } from '#app/models/idea.server.ts'
import { listEvents, listStages } from '#app/models/taxonomy.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { localizedName } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { useLocale, useT, useUser } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:profile:own')
	const department = user.departmentId ? getDepartment(user.departmentId) : null
	const stages = listStages()
	const events = listEvents()
	return {
		unvoted: countUnvoted(user.id),
		unvotedCap: UNVOTED_CAP,
		campaigns: openCampaigns().slice(0, 3),
		departmentName: department?.name ?? null,
		journey: stages.map((stage) => ({
			...stage,
			events: events.filter((event) => event.defaultStageId === stage.id),
		})),
	}
}

export default function HomeRoute() {
	const t = useT()
	const locale = useLocale()
	const user = useUser()
	const { departmentName, journey, unvoted, unvotedCap, campaigns } = useLoaderData<typeof loader>()
	const role = t(`roles.${user.role}`)
	const hasEvents = journey.some((stage) => stage.events.length > 0)
	// Managers open the moment's playbook; everyone else what colleagues logged about it.
	const momentLink = (eventId: string) =>
		hasPermission(user.role, 'read:dashboard:scope') ? `/moments/${eventId}` : `/insights?event=${eventId}`
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold">{t('home.greeting', { name: user.name })}</h1>
				<p className="text-slate-600">
					{departmentName ? t('home.roleIn', { role, department: departmentName }) : t('home.roleNoDepartment', { role })}
				</p>
			</div>
			<Card>
				<h2 className="text-lg font-semibold">{t('home.actionsHeading')}</h2>
				<div className="mt-3 flex flex-wrap gap-2">
					<ButtonLink to="/insights/new" variant="primary">
						{t('nav.logInsight')}
					</ButtonLink>
					<ButtonLink to="/ideas/new">{t('ideas.newIdea')}</ButtonLink>
					<ButtonLink to="/ideas?sort=unvoted">
						{unvoted >= unvotedCap ? t('home.unvotedMany', { count: unvotedCap - 1 }) : t('home.unvoted', { count: unvoted })}
					</ButtonLink>
				</div>
				{campaigns.length ? (
					<div className="mt-4">
						<h3 className="text-sm font-semibold text-slate-700">{t('home.openCampaigns')}</h3>
						<ul className="mt-1 list-disc space-y-1 pl-5">
							{campaigns.map((c) => (
								<li key={c.id}>
									<Link to={`/campaigns/${c.id}`} className="text-brand-700 underline">
										{c.title}
									</Link>
								</li>
							))}
						</ul>
					</div>
				) : null}
			</Card>
			<Card>
				<h2 className="text-lg font-semibold">{t('home.momentsHeading')}</h2>
				<p className="mt-1 text-slate-700">{t('home.momentsIntro')}</p>
				{hasEvents ? (
					<ol className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('home.stagesHeading')}>
						{journey.map((stage, index) => (
							<li key={stage.id} className="rounded-md border border-slate-200 p-3">
								<h3 className="font-semibold text-brand-900">
									<span className="mr-2 inline-flex h-6 w-6 items-center justify-center rounded-full bg-brand-100 text-xs text-brand-900">
										{index + 1}
									</span>
									{localizedName(stage, locale)}
								</h3>
								{stage.events.length ? (
									<ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
										{stage.events.map((event) => (
											<li key={event.id}>
												<Link to={momentLink(event.id)} className="text-brand-800 underline-offset-2 hover:underline">
													{localizedName(event, locale)}
												</Link>
											</li>
										))}
									</ul>
								) : null}
							</li>
						))}
					</ol>
				) : (
					<p className="mt-4 text-slate-600">{t('home.noMoments')}</p>
				)}
			</Card>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'home.title')

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
