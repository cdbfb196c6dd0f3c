import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { DEMO_LOGINS, DEMO_PASSWORD } from '#db/seed.ts'
import { removeDatabase, startServer } from '../server.ts'
import { demoTargets, logIn, opsDir, post } from './http.ts'

const PORT = 3112
const dir = path.join(opsDir, 'logs')
const database = path.join(dir, 'voce.db')

test('logs are one JSON object a request and never carry who wrote an anonymous insight, a password, a token or what was typed', async () => {
	removeDatabase(database)
	const server = await startServer({ port: PORT, database, logFile: path.join(dir, 'server.log'), env: { LOG_LEVEL: 'info' } })
	const demo = demoTargets(database)
	const author = demo.people.find((p) => p.email === DEMO_LOGINS.employee)!
	const cookie = await logIn(server.url, author.email)
	const secretText = 'Signora Bianchi from Bergamo waited forty minutes on hold after her card was swallowed'
	let anonymousId: string
	try {
		const created = await post(server.url, '/insights/new', cookie, {
			body: secretText,
			channelId: demo.channel,
			stageId: demo.stage,
			emotion: '1',
			anonymous: 'on',
			similarSeen: '1',
		})
		expect(created.status).toBe(302)
		expect(created.headers.get('location')).toBe('/receipts')
		const requestId = created.headers.get('x-request-id')
		expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
		// The receipt page, a search that quotes the customer, and a proxy's own request id.
		expect((await fetch(`${server.url}/receipts`, { headers: { cookie } })).status).toBe(200)
		// An admin opening a person's page: the id in the path is not logged either.
		const adminCookie = await logIn(server.url, DEMO_LOGINS.admin)
		expect((await fetch(`${server.url}/admin/users/${author.id}`, { headers: { cookie: adminCookie } })).status).toBe(200)
		expect(
			(await fetch(`${server.url}/search?q=Bianchi+Bergamo`, { headers: { cookie, 'x-request-id': 'proxy-42' } })).headers.get(
				'x-request-id',
			),
		).toBe('proxy-42')

		const db = new Database(database, { readonly: true })
		anonymousId = db.prepare<[string], string>('SELECT id FROM insights WHERE body = ?').pluck().get(secretText)!
		db.close()
		expect(anonymousId).toBeTruthy()

		await expect.poll(() => server.output()).toContain('proxy-42')
		const lines = server
			.output()
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as Record<string, unknown>)
		const requests = lines.filter((l) => l.msg === 'request')
		for (const line of requests) {
			expect(Object.keys(line)).toEqual(expect.arrayContaining(['time', 'level', 'requestId', 'method', 'route', 'status', 'durationMs']))
			// The route pattern, never the path: a path can carry a person's id.
			expect(Object.keys(line)).not.toContain('path')
		}
		expect(requests.find((l) => l.requestId === requestId)).toMatchObject({ method: 'POST', route: 'routes/insights+/new', status: 302 })
		expect(requests.find((l) => l.requestId === 'proxy-42')).toMatchObject({ method: 'GET', route: 'routes/search', status: 200 })
		expect(requests.some((l) => l.route === 'routes/admin+/users.$userId')).toBe(true)

		const sessionToken = decodeURIComponent(/(?:^|; )[^=]*session[^=]*=([^;]+)/.exec(cookie)?.[1] ?? 'missing')
		expect(sessionToken).not.toBe('missing')
		const text = server.output()
		for (const forbidden of [author.id, author.email, 'Giulia', 'Rossi', DEMO_PASSWORD, sessionToken, 'Bianchi', 'Bergamo', anonymousId]) {
			expect(text, `the log must not contain ${forbidden}`).not.toContain(forbidden)
		}
		// Nor the client's address (the server's own, in "Voce is running at", is not a request line).
		expect(JSON.stringify(requests)).not.toContain('127.0.0.1')
	} finally {
		await server.stop()
	}
})
