import { addComment } from '#app/models/comment.server.ts'
import { createIdea, setVote } from '#app/models/idea.server.ts'
import { setRecurrence } from '#app/models/insight.server.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { changeStatus, postUpdate } from '#app/models/triage.server.ts'
import { type DB } from './index.ts'
import { DAY, demoPeople, seedInsights, type InsightSpec } from './seed-helpers.ts'

// Half a year of the demo company's past, so the dashboard compares two real quarters: the one
// before (about 100–180 days ago) was quieter and slow to answer; the last one (30–90 days ago),
// after the contact centre joined in, busier and answered within days.
const INSIGHTS: InsightSpec[] = [
	// The quarter before.
	[
		'andrea.moretti',
		176,
		'Branch',
		'Card not working (demagnetised, damaged)',
		[3, 2, true],
		'Pensioner’s card stopped working at the ATM on pension day; the replacement takes ten working days.',
	],
	[
		'laura.barbieri',
		170,
		'Branch',
		'Discover',
		2,
		'Customer asked which savings account pays more and the two leaflets contradict each other.',
	],
	[
		'nicola.vitale',
		166,
		'Branch',
		'Loan or mortgage refused',
		[4, 4, false],
		'Small business owner refused a credit line by letter after twelve years with us, with no call first.',
	],
	[
		'serena.longo',
		160,
		'App',
		'Payment declined',
		[3, 3, false],
		'Card declined at a petrol station abroad because the country was not enabled; the app does not say so.',
	],
	[
		'silvia.santoro',
		155,
		'Branch',
		'Billing error',
		[3, 2, true],
		'Account fee charged for a month after the account was closed; the customer had to come in to get it back.',
	],
	['tommaso.serra', 151, 'Web', 'Onboard', 2, 'Online account opening asks for the tax code twice and rejects it the second time.'],
	[
		'anna.ferrara',
		146,
		'Branch',
		'Card lost or stolen',
		[4, 5, false, 40],
		'Cliente derubata in metro: per bloccare la carta ha dovuto aspettare l’apertura della filiale.',
	],
	[
		'beatrice.lombardo',
		141,
		'Phone',
		'Loan or mortgage refused',
		[5, 4, false],
		'Mortgage applicant was told "computer says no" on the phone and hung up in tears.',
		true,
	],
	[
		'emanuele.gentile',
		137,
		'Email',
		'Billing error',
		[3, 1, true],
		'Customer charged a foreign-currency fee on a payment in euros in Spain; the statement calls it "commission".',
	],
	[
		'roberto.mariani',
		132,
		'Branch',
		'Insufficient funds at checkout',
		[4, 2, true],
		'Salary arrived a day late because of a bank holiday; the customer’s rent payment bounced and she paid a fee.',
	],
	[
		'lorenzo.desantis',
		126,
		'Phone',
		'Account locked or fraud alert',
		[4, 4, false, 25],
		'Genuine purchase of plane tickets flagged as fraud; the customer lost the fare while waiting for a call back.',
	],
	[
		'fabio.galli',
		121,
		'ATM / self-service',
		'Card not working (demagnetised, damaged)',
		[3, 3, false],
		'ATM swallowed a card that was working fine; the branch could not give it back until the next week.',
	],
	[
		'paola.martini',
		114,
		'Branch',
		'Renew or leave',
		[3, 2, true],
		'Customer closing her account said nobody ever asked why she was unhappy in five years.',
	],
	[
		'camilla.dangelo',
		108,
		'Phone',
		'Account locked or fraud alert',
		[5, 2, false, 30],
		'Elderly customer locked out after three wrong PINs on a Friday evening; no way to unlock until Monday.',
		true,
	],
	// The last quarter.
	[
		'giulia.rossi',
		86,
		'Phone',
		'Card lost or stolen',
		4,
		'Customer in Paris with a stolen wallet: we blocked the cards but could not tell her how to get cash that night.',
	],
	[
		'luca.romano',
		83,
		'Phone',
		'Payment declined',
		[3, 2, true],
		'Contactless payment declined over 50 euros with no message; the customer thought his account was empty.',
	],
	[
		'sara.colombo',
		80,
		'Phone',
		'Billing error',
		[4, 2, true],
		'Annual fee charged on a free youth account the month the customer turned 26, without any warning.',
	],
	[
		'emanuele.gentile',
		78,
		'Chat',
		'Card not working (demagnetised, damaged)',
		[3, 2, false],
		'The chip on new cards fails after a few months for customers who keep them in phone cases with magnets.',
	],
	[
		'chiara.bruno',
		75,
		'Phone',
		'Account locked or fraud alert',
		[5, 4, false, 30],
		'Customer locked out of online banking while abroad: the unlock code goes by post to the home address.',
	],
	[
		'matteo.gallo',
		72,
		'Phone',
		'Flight cancelled or missed',
		[4, 3, false],
		'Travel insurance claim for a cancelled flight: the customer was sent three different forms by three colleagues.',
	],
	[
		'francesca.conti',
		69,
		'Phone',
		'Card lost or stolen',
		[4, 5, false, 45],
		'Cliente in vacanza in Grecia senza carte: la carta sostitutiva può arrivare solo a casa in Italia.',
	],
	[
		'antonio.deluca',
		66,
		'Email',
		'Loan or mortgage refused',
		[4, 2, false],
		'Personal loan refused by e-mail on a Saturday with a no-reply address; the customer called in furious.',
	],
	[
		'valentina.costa',
		63,
		'Phone',
		'Payment declined',
		[4, 1, true],
		'Online purchase declined at the 3-D Secure step because the customer had changed phone number.',
		true,
	],
	[
		'martina.mancini',
		60,
		'Social',
		'Late or wrong delivery',
		3,
		'Customer posted that her new card was delivered to a neighbour who opened it.',
	],
	[
		'alessandro.rizzo',
		57,
		'Chat',
		'Billing error',
		[3, 1, true],
		'Customers do not understand the instant-transfer fee: the app shows it only after the transfer.',
	],
	[
		'silvia.santoro',
		54,
		'Branch',
		'Loan or mortgage refused',
		[4, 4, false],
		'Couple refused a mortgage asked what income they would need; the advisor was not allowed to say.',
	],
	[
		'elisa.rinaldi',
		51,
		'Branch',
		'Product failure when most needed',
		[5, 2, false],
		'Online banking down during the last day for paying taxes; customers queued at the branch for an hour.',
	],
	[
		'anna.ferrara',
		47,
		'Branch',
		'Card lost or stolen',
		[3, 1, true],
		'Card stolen at the market: the customer blocked it in the app in seconds and came in only to thank us.',
	],
	[
		'giulia.rossi',
		44,
		'Phone',
		'Account locked or fraud alert',
		[4, 2, false, 20],
		'Fraud alert SMS looks exactly like phishing; customers call us to ask if it is real, or ignore it.',
	],
	[
		'luca.romano',
		41,
		'Phone',
		'Insufficient funds at checkout',
		[3, 2, true],
		'Customer did not know his overdraft had been reduced until his shopping was declined at the till.',
	],
	[
		'serena.longo',
		37,
		'App',
		'Payment declined',
		3,
		'Payments to a new online shop declined for "security" with no way to approve them from the app.',
	],
	[
		'roberto.mariani',
		34,
		'Branch',
		'Billing error',
		[2, 1, true],
		'Statement shows card payments under the processor’s name, so customers dispute charges that are theirs.',
	],
	[
		'tommaso.serra',
		31,
		'App',
		'Onboard',
		3,
		'New customers cannot find where to activate the card in the app: the option is under "Settings".',
	],
	// After the emergency cash code (implemented 34 days ago) stolen-card calls end calmer;
	// fraud alerts on genuine purchases still do not.
	[
		'francesca.conti',
		28,
		'Phone',
		'Card lost or stolen',
		[5, 1, true, 5],
		'Customer in Madrid with her wallet stolen. I sent the emergency cash code while she was still on the line; she withdrew cash at the partner ATM and thanked us twice.',
	],
	[
		'chiara.bruno',
		24,
		'Phone',
		'Account locked or fraud alert',
		[5, 4, false, 35],
		'Fraud alert blocked a card at the pharmacy; to unblock it the customer had to call back and tell the whole story again to a second team.',
	],
	[
		'sara.colombo',
		19,
		'Chat',
		'Card lost or stolen',
		[4, 1, true, 3],
		'Stolen card reported in chat at midnight: the new card and a cash code ordered in one conversation, and he logged off calm.',
	],
	[
		'luca.romano',
		15,
		'Phone',
		'Account locked or fraud alert',
		[5, 5, false, 40],
		'Genuine purchase flagged as fraud twice in one week; the customer says she will move her salary to another bank.',
	],
	// Broken cards before same-day replacement in branches went live (52 days ago): afterwards the
	// moment is rarely heard, so the demo shows a fix that worked (decision 058).
	[
		'andrea.moretti',
		98,
		'Branch',
		'Card not working (demagnetised, damaged)',
		[4, 3, false],
		'Card chip stopped working the week before the customer’s holiday; a new card would take ten working days.',
	],
	[
		'paola.martini',
		93,
		'Branch',
		'Card not working (demagnetised, damaged)',
		[3, 3, false],
		'Pensioner with a demagnetised card came in three times asking whether the new one had arrived.',
	],
	[
		'luca.romano',
		89,
		'Phone',
		'Card not working (demagnetised, damaged)',
		[4, 2, true, 10],
		'Card snapped in the wallet; customer needed cash for rent and we could only offer a counter withdrawal.',
	],
	[
		'fabio.galli',
		84,
		'Branch',
		'Card not working (demagnetised, damaged)',
		[3, 3, false],
		'Contactless stopped working on a three-month-old card; the replacement takes two weeks.',
	],
	[
		'sara.colombo',
		80,
		'Phone',
		'Card not working (demagnetised, damaged)',
		[4, 4, false, 25],
		'Customer’s card fails at every terminal since a magnet in her phone case; no quick way to get a new one.',
	],
	[
		'silvia.santoro',
		75,
		'Branch',
		'Card not working (demagnetised, damaged)',
		[5, 3, false],
		'Small shop owner without a working card for the market weekend; the new card comes after it.',
	],
	[
		'laura.barbieri',
		71,
		'Branch',
		'Card not working (demagnetised, damaged)',
		[3, 2, true],
		'Scratched chip on a debit card; customer asked for a same-day card like other banks have.',
	],
	[
		'luca.romano',
		66,
		'Chat',
		'Card not working (demagnetised, damaged)',
		[4, 3, false, 15],
		'Card bent in the post and rejected by every ATM; the customer waited two weeks for the replacement.',
	],
	[
		'anna.ferrara',
		61,
		'Branch',
		'Card not working (demagnetised, damaged)',
		[4, 4, false],
		'Elderly customer queued twice in a week to withdraw at the counter because his card is broken.',
	],
	[
		'fabio.galli',
		57,
		'Branch',
		'Card not working (demagnetised, damaged)',
		[3, 3, false],
		'Damaged card: customer drove to the branch hoping for a new one on the spot and left without one.',
	],
	[
		'paola.martini',
		54,
		'Branch',
		'Card not working (demagnetised, damaged)',
		[4, 3, false],
		'Customer’s card stopped reading the day before a trip; ten working days for a new one.',
	],
]

type Step = [manager: string, status: Parameters<typeof changeStatus>[2] | 'update', note: string | null, daysAfter: number]
type IdeaSpec = {
	author: string
	daysAgo: number
	title: string
	problem: string
	proposal: string
	benefit: string
	stage: string
	event?: string
	insights: number[]
	anonymous?: boolean
	voters: string[]
	steps: Step[]
}

const IDEAS: IdeaSpec[] = [
	// The quarter before: answered late, one idea still waiting.
	{
		author: 'andrea.moretti',
		daysAgo: 172,
		title: 'Print replacement cards in the branch the same day',
		problem: 'A broken card takes ten working days to replace; older customers are left without cash.',
		proposal: 'A card printer in the larger branches for same-day replacements of broken cards.',
		benefit: 'No customer without a card for two weeks; fewer complaints from pensioners.',
		stage: 'Use',
		event: 'Card not working (demagnetised, damaged)',
		insights: [0, 11],
		voters: ['laura.barbieri', 'fabio.galli', 'paola.martini', 'silvia.santoro', 'anna.ferrara'],
		steps: [
			['stefano.fontana', 'in_review', 'Pricing the printers with the card supplier.', 26],
			['riccardo.leone', 'accepted', 'Approved for the ten largest branches.', 40],
			['riccardo.leone', 'in_progress', 'Printers ordered.', 48],
			['riccardo.leone', 'implemented', 'Same-day replacement cards in the ten largest branches.', 120],
		],
	},
	{
		author: 'serena.longo',
		daysAgo: 158,
		title: 'Say in the app which countries a card is enabled for',
		problem: 'Cards declined abroad because the country is not enabled, and the app gives no hint.',
		proposal: 'Show the enabled countries on the card page and a one-tap "enable for this trip".',
		benefit: 'Fewer declines abroad and fewer calls from stranded travellers.',
		stage: 'Pay',
		event: 'Payment declined',
		insights: [3],
		voters: ['emanuele.gentile', 'ilaria.martinelli', 'tommaso.serra'],
		steps: [
			['ilaria.martinelli', 'in_review', null, 21],
			['ilaria.martinelli', 'accepted', 'The card processor supports it; scheduled for the spring release.', 33],
			['ilaria.martinelli', 'in_progress', null, 60],
		],
	},
	{
		author: 'beatrice.lombardo',
		daysAgo: 139,
		title: 'Call before sending a credit refusal to a long-standing customer',
		problem: 'Customers of many years receive a refusal letter without a word from their advisor.',
		proposal: 'The advisor calls every customer of more than five years before a refusal is sent.',
		benefit: 'Customers keep their trust in us even when the answer is no.',
		stage: 'Join',
		event: 'Loan or mortgage refused',
		insights: [2, 7],
		anonymous: true,
		voters: ['nicola.vitale', 'silvia.santoro'],
		steps: [
			['pietro.marchetti', 'in_review', null, 30],
			[
				'pietro.marchetti',
				'accepted',
				'Approved: advisors will call every customer of more than five years before a refusal goes out.',
				100,
			],
		],
	},
	{
		author: 'roberto.mariani',
		daysAgo: 128,
		title: 'Move payments due on a bank holiday, not the salary',
		problem: 'When salaries arrive a day late, standing orders bounce and customers pay a fee.',
		proposal: 'Hold standing orders due on the day after a bank holiday until the salary has arrived.',
		benefit: 'No bounced rent for something that is not the customer’s fault.',
		stage: 'Pay',
		event: 'Insufficient funds at checkout',
		insights: [9],
		voters: ['giorgio.caruso', 'elisa.rinaldi'],
		steps: [
			['giorgio.caruso', 'in_review', null, 19],
			['federica.lombardi', 'declined', 'Standing orders must go out on the agreed date by law; we now waive the fee instead.', 35],
		],
	},
	{
		author: 'lorenzo.desantis',
		daysAgo: 118,
		title: 'Let customers confirm a flagged purchase in the app',
		problem: 'Genuine purchases flagged as fraud wait for a call back, and customers lose the fare or the booking.',
		proposal: 'A push notification asking "Was this you?" with a yes/no that releases the payment at once.',
		benefit: 'Genuine purchases go through in seconds; agents call only for real fraud.',
		stage: 'Use',
		event: 'Account locked or fraud alert',
		insights: [10, 13],
		voters: ['camilla.dangelo', 'giulia.rossi', 'luca.romano', 'chiara.bruno'],
		steps: [
			['federica.lombardi', 'in_review', 'With Fraud & Disputes.', 24],
			['federica.lombardi', 'accepted', 'Approved with the fraud team.', 38],
		],
	},
	// The last quarter: more ideas, answered within days.
	{
		author: 'giulia.rossi',
		daysAgo: 84,
		title: 'An emergency cash code for customers stranded abroad',
		problem: 'Travellers whose cards are stolen cannot get cash until a new card arrives.',
		proposal: 'Agents send a one-time code to withdraw up to 300 euros at partner ATMs abroad.',
		benefit: 'Customers get through the night; the moment of truth becomes a story they tell.',
		stage: 'Use',
		event: 'Card lost or stolen',
		insights: [14, 20],
		voters: ['luca.romano', 'sara.colombo', 'matteo.gallo', 'francesca.conti', 'marco.ferri', 'emanuele.gentile'],
		steps: [
			['marco.ferri', 'in_review', 'Checking the partner ATM network with Cards & Payments.', 2],
			['ilaria.martinelli', 'accepted', 'Approved: the partner network covers 40 countries.', 9],
			['ilaria.martinelli', 'in_progress', null, 12],
			['ilaria.martinelli', 'implemented', 'Agents can now send an emergency cash code from the card screen.', 50],
		],
	},
	{
		author: 'luca.romano',
		daysAgo: 81,
		title: 'Tell customers their contactless limit when a payment is declined',
		problem: 'Contactless payments over the limit are declined silently and customers think the account is empty.',
		proposal: 'The terminal message and a push notification both say "insert your card: contactless limit".',
		benefit: 'No embarrassment at the till; fewer calls.',
		stage: 'Pay',
		event: 'Payment declined',
		insights: [15],
		voters: ['serena.longo', 'emanuele.gentile', 'andrea.moretti'],
		steps: [
			['ilaria.martinelli', 'in_review', null, 3],
			['ilaria.martinelli', 'accepted', 'The push notification is possible now; the terminal text depends on the merchants.', 8],
			['ilaria.martinelli', 'in_progress', null, 15],
			['ilaria.martinelli', 'implemented', 'Declines over the contactless limit now send a push notification.', 41],
		],
	},
	{
		author: 'sara.colombo',
		daysAgo: 77,
		title: 'Warn young customers a month before their free account starts charging',
		problem: 'The youth account starts charging at 26 with no warning, and customers feel tricked.',
		proposal: 'An e-mail and an app message a month before, with the options to keep it free.',
		benefit: 'Customers stay instead of leaving over a surprise fee.',
		stage: 'Renew or leave',
		event: 'Billing error',
		insights: [16],
		voters: ['chiara.bruno', 'tommaso.serra'],
		steps: [
			['marco.ferri', 'in_review', null, 4],
			['federica.lombardi', 'accepted', 'Agreed: the message goes out from next month.', 10],
		],
	},
	{
		author: 'chiara.bruno',
		daysAgo: 73,
		title: 'Unlock online banking abroad by video call',
		problem: 'The unlock code goes by post to the home address, useless for someone abroad.',
		proposal: 'A short video call with an agent who checks the ID and unlocks on the spot.',
		benefit: 'Customers abroad are not locked out for weeks.',
		stage: 'Use',
		event: 'Account locked or fraud alert',
		insights: [18],
		voters: ['giulia.rossi', 'valentina.costa'],
		steps: [
			['marco.ferri', 'in_review', 'Asking Fraud & Disputes whether a video check is enough.', 2],
			['federica.lombardi', 'declined', 'Identity rules do not allow a video check yet; customers abroad can now get the code by SMS.', 14],
		],
	},
	{
		author: 'matteo.gallo',
		daysAgo: 70,
		title: 'One travel-insurance claim form, filled in with the agent',
		problem: 'Customers with a cancelled flight are sent different forms by different colleagues.',
		proposal: 'A single claim form that the agent fills in during the call and sends for signature.',
		benefit: 'One call instead of three; claims paid faster.',
		stage: 'Use',
		event: 'Flight cancelled or missed',
		insights: [19],
		voters: ['francesca.conti', 'antonio.deluca', 'simone.giordano'],
		steps: [
			['simone.giordano', 'in_review', null, 1],
			['simone.giordano', 'update', 'The insurer agreed to a single form; we are testing it in Bari.', 12],
		],
	},
	{
		author: 'martina.mancini',
		daysAgo: 58,
		title: 'Deliver new cards to the branch when the customer prefers',
		problem: 'Cards delivered to the wrong letterbox are opened by neighbours.',
		proposal: 'Let customers choose home delivery or pick-up at their branch when they order a card.',
		benefit: 'Fewer lost cards and less fraud risk.',
		stage: 'Onboard',
		event: 'Late or wrong delivery',
		insights: [23],
		voters: ['alessandro.rizzo', 'laura.barbieri'],
		steps: [['federica.lombardi', 'in_review', null, 5]],
	},
	{
		author: 'elisa.rinaldi',
		daysAgo: 49,
		title: 'A status page and SMS when online banking is down',
		problem: 'When online banking fails on a deadline day, customers queue at branches not knowing why.',
		proposal: 'A public status page and an SMS to customers with payments due that day.',
		benefit: 'Customers plan around the outage; branches are not overwhelmed.',
		stage: 'Use',
		event: 'Product failure when most needed',
		insights: [26],
		voters: ['silvia.santoro', 'giorgio.caruso', 'roberto.mariani', 'tommaso.serra'],
		steps: [
			['giada.coppola', 'in_review', null, 2],
			['giada.coppola', 'accepted', 'The status page is approved; the SMS needs the deadline calendar.', 6],
			['giada.coppola', 'in_progress', 'Status page in test.', 20],
		],
	},
]

/** The demo company's last two quarters: insights, ideas with votes and how they were answered. */
export function seedDemoHistory(db: DB) {
	const { stages, events } = captureTaxonomy()
	const person = demoPeople(db)
	const now = Date.now()
	const insightIds = seedInsights(INSIGHTS, person, now)
	// Colleagues who heard the same: the stolen-card and fraud-alert stories most of all.
	for (const [index, locals] of [
		[14, ['luca.romano', 'emanuele.gentile', 'matteo.gallo']],
		[18, ['valentina.costa', 'francesca.conti']],
		[28, ['sara.colombo', 'chiara.bruno', 'antonio.deluca', 'lorenzo.desantis']],
		[10, ['camilla.dangelo']],
	] as const) {
		for (const local of locals) setRecurrence(insightIds[index]!, person(local).id, true, new Date(now - (INSIGHTS[index]![1] - 2) * DAY))
	}
	for (const spec of IDEAS) {
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
				campaignId: null,
				anonymous: spec.anonymous ?? false,
			},
			at,
		)
		spec.voters.forEach((voter, i) => setVote(id, person(voter).id, true, new Date(at.getTime() + (i + 1) * DAY)))
		for (const [local, status, note, days] of spec.steps) {
			const when = new Date(at.getTime() + days * DAY)
			const manager = { ...person(local), role: 'manager' as const }
			const done = status === 'update' ? postUpdate(id, manager, note ?? '', when) : changeStatus(id, manager, status, note, when).ok
			if (!done) throw new Error(`Demo history: “${spec.title}” cannot go to ${status}`)
		}
		if (spec.title.startsWith('An emergency cash code')) {
			addComment(id, person('francesca.conti').id, 'Three customers this week alone would have needed this.', new Date(at.getTime() + DAY))
		}
	}
}
