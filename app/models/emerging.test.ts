import { expect, test } from 'vitest'
import { background, EMERGING, emergingGroups, label, logLikelihoodRatio, type EmergingDoc } from '#app/models/emerging.ts'

const KNOWN = [
	'Customer’s card was stolen in Rome and she waited on hold to block it',
	'Card declined at the supermarket without any explanation',
	'Mortgage refused by letter, the couple asked why and we had no answer',
	'Flight cancelled and the customer could not get a refund for the hotel',
	'Annual fee charged twice after the card was replaced',
	'The app asks for an SMS code sent to the stolen phone',
	'Customer could not block the card in the app while abroad',
	'Payment declined online for a security check nobody told her about',
]
// Twenty insights of the known moments, as the organisation tags them.
const tagged = background(Array.from({ length: 3 }, () => KNOWN).flat())

const docs = (texts: string[], days = texts.map((_, i) => i)): EmergingDoc[] =>
	texts.map((text, i) => ({ id: `d${i}`, text, day: days[i]! }))

const APP_UPDATE = [
	'Since the app update the customer gets logged out every time',
	'The app update logged her out and the activation code never arrived',
	'Chat customer says the app update logged him out twice today',
	'After the app update customers cannot log back in with Face ID',
	'Pensioner in branch: the app update logged him out and he forgot his password',
	'App update logged her out in the middle of a transfer',
]

test('the log-likelihood ratio matches the value worked by hand', () => {
	// 10 of 20 against 10 of 180: expected 2 and 18 with it, 18 and 162 without.
	const byHand = 2 * (10 * Math.log(10 / 2) + 10 * Math.log(10 / 18) + 10 * Math.log(10 / 18) + 170 * Math.log(170 / 162))
	expect(logLikelihoodRatio(10, 20, 10, 180)).toBeCloseTo(byHand, 10)
	expect(logLikelihoodRatio(2, 20, 18, 180)).toBeCloseTo(0, 10)
})

test('untagged insights that share words the known moments do not use are offered as one group, named by what they say', () => {
	const noise = ['Customer asked which savings account pays more', 'Leaflets for the two current accounts contradict each other']
	const groups = emergingGroups(docs([...APP_UPDATE, ...noise]), tagged)
	expect(groups).toHaveLength(1)
	expect(groups[0]!.ids).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5'])
	expect(groups[0]!.label).toBe('app update logged')
	expect(groups[0]!.days).toBe(6)
})

test('an Italian insight joins the group through the words it shares with it', () => {
	const italian = 'L’aggiornamento dell’app ha disconnesso la cliente e il codice non arriva'
	const [group] = emergingGroups(docs([...APP_UPDATE, italian]), tagged)
	expect(group!.ids).toContain('d6')
})

test('what does not recur is not offered: too few insights, or all on too few days', () => {
	expect(emergingGroups(docs(APP_UPDATE.slice(0, EMERGING.minInsights - 1)), tagged)).toEqual([])
	const sameDay = docs(
		APP_UPDATE,
		APP_UPDATE.map((_, i) => i % (EMERGING.minDays - 1)),
	)
	expect(emergingGroups(sameDay, tagged)).toEqual([])
})

test('untagged insights about the known moments are not offered as a new one', () => {
	const untaggedKnown = Array.from({ length: 3 }, () => KNOWN.slice(0, 4)).flat()
	expect(emergingGroups(docs(untaggedKnown), tagged)).toEqual([])
})

test('two new moments make two groups, each insight in one', () => {
	const closing = [
		'Regulars upset that the branch in Via Roma is closing',
		'Old couple asked where to go once the branch closes',
		'Customer moving her accounts because the village branch is closing',
		'Many questions about the branch closing and which branch takes over',
		'Shop owner worried about cash deposits once the branch closes',
	]
	const groups = emergingGroups(docs([...APP_UPDATE, ...closing]), tagged)
	expect(groups.map((g) => g.ids.length).sort()).toEqual([5, 6])
	expect(new Set(groups.flatMap((g) => g.ids)).size).toBe(11)
	expect(groups.map((g) => g.label)).toContain('app update logged')
})

test('a label is the phrase most texts share of the group’s words, as they write it', () => {
	const core = new Set(['=app', '=update', 'logge'])
	expect(label(['The App Update logged me out', 'app update logged him out', 'the app update failed', 'app crashed'], core)).toBe(
		'app update logged',
	)
	expect(label(['nothing in common here', 'or here'], core)).toBe('')
})
