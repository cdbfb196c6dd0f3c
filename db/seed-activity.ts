import { createCampaign } from '#app/models/campaign.server.ts'
import { addComment } from '#app/models/comment.server.ts'
import { createIdea, setVote } from '#app/models/idea.server.ts'
import { setRecurrence } from '#app/models/insight.server.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { changeStatus, evaluate, ideaCriteria } from '#app/models/triage.server.ts'
import { type DB } from './index.ts'
import { DAY, demoPeople, seedInsights, type InsightSpec } from './seed-helpers.ts'

const INSIGHTS: InsightSpec[] = [
	[
		'giulia.rossi',
		2,
		'Phone',
		'Card lost or stolen',
		[5, 2, true, 4],
		'Customer in Lisbon, both cards stolen with her bag. She waited 25 minutes on hold to block them and had no way to pay her hotel.',
	],
	[
		'luca.romano',
		3,
		'Phone',
		'Card lost or stolen',
		[4, 1, true],
		'Caller abroad could not block his card in the app because the app asks for an SMS code sent to the stolen phone.',
	],
	[
		'matteo.gallo',
		6,
		'Chat',
		'Card lost or stolen',
		[4, 2, false, 15],
		'Chat customer asked for an emergency card abroad; we could only send it to the home address in Italy.',
	],
	[
		'andrea.moretti',
		4,
		'Branch',
		'Payment declined',
		[3, 2, true],
		'Customer’s card declined at a supermarket for a “security check” nobody told her about. Embarrassed in front of the queue.',
	],
	[
		'serena.longo',
		9,
		'App',
		'Payment declined',
		[4, 3, false],
		'Online payments over 500 euros get declined without an explanation in the app; customers think the card is broken.',
	],
	[
		'nicola.vitale',
		12,
		'Branch',
		'Loan or mortgage refused',
		[5, 4, false],
		'Young couple refused a mortgage with a generic letter. They asked what they could change and we had no answer to give.',
	],
	[
		'martina.mancini',
		5,
		'Social',
		'Account locked or fraud alert',
		[4, 4, false],
		'Customer posted publicly that his account was locked for a fraud alert on a Sunday and nobody could unlock it until Monday.',
	],
	[
		'sara.colombo',
		1,
		'Phone',
		'Billing error',
		3,
		'Annual card fee charged twice after the card was replaced. Customer had to call three times to get it refunded.',
	],
	[
		'laura.barbieri',
		20,
		'Branch',
		'Discover',
		2,
		'Walk-in customer could not tell the difference between our two current accounts from the leaflets.',
	],
	[
		'tommaso.serra',
		7,
		'Web',
		'Onboard',
		[3, 2, true],
		'New customers abandon the online account opening at the ID upload step on older phones.',
	],
]

/** A little life in the demo company: insights, ideas, votes, comments and campaigns. */
export function seedDemoActivity(db: DB) {
	const { stages, events } = captureTaxonomy()
	const person = demoPeople(db)
	const now = Date.now()
	const insightIds = seedInsights(INSIGHTS, person, now)
	// "I see this too" from colleagues who heard the same thing.
	for (const [index, locals] of [
		[0, ['luca.romano', 'sara.colombo', 'francesca.conti']],
		[4, ['emanuele.gentile', 'andrea.moretti']],
		[6, ['alessandro.rizzo']],
	] as const) {
		for (const local of locals) setRecurrence(insightIds[index]!, person(local).id, true, new Date(now - DAY))
	}
	const cardEvent = events.find((e) => e.name === 'Card lost or stolen')!
	const campaign = createCampaign(
		{
			title: 'How do we help a customer whose cards are stolen abroad?',
			description:
				'Travellers who lose their cards abroad remember how we treated them for years. Tell us what would have helped the customers you spoke to.',
			sponsor: 'Elena Marino, Chief Customer Officer',
			startsAt: new Date(now - 10 * DAY),
			endsAt: new Date(now + 20 * DAY),
			stageId: cardEvent.defaultStageId,
			eventId: cardEvent.id,
			criteria: [
				{ id: null, name: 'Customer impact', weight: 3, lowerIsBetter: false },
				{ id: null, name: 'Cost', weight: 2, lowerIsBetter: true },
				{ id: null, name: 'Risk', weight: 1, lowerIsBetter: true },
				{ id: null, name: 'Strategic fit', weight: 2, lowerIsBetter: false },
			],
		},
		person('elena.marino').id,
	)
	createCampaign(
		{
			title: 'What makes a first week with us unforgettable?',
			description: 'Ideas for the onboarding of new customers.',
			sponsor: 'Pietro Marchetti, Head of Retail',
			startsAt: new Date(now - 90 * DAY),
			endsAt: new Date(now - 30 * DAY),
			stageId: stages.find((s) => s.name === 'Onboard')!.id,
			eventId: null,
		},
		person('pietro.marchetti').id,
	)
	const ideaSpecs: Array<{
		author: string
		daysAgo: number
		title: string
		problem: string
		proposal: string
		benefit: string
		stage: string
		event?: string
		insights: number[]
		campaign?: boolean
		anonymous?: boolean
		voters: string[]
	}> = [
		{
			author: 'giulia.rossi',
			daysAgo: 2,
			title: 'Block a stolen card from the app without an SMS code',
			problem: 'Customers whose phone was stolen with their cards cannot confirm the block in the app, and wait on hold.',
			proposal:
				'Let customers block (not cancel) a card from a second device or the website with their password only; blocking is reversible, so the risk is low.',
			benefit: 'Cards blocked in minutes instead of half an hour; fewer fraudulent charges and calls.',
			stage: 'Use',
			event: 'Card lost or stolen',
			insights: [0, 1],
			campaign: true,
			voters: ['luca.romano', 'matteo.gallo', 'sara.colombo', 'davide.ricci', 'marco.ferri', 'francesca.conti', 'chiara.bruno'],
		},
		{
			author: 'matteo.gallo',
			daysAgo: 5,
			title: 'Emergency card delivered to the hotel abroad',
			problem: 'Replacement cards go only to the home address, useless for someone travelling.',
			proposal:
				'Offer courier delivery of an emergency card to any address abroad within 48 hours, plus an emergency cash withdrawal code.',
			benefit: 'Customers can keep travelling; a moment of truth turns into loyalty.',
			stage: 'Use',
			event: 'Card lost or stolen',
			insights: [2, 0],
			campaign: true,
			voters: ['giulia.rossi', 'valentina.costa', 'antonio.deluca'],
		},
		{
			author: 'serena.longo',
			daysAgo: 9,
			title: 'Tell customers why a payment was declined, in the app',
			problem: 'Declined payments show no reason, so customers assume the card is broken and call us.',
			proposal: 'Push a notification with the reason (limit, security check, funds) and a one-tap fix where one exists.',
			benefit: 'Fewer calls about declines; less embarrassment at the till.',
			stage: 'Pay',
			event: 'Payment declined',
			insights: [3, 4],
			voters: ['andrea.moretti', 'emanuele.gentile', 'ilaria.martinelli', 'laura.barbieri'],
		},
		{
			author: 'nicola.vitale',
			daysAgo: 12,
			title: 'Explain mortgage refusals and what would change the answer',
			problem: 'A refusal letter gives no reason, so customers leave angry and go to a competitor.',
			proposal: 'A meeting with an advisor after every refusal, with a written list of what would change the outcome.',
			benefit: 'Customers come back when their situation changes.',
			stage: 'Join',
			event: 'Loan or mortgage refused',
			insights: [5],
			anonymous: true,
			voters: ['beatrice.lombardo'],
		},
		{
			author: 'martina.mancini',
			daysAgo: 5,
			title: 'A weekend fraud desk that can unlock accounts',
			problem: 'Accounts locked by fraud alerts on weekends stay locked until Monday.',
			proposal: 'Staff a small weekend rota in Fraud & Disputes with authority to unlock after verification.',
			benefit: 'No customer stranded for two days; fewer public complaints.',
			stage: 'Use',
			event: 'Account locked or fraud alert',
			insights: [6],
			voters: [],
		},
	]
	for (const spec of ideaSpecs) {
		const at = new Date(now - spec.daysAgo * DAY)
		const { id } = createIdea(
			person(spec.author),
			{
				title: spec.title,
				problem: spec.problem,
				proposal: spec.proposal,
				benefit: spec.benefit,
				stageIds: [stages.find((s) => s.name === spec.stage)!.id],
				eventIds: spec.event ? [events.find((e) => e.name === spec.event)!.id] : [],
				insightIds: spec.insights.map((i) => insightIds[i]!),
				campaignId: spec.campaign ? campaign.id : null,
				anonymous: spec.anonymous ?? false,
			},
			at,
		)
		spec.voters.forEach((voter, i) => setVote(id, person(voter).id, true, new Date(at.getTime() + (i + 1) * 3_600_000)))
		// Some ideas already went through triage, so the loop is visible from the start.
		const manager = (local: string) => ({ ...person(local), role: 'manager' as const })
		const step = (local: string, status: Parameters<typeof changeStatus>[2], note: string | null, days: number) =>
			changeStatus(id, manager(local), status, note, new Date(at.getTime() + days * DAY))
		if (spec.title.startsWith('Tell customers why')) {
			step('ilaria.martinelli', 'in_review', 'Checking with the card processor which decline reasons we may show.', 1)
			step('ilaria.martinelli', 'accepted', 'Approved: the processor sends reason codes we can translate.', 3)
			step('ilaria.martinelli', 'in_progress', 'In the next app release.', 4)
			step('ilaria.martinelli', 'implemented', 'Live in the app since this morning: declines now show the reason and a fix.', 8)
		}
		if (spec.title.startsWith('Explain mortgage refusals')) {
			step('pietro.marchetti', 'in_review', null, 2)
			step(
				'pietro.marchetti',
				'declined',
				'Credit rules do not let us list what would change the outcome; advisors will offer a follow-up meeting instead.',
				6,
			)
		}
		// Scores on the campaign's criteria (in their order), or on impact and effort.
		const score = (local: string, values: number[], days: number) => {
			const scores = Object.fromEntries(ideaCriteria(id).map((c, i) => [c.id, values[i] ?? null]))
			evaluate(id, manager(local), { scores }, new Date(at.getTime() + days * DAY))
		}
		if (spec.title.startsWith('Emergency card delivered')) score('marco.ferri', [5, 4, 2, 4], 1)
		if (spec.title.startsWith('A weekend fraud desk')) score('marco.ferri', [4, 3], 1)
		if (spec.title.startsWith('Block a stolen card')) {
			addComment(
				id,
				person('marco.ferri').id,
				'We hear this every week in Milano. @paolo.greco, could Fraud tell us if blocking is safe without the SMS?',
				new Date(at.getTime() + 5 * 3_600_000),
			)
			addComment(
				id,
				person('paolo.greco').id,
				'Blocking is reversible, so yes in principle. See the card policy: https://intranet.aurora-bank.example/cards',
				new Date(at.getTime() + 8 * 3_600_000),
			)
		}
	}
}
