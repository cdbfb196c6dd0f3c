import { and, eq, like } from 'drizzle-orm'
import { type Locale } from '#app/locales/index.ts'
import { setRecurrence } from '#app/models/insight.server.ts'
import { type PlaybookContent } from '#app/models/playbook.ts'
import { thank } from '#app/models/thanks.server.ts'
import { hashSecret } from '#app/utils/session.server.ts'
import { type DB } from './index.ts'
import { boardTokens, criticalEvents, ideas, insights, notifications, playbookVersions } from './schema.ts'
import { DAY, demoPeople, seedInsights, type InsightSpec } from './seed-helpers.ts'

type DemoVersion = {
	locale: Locale
	author: string
	daysAgo: number
	note: string
	/** The implemented idea (by title) that caused the change. */
	idea?: string
	content: PlaybookContent
}

const none = { say: [], avoid: [], selfService: [], links: [], promise: '' }

const CARD_V1: PlaybookContent = {
	...none,
	steps: [
		'Check who is calling: the security questions, never the full card number.',
		'Block the card at once from the card screen, before anything else.',
		'Order a replacement card to the home address.',
		'Check the last transactions with the customer and open a dispute for any they do not recognise.',
	],
	say: ['“Your card is blocked now: nobody can use it from this moment.”'],
	avoid: ['“You should have called sooner.”'],
	promise: 'A new card at your home address within 5 working days.',
	selfService: ['Freeze and unfreeze the card in the app'],
	links: [{ label: 'Card block procedure', url: 'https://intranet.aurora-bank.example/cards/block' }],
}

const CARD_V2: PlaybookContent = {
	...CARD_V1,
	steps: [
		'Check who is calling: the security questions, never the full card number.',
		'Block the card at once from the card screen, before anything else.',
		'Ask where the customer is now. Abroad or without cash: send an emergency cash code (up to 300 euros at partner ATMs).',
		'Order a replacement card: to a branch for same-day collection in the ten largest branches, else to the home address.',
		'Check the last transactions with the customer and open a dispute for any they do not recognise.',
	],
	say: ['“Your card is blocked now: nobody can use it from this moment.”', '“I am sending you a code to take out cash tonight.”'],
	avoid: ['“You should have called sooner.”', '“There is nothing I can do until the new card arrives.”'],
	promise: 'Cash tonight with the code; a new card in 1–3 working days (same day in the largest branches).',
	links: [
		{ label: 'Card block procedure', url: 'https://intranet.aurora-bank.example/cards/block' },
		{ label: 'Emergency cash code: partner ATMs by country', url: 'https://intranet.aurora-bank.example/cards/emergency-cash' },
	],
}

const CARD_IT: PlaybookContent = {
	steps: [
		'Verifica chi chiama: domande di sicurezza, mai il numero completo della carta.',
		'Blocca subito la carta dalla schermata carte, prima di tutto il resto.',
		'Chiedi dove si trova il cliente. Se è all’estero o senza contanti: invia un codice di prelievo d’emergenza (fino a 300 euro negli ATM partner).',
		'Ordina la carta sostitutiva: in filiale per il ritiro in giornata nelle dieci filiali più grandi, altrimenti a casa.',
		'Controlla con il cliente gli ultimi movimenti e apri una contestazione per quelli che non riconosce.',
	],
	say: ['«La carta ora è bloccata: da questo momento nessuno può usarla.»', '«Le mando un codice per prelevare contanti stasera.»'],
	avoid: ['«Doveva chiamare prima.»', '«Non posso fare niente finché non arriva la carta nuova.»'],
	promise: 'Contanti stasera con il codice; carta nuova in 1–3 giorni lavorativi (in giornata nelle filiali più grandi).',
	selfService: ['Blocca e sblocca la carta dall’app'],
	links: CARD_V2.links,
}

const DECLINED_V1: PlaybookContent = {
	...none,
	steps: [
		'Look up the declined payment and its reason code.',
		'Explain the reason in plain words.',
		'If the limit was the cause, offer a temporary limit increase.',
	],
	avoid: ['“The system declined it, I cannot see why.”'],
}

const DECLINED_V2: PlaybookContent = {
	steps: [
		'Look up the declined payment and its reason code.',
		'Explain the reason in plain words: most declines are the contactless limit, not an empty account.',
		'If the limit was the cause, offer a temporary limit increase.',
		'Check the customer has push notifications on: declines over the contactless limit now say so on the phone.',
	],
	say: ['“Your account is fine: the payment was over the contactless limit. Insert the card and it will go through.”'],
	avoid: ['“The system declined it, I cannot see why.”'],
	promise: 'A limit increase works within 10 minutes.',
	selfService: ['Change the limits in the app under Card → Limits', 'Turn on push notifications for payments'],
	links: [],
}

const DECLINED_IT: PlaybookContent = {
	steps: [
		'Cerca il pagamento rifiutato e il suo codice motivo.',
		'Spiega il motivo con parole semplici: quasi sempre è il limite contactless, non un conto vuoto.',
		'Se la causa è il limite, proponi un aumento temporaneo.',
		'Verifica che il cliente abbia le notifiche push attive: ora i rifiuti oltre il limite contactless arrivano sul telefono.',
	],
	say: ['«Il suo conto è a posto: il pagamento superava il limite contactless. Inserisca la carta e passerà.»'],
	avoid: ['«Il sistema l’ha rifiutato, non so perché.»'],
	promise: 'L’aumento del limite è attivo entro 10 minuti.',
	selfService: ['Modifica i limiti nell’app da Carta → Limiti', 'Attiva le notifiche push per i pagamenti'],
	links: [],
}

const FRAUD_V1: PlaybookContent = {
	...none,
	steps: [
		'Confirm the customer’s identity with the security questions.',
		'Go through the flagged transactions one by one.',
		'Unlock the account when the customer confirms they made them.',
	],
	promise: 'The account is unlocked during the call.',
}

const FRAUD_V2: PlaybookContent = {
	steps: [
		'Start by saying the money is safe: the block protects it.',
		'Confirm the customer’s identity with the security questions.',
		'Go through the flagged transactions one by one.',
		'Unlock the account when the customer confirms they made them; if not, block the card and open a dispute.',
		'Tell the customer which alerts are real: we never ask for a code by phone or text.',
	],
	say: ['“Your money is safe: we paused the account to protect it.”'],
	avoid: ['“It’s just the system.”', 'Reading out any code to the customer'],
	promise: 'The account is unlocked during the call; a disputed payment is answered within 10 working days.',
	selfService: ['Confirm or reject a flagged payment in the app'],
	links: [{ label: 'Fraud alert script', url: 'https://intranet.aurora-bank.example/fraud/alerts' }],
}

const FRAUD_IT: PlaybookContent = {
	steps: [
		'Inizia dicendo che i soldi sono al sicuro: il blocco serve a proteggerli.',
		'Verifica l’identità del cliente con le domande di sicurezza.',
		'Rivedi le transazioni segnalate una per una.',
		'Sblocca il conto quando il cliente conferma di averle fatte; altrimenti blocca la carta e apri una contestazione.',
		'Spiega quali avvisi sono veri: non chiediamo mai un codice per telefono o SMS.',
	],
	say: ['«I suoi soldi sono al sicuro: abbiamo sospeso il conto per proteggerlo.»'],
	avoid: ['«È solo il sistema.»', 'Leggere ad alta voce un codice al cliente'],
	promise: 'Il conto viene sbloccato durante la chiamata; una contestazione riceve risposta entro 10 giorni lavorativi.',
	selfService: ['Conferma o rifiuta un pagamento segnalato dall’app'],
	links: FRAUD_V2.links,
}

const APP_V1: PlaybookContent = {
	...none,
	steps: ['Ask what the customer was trying to do and when.', 'Check the service status page.', 'Log the outage with the digital team.'],
}

const APP_V2: PlaybookContent = {
	steps: [
		'Ask what the customer was trying to do, and whether it is urgent today (a payment due, a salary, a trip).',
		'Check the service status page; if there is an incident, say so plainly and give the time of the next update.',
		'Do the urgent thing for them by phone or send them to the nearest branch: do not make them wait for the app.',
		'Log the case with the digital team with the phone model and app version.',
	],
	say: ['“The app has a problem right now, not your phone. I can make the payment for you.”'],
	avoid: ['“Try reinstalling the app.” (as a first answer)'],
	promise: 'An urgent payment is made during the call.',
	selfService: ['Internet banking on the website works when the app does not'],
	links: [{ label: 'Service status', url: 'https://status.aurora-bank.example' }],
}

const APP_IT: PlaybookContent = {
	steps: [
		'Chiedi cosa stava facendo il cliente e se oggi è urgente (un pagamento in scadenza, lo stipendio, un viaggio).',
		'Controlla la pagina dello stato del servizio; se c’è un disservizio dillo chiaramente, con l’ora del prossimo aggiornamento.',
		'Fai tu la cosa urgente per telefono o indirizza il cliente alla filiale più vicina: non farlo aspettare l’app.',
		'Registra il caso con il team digitale indicando modello del telefono e versione dell’app.',
	],
	say: ['«Il problema è dell’app in questo momento, non del suo telefono. Posso fare io il pagamento.»'],
	avoid: ['«Provi a reinstallare l’app.» (come prima risposta)'],
	promise: 'Un pagamento urgente viene eseguito durante la chiamata.',
	selfService: ['L’internet banking dal sito funziona quando l’app non va'],
	links: APP_V2.links,
}

const PLAYBOOKS: Array<[event: string, versions: DemoVersion[]]> = [
	[
		'Card lost or stolen',
		[
			{ locale: 'en', author: 'ilaria.martinelli', daysAgo: 150, note: 'First version, from the card block procedure.', content: CARD_V1 },
			{
				locale: 'en',
				author: 'ilaria.martinelli',
				daysAgo: 33,
				note: 'Emergency cash code for customers abroad, and same-day cards in the largest branches.',
				idea: 'An emergency cash code for customers stranded abroad',
				content: CARD_V2,
			},
			{ locale: 'it', author: 'ilaria.martinelli', daysAgo: 32, note: 'Traduzione della versione 2.', content: CARD_IT },
		],
	],
	[
		'Payment declined',
		[
			{ locale: 'en', author: 'ilaria.martinelli', daysAgo: 140, note: 'First version.', content: DECLINED_V1 },
			{
				locale: 'en',
				author: 'ilaria.martinelli',
				daysAgo: 40,
				note: 'Declines over the contactless limit now send a push notification: say so, and how to change limits in the app.',
				idea: 'Tell customers their contactless limit when a payment is declined',
				content: DECLINED_V2,
			},
			{ locale: 'it', author: 'ilaria.martinelli', daysAgo: 39, note: 'Traduzione della versione 2.', content: DECLINED_IT },
		],
	],
	[
		'Account locked or fraud alert',
		[
			{ locale: 'en', author: 'federica.lombardi', daysAgo: 120, note: 'First version.', content: FRAUD_V1 },
			{
				locale: 'en',
				author: 'federica.lombardi',
				daysAgo: 20,
				note: 'Customers panic when the account is locked: reassure first. Added what to do when a payment is not theirs.',
				content: FRAUD_V2,
			},
			{ locale: 'it', author: 'federica.lombardi', daysAgo: 18, note: 'Traduzione della versione 2.', content: FRAUD_IT },
		],
	],
	[
		'Product failure when most needed',
		[
			{ locale: 'en', author: 'giada.coppola', daysAgo: 100, note: 'First version.', content: APP_V1 },
			{
				locale: 'en',
				author: 'giada.coppola',
				daysAgo: 12,
				note: 'Do the urgent thing for the customer first; the outage log comes after.',
				content: APP_V2,
			},
			{ locale: 'it', author: 'giada.coppola', daysAgo: 11, note: 'Traduzione della versione 2.', content: APP_IT },
		],
	],
]

/** Living playbooks for four of the demo's moments, each with two versions in English and one in Italian (decision 053). */
export function seedDemoPlaybooks(db: DB, now = Date.now()) {
	const person = demoPeople(db)
	db.transaction((tx) => {
		for (const [name, versions] of PLAYBOOKS) {
			const event = tx.select({ id: criticalEvents.id }).from(criticalEvents).where(eq(criticalEvents.name, name)).get()
			if (!event) throw new Error(`Demo data: no critical event called ${name}`)
			const counters = new Map<Locale, number>()
			for (const v of versions) {
				const version = (counters.get(v.locale) ?? 0) + 1
				counters.set(v.locale, version)
				const idea = v.idea ? tx.select({ id: ideas.id }).from(ideas).where(eq(ideas.title, v.idea)).get() : null
				if (v.idea && !idea) throw new Error(`Demo data: no idea called ${v.idea}`)
				tx.insert(playbookVersions)
					.values({
						eventId: event.id,
						locale: v.locale,
						version,
						content: v.content,
						note: v.note,
						authorId: person(v.author).id,
						ideaId: idea?.id ?? null,
						createdAt: new Date(now - v.daysAgo * DAY),
					})
					.run()
				// The version answered the prompt that implementing its idea sent the owners.
				if (idea)
					tx.update(notifications)
						.set({ readAt: new Date(now - v.daysAgo * DAY) })
						.where(and(eq(notifications.kind, 'playbook'), eq(notifications.ideaId, idea.id), eq(notifications.eventId, event.id)))
						.run()
			}
		}
	})
}

// [the insight's opening words, who thanked, days ago, what they said]
const STORIES: Array<[string, string, number, string]> = [
	[
		'Customer in Madrid with her wallet stolen',
		'marco.ferri',
		27,
		'Sent the emergency cash code while she was still on the line: exactly what the playbook now says.',
	],
	['Customer in Madrid with her wallet stolen', 'giulia.rossi', 26, 'Kept her calm and stayed on until the cash was out.'],
	['Customer in Madrid with her wallet stolen', 'ilaria.martinelli', 25, 'This is the story we tell new agents.'],
	['Stolen card reported in chat at midnight', 'marco.ferri', 18, 'New card and cash code in one conversation, at midnight.'],
	[
		'Customer in Lisbon, both cards stolen',
		'luca.romano',
		1,
		'After 25 minutes on hold she was furious; you blocked both cards in two minutes and found her a hotel that takes bank transfers.',
	],
]

/** A few moments colleagues marked as handled well, thanked as people do (decision 054). */
export function seedDemoStories(db: DB, now = Date.now()) {
	const person = demoPeople(db)
	for (const [opening, local, daysAgo, note] of STORIES) {
		const insight = db
			.select({ id: insights.id })
			.from(insights)
			.where(like(insights.body, `${opening}%`))
			.get()
		if (!insight) throw new Error(`Demo data: no insight starting ${opening}`)
		thank(insight.id, person(local).id, note, new Date(now - daysAgo * DAY))
	}
}

/** The demo's office board: the Contact Centre's wall, with a token the README gives (like the demo password). */
export const DEMO_BOARD_TOKEN = 'demo-contact-centre.aurora-demo-2026-wall-screen'

export function seedDemoBoard(db: DB, now = Date.now()) {
	const person = demoPeople(db)
	const [id, secret] = DEMO_BOARD_TOKEN.split('.') as [string, string]
	db.insert(boardTokens)
		.values({
			id,
			name: 'Contact Centre, Milano floor 2',
			departmentId: person('marco.ferri').departmentId,
			locale: 'en',
			secretHash: hashSecret(secret),
			createdBy: person('paolo.greco').id,
			createdAt: new Date(now - 30 * DAY),
		})
		.run()
}

// An emerging moment (decision 060): since an app release, customers are logged out and cannot
// get back in. Nobody has a moment of truth for it, so it is logged at "Use" with none, by people
// in every channel over three weeks, one in Italian and one anonymously; admins see it offered.
const APP_UPDATE: InsightSpec[] = [
	[
		'giulia.rossi',
		2,
		'Phone',
		'Use',
		[4, 3, false, 12],
		'Since the app update the customer gets logged out every time he opens the payments page.',
	],
	[
		'luca.romano',
		3,
		'Phone',
		'Use',
		[4, 2, true],
		'Third caller this week: the app update logged her out and the activation code never arrived.',
	],
	['matteo.gallo', 5, 'Chat', 'Use', 4, 'Chat customer says the app update logged him out twice today; he thinks his account was hacked.'],
	[
		'sara.colombo',
		8,
		'Phone',
		'Use',
		[3, 2, true, 6],
		'After the app update customers are logged out and cannot log back in with Face ID.',
	],
	[
		'andrea.moretti',
		10,
		'Branch',
		'Use',
		[3, 1, true],
		'Pensioner came to the branch because the app update logged him out and he does not remember his password.',
	],
	['serena.longo', 13, 'App', 'Use', 3, 'Store reviews this week: the app update logs people out as soon as they switch to another app.'],
	[
		'martina.mancini',
		16,
		'Social',
		'Use',
		4,
		'Customer posted that the app update logged her out in the middle of a transfer to her landlord.',
	],
	[
		'tommaso.serra',
		19,
		'Web',
		'Use',
		3,
		'Customers the app update logged out try the website instead and find the same activation code step.',
	],
	[
		'giulia.rossi',
		22,
		'Phone',
		'Use',
		4,
		'L’aggiornamento dell’app ha disconnesso la cliente e il codice di attivazione non arriva.',
		true,
	],
]

/** Insights without a moment of truth that share what they say: an emerging moment for admins. */
export function seedDemoEmerging(db: DB, now = Date.now()) {
	const person = demoPeople(db)
	const [first] = seedInsights(APP_UPDATE, person, now)
	for (const local of ['laura.barbieri', 'nicola.vitale']) setRecurrence(first!, person(local).id, true, new Date(now - DAY))
}
