import { expect, test } from 'vitest'
import { rankMatches } from '#app/models/search.ts'

const row = (rid: number, title: string, body: string) => ({ rid, title, body })

test('ranking: a title word outweighs a body word, more hits beat fewer, a short text beats a long one, newer wins a tie', () => {
	const filler = 'the customer called again about it '.repeat(6)
	const rows = [
		row(1, '', `refund ${filler}`),
		row(2, 'Refund the fee', 'Customers pay twice.'),
		row(3, '', 'Refund, she asked for a refund'),
		row(4, '', 'Refund now.'),
		row(5, '', 'Refund now.'),
		row(6, '', 'Nothing to do with it.'),
	]
	expect(rankMatches(rows, ['refund']).map((r) => r.rid)).toEqual([2, 3, 5, 4, 1, 6])
})

test('ranking: only the last term counts by prefix; accents and case are folded', () => {
	const rows = [row(1, '', 'Carta bloccata, perché?'), row(2, '', 'cartamodello'), row(3, '', 'nothing'), row(4, '', 'perchéx carta')]
	expect(rankMatches(rows, ['perche', 'cart']).map((r) => r.rid)).toEqual([1, 2, 4, 3])
	expect(rankMatches(rows, ['cart', 'perche']).map((r) => r.rid)).toEqual([4, 1, 3, 2])
	expect(rankMatches([], ['x'])).toEqual([])
})
