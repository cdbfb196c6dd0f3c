import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { counterDrift } from '../counters.ts'
import { removeDatabase, startServer } from '../server.ts'
import { demoTargets, logIn, opsDir, post } from './http.ts'

const PORT = 3110
const ROUNDS = 8
const CONNECTIONS = 16

const shuffle = <T>(list: T[]) => list.sort(() => Math.random() - 0.5)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('every write acknowledged before a SIGKILL is in the database after restart, and every counter matches its rows', async () => {
	const database = path.join(opsDir, 'crash.db')
	const logFile = path.join(opsDir, 'crash-server.log')
	removeDatabase(database)
	fs.rmSync(logFile, { force: true })
	let server = await startServer({ port: PORT, database, logFile })
	const demo = demoTargets(database)
	const cookies = new Map(await Promise.all(demo.people.map(async (p) => [p.id, await logIn(server.url, p.email)] as const)))

	// Every vote and "I see this too" is a pair nobody has made yet, tried once: a success must
	// add exactly that row. Insights have unique bodies and the id from the redirect.
	const votePairs = shuffle(demo.ideas.flatMap((idea) => demo.people.map((p) => [idea, p.id] as const))).filter(
		([idea, user]) => !demo.votes.has(`${idea}|${user}`),
	)
	const seePairs = shuffle(
		demo.insights.flatMap((insight) => demo.people.filter((p) => p.id !== insight.authorId).map((p) => [insight.id, p.id] as const)),
	).filter(([insight, user]) => !demo.recurrences.has(`${insight}|${user}`))
	const acknowledged = {
		votes: [] as Array<readonly [string, string]>,
		sees: [] as Array<readonly [string, string]>,
		insights: new Map<string, string>(),
	}
	let attempts = 0
	let written = 0

	async function writeOne(round: number, worker: number) {
		const kind = written++ % 3
		const pair = kind === 0 ? votePairs.pop() : kind === 1 ? seePairs.pop() : undefined
		attempts++
		try {
			if (kind === 0 && pair) {
				const response = await post(server.url, `/ideas/${pair[0]}/vote.data`, cookies.get(pair[1])!, { vote: 'on', fetch: '1' })
				if (response.status === 200) acknowledged.votes.push(pair)
				await response.arrayBuffer()
			} else if (kind === 1 && pair) {
				const response = await post(server.url, `/insights/${pair[0]}.data`, cookies.get(pair[1])!, { intent: 'see', fetch: '1' })
				if (response.status === 200) acknowledged.sees.push(pair)
				await response.arrayBuffer()
			} else {
				const author = demo.people[(round * CONNECTIONS + worker + attempts) % demo.people.length]!
				const body = `Crash test, round ${round}, write ${attempts}: the customer's card was declined at the hotel.`
				const response = await post(server.url, '/insights/new', cookies.get(author.id)!, {
					body,
					channelId: demo.channel,
					stageId: demo.stage,
					emotion: '2',
					occurredAt: new Date().toISOString().slice(0, 16),
					similarSeen: '1',
				})
				const id = /^\/insights\/([\w-]+)$/.exec(response.headers.get('location') ?? '')?.[1]
				if (response.status === 302 && id) acknowledged.insights.set(id, body)
				await response.arrayBuffer()
			}
		} catch {
			// The server died under this request (not acknowledged, unless its status had arrived).
			await sleep(5)
		}
	}

	for (let round = 1; round <= ROUNDS; round++) {
		if (round > 1) server = await startServer({ port: PORT, database, logFile })
		let writing = true
		const workers = Array.from({ length: CONNECTIONS }, async (_, worker) => {
			while (writing) await writeOne(round, worker)
		})
		// Killed mid-stream, at a different moment each round.
		await sleep(600 + Math.random() * 1_000)
		await server.kill()
		writing = false
		await Promise.all(workers)
	}

	// After the last crash the server starts again on the same file and serves it.
	server = await startServer({ port: PORT, database, logFile })
	const anyone = demo.people[0]!
	const page = await fetch(`${server.url}/insights`, { headers: { cookie: cookies.get(anyone.id)! } })
	expect(page.status).toBe(200)
	await server.stop()

	const db = new Database(database, { readonly: true })
	try {
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
		const hasVote = db.prepare<[string, string], number>('SELECT count(*) FROM votes WHERE idea_id = ? AND user_id = ?').pluck()
		const hasSee = db
			.prepare<[string, string], number>('SELECT count(*) FROM insight_recurrences WHERE insight_id = ? AND user_id = ?')
			.pluck()
		const insightBody = db.prepare<[string], string>('SELECT body FROM insights WHERE id = ?').pluck()
		const lostVotes = acknowledged.votes.filter(([idea, user]) => hasVote.get(idea, user) !== 1)
		const lostSees = acknowledged.sees.filter(([insight, user]) => hasSee.get(insight, user) !== 1)
		const lostInsights = [...acknowledged.insights].filter(([id, body]) => insightBody.get(id) !== body)
		expect({ lostVotes, lostSees, lostInsights }).toEqual({ lostVotes: [], lostSees: [], lostInsights: [] })
		expect(counterDrift(db)).toEqual({ ideaVotes: 0, ideaComments: 0, insightRecurrences: 0 })
	} finally {
		db.close()
	}
	// The test must really have written under fire: many acknowledged writes and some cut off.
	const total = acknowledged.votes.length + acknowledged.sees.length + acknowledged.insights.size
	test.info().annotations.push({
		type: 'crash test',
		description: `${ROUNDS} SIGKILL rounds, ${attempts} writes attempted, ${total} acknowledged (${acknowledged.votes.length} votes, ${acknowledged.sees.length} "I see this too", ${acknowledged.insights.size} insights), ${attempts - total} cut off by a kill`,
	})
	console.log(test.info().annotations.at(-1)!.description)
	expect(total).toBeGreaterThan(ROUNDS * 50)
	expect(attempts - total).toBeGreaterThanOrEqual(ROUNDS)
})
