import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { getT } from '#app/utils/i18n.ts'
import { DEMO_LOGINS } from '#db/seed.ts'
import { counterDrift } from '../counters.ts'
import { removeDatabase, root, startServer, type RunningServer } from '../server.ts'
import { demoTargets, logIn, opsDir } from './http.ts'

// What an anonymous visitor or a curious colleague can send: bodies too large, not forms,
// broken, repeated, or random. The server answers each with a 4xx and a message, writes
// nothing half-way, and stays up for everyone else.

const PORT = 3114
const dir = path.join(opsDir, 'hostile')
const database = path.join(dir, 'voce.db')
const LIMIT = 1024 * 1024

let server: RunningServer
test.beforeAll(async () => {
	removeDatabase(database)
	server = await startServer({ port: PORT, database, logFile: path.join(dir, 'server.log'), env: { LOG_LEVEL: 'info' } })
})
test.afterAll(async () => server?.stop())

const errorLines = () =>
	server
		.output()
		.trim()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as { level: number; msg: string })
		.filter((line) => line.level >= 50)

/**
 * A raw POST through node:http, so the test decides Content-Length or chunks, and how much it
 * sends: it stops writing as soon as the server answers (or closes), as a client would.
 */
function rawPost(
	url: string,
	{ size, chunked, type = 'application/x-www-form-urlencoded' }: { size: number; chunked: boolean; type?: string },
) {
	return new Promise<{ status: number | null; body: string; sent: number }>((resolve) => {
		const headers: Record<string, string | number> = { 'Content-Type': type, 'Accept-Language': 'en' }
		if (!chunked) headers['Content-Length'] = size
		const req = http.request(`${server.url}${url}`, { method: 'POST', headers })
		let sent = 0
		let done = false
		const finish = (status: number | null, body: string) => {
			if (done) return
			done = true
			req.destroy()
			resolve({ status, body, sent })
		}
		req.once('response', (res) => {
			let body = ''
			res.on('data', (chunk: Buffer) => (body += chunk.toString()))
			res.once('end', () => finish(res.statusCode ?? null, body))
			res.once('error', () => finish(res.statusCode ?? null, body))
		})
		req.once('error', () => finish(null, ''))
		const chunk = Buffer.alloc(64 * 1024, 'a')
		chunk.write('email=x', 0)
		const write = () => {
			while (!done && sent < size) {
				const piece = chunk.subarray(0, Math.min(chunk.length, size - sent))
				sent += piece.length
				if (!req.write(piece)) return req.once('drain', write)
			}
			if (!done) req.end()
		}
		write()
	})
}

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))![1]) / 1024

test('bodies over the limit are refused with 413 before they are read, chunked or not; just under is read; several at once leave the server serving', async () => {
	for (const chunked of [false, true]) {
		const under = await rawPost('/login', { size: LIMIT - 100, chunked })
		// Read and handled: a login form that names nobody.
		expect(under.status, `just under the limit, chunked: ${chunked}`).toBe(400)
		const over = await rawPost('/login', { size: LIMIT + 1, chunked })
		expect(over.status, `just over the limit, chunked: ${chunked}`).toBe(413)
		expect(over.body).toBe('This request is too large for Voce to read. Shorten the text and try again.')
	}
	// Four anonymous clients each offering 150 MB, two of them chunked, while a colleague logs in.
	const before = rssMb()
	const floods = [0, 1, 2, 3].map((i) => rawPost('/login', { size: 150 * 1024 * 1024, chunked: i % 2 === 1 }))
	const cookie = await logIn(server.url, DEMO_LOGINS.employee)
	expect((await fetch(`${server.url}/ideas`, { headers: { cookie } })).status).toBe(200)
	for (const flood of await Promise.all(floods)) {
		expect([413, null]).toContain(flood.status)
		// The server stopped reading long before the 150 MB were sent.
		expect(flood.sent).toBeLessThan(100 * 1024 * 1024)
	}
	expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
	expect(rssMb() - before, 'resident memory grew by (MB)').toBeLessThan(100)
	// Italian readers are answered in Italian.
	const italian = await fetch(`${server.url}/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'Accept-Language': 'it' },
		body: '{}',
	})
	expect(italian.status).toBe(415)
	expect(await italian.text()).toContain('Qui Voce legge solo moduli web')
})

test('a form with more fields than MAX_FORM_FIELDS is refused with 413', async () => {
	const fields = new URLSearchParams()
	for (let i = 0; i < 1001; i++) fields.append(`f${i}`, 'x')
	const response = await fetch(`${server.url}/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: fields,
	})
	expect(response.status).toBe(413)
	expect(await response.text()).toBe('This form has too many fields for Voce to read.')
})

/** Every route module with an action, as a URL with real ids from the demo data. */
function actionRoutes() {
	const demo = demoTargets(database)
	const db = new Database(database, { readonly: true })
	const params: Record<string, string> = {
		ideaId: demo.ideas[0]!,
		insightId: demo.insights[0]!.id,
		userId: demo.people[0]!.id,
		campaignId: db.prepare<[], string>('SELECT id FROM campaigns LIMIT 1').pluck().get()!,
		kind: 'stages',
		token: 'not-a-token',
	}
	db.close()
	const folder = path.join(root, 'app', 'routes')
	// The route files as remix-flat-routes reads them: `area+/file` is `area.file`.
	return fs
		.readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.tsx$/.test(file) && !path.basename(file).startsWith('__'))
		.filter((file) => /export async function action/.test(fs.readFileSync(path.join(folder, file), 'utf8')))
		.map((file) => {
			const segments = file
				.replace(/\.tsx$/, '')
				.replace(/\+\//g, '.')
				.split('.')
				.filter((s) => !s.startsWith('_'))
				.map((s) => s.replace(/_$/, ''))
				.map((s) => (s.startsWith('$') ? params[s.slice(1)]! : s))
			return `/${segments.join('/')}`
		})
}

const NOT_FORMS: Array<{ name: string; type?: string; body: string }> = [
	{ name: 'JSON', type: 'application/json', body: '{"email":"x","intent":"vote"}' },
	{ name: 'text/plain', type: 'text/plain', body: 'email=x' },
	{ name: 'XML', type: 'application/xml', body: '<a><intent>vote</intent></a>' },
	{ name: 'no content type', body: 'email=x' },
	{
		name: 'a broken multipart boundary',
		type: 'multipart/form-data; boundary=XYZ',
		body: '--XYZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\nvote\r\n',
	},
	{ name: 'multipart without a boundary', type: 'multipart/form-data', body: 'intent=vote' },
]

test('every action answers a body that is not a readable form with 415 or 400 and a message, logged in or not', async () => {
	const admin = await logIn(server.url, DEMO_LOGINS.admin)
	const routes = actionRoutes()
	expect(routes.length).toBeGreaterThanOrEqual(19)
	for (const cookie of [admin, '']) {
		for (const route of routes) {
			for (const { name, type, body } of NOT_FORMS) {
				const response = await fetch(`${server.url}${route}`, {
					method: 'POST',
					redirect: 'manual',
					headers: { cookie, ...(type ? { 'Content-Type': type } : {}) },
					body,
				})
				const text = await response.text()
				if (route.startsWith('/scim/')) {
					// SCIM is a JSON API with a bearer token: without one, a SCIM error, whatever the body.
					expect(response.status, `${route} with ${name}`).toBe(401)
					expect(JSON.parse(text), `${route} with ${name} says why`).toMatchObject({ status: '401', detail: expect.any(String) })
					continue
				}
				expect([400, 415], `${route} with ${name}`).toContain(response.status)
				expect(text.length, `${route} with ${name} says why`).toBeGreaterThan(10)
			}
		}
	}
	expect(errorLines()).toEqual([])
})

test('a field sent twice is taken once: the page shows what was typed first, never a 500', async () => {
	const demo = demoTargets(database)
	const cookie = await logIn(server.url, DEMO_LOGINS.employee)
	const twice = (pairs: Array<[string, string]>) => new URLSearchParams(pairs)
	const insight = await fetch(`${server.url}/insights/new`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: twice([
			['body', 'x'],
			['body', 'A customer could not block a card abroad.'],
			['channelId', demo.channel],
			['emotion', '3'],
		]),
	})
	// The first value, "x", is too short: the form comes back with it and a message.
	expect(insight.status).toBe(400)
	const page = await fetch(`${server.url}/insights/new`, { headers: { cookie } })
	expect(page.status).toBe(200)
	const idea = await fetch(`${server.url}/ideas/new`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: twice([
			['title', 'Freeze a stolen card from the website'],
			['title', 'Second title'],
			['problem', 'short'],
		]),
	})
	expect(idea.status).toBe(400)
	const html = await idea.text()
	expect(html).toContain('value="Freeze a stolen card from the website"')
	expect(html).not.toContain('Second title')
	expect(errorLines()).toEqual([])
})

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

const FIELDS = [
	'intent',
	'body',
	'title',
	'problem',
	'proposal',
	'benefit',
	'stageIds',
	'eventIds',
	'insightIds',
	'channelId',
	'stageId',
	'eventId',
	'emotion',
	'endEmotion',
	'resolvedFirstContact',
	'waitMinutes',
	'occurredAt',
	'anonymous',
	'vote',
	'fetch',
	'commentId',
	'reason',
	'note',
	'status',
	'scores.impact',
	'scores.effort',
	'scores.x',
	'criteria[0].name',
	'criteria[0].weight',
	'criteria[0].lowerIsBetter',
	'owner',
	'targetId',
	'email',
	'password',
	'name',
	'role',
	'departmentId',
	'parentId',
	'locale',
	'code',
	'redirectTo',
	'ids',
	'names.it',
	'startsAt',
	'endsAt',
	'sponsor',
	'description',
	'similarSeen',
	'redactConfirmed',
	'ownEvidenceConfirmed',
	'emailDigest',
	'id',
	'all',
]
const INTENTS = [
	'vote',
	'follow',
	'unfollow',
	'comment',
	'edit-comment',
	'delete-comment',
	'status',
	'update',
	'evaluate',
	'merge',
	'hide',
	'restore',
	'see',
	'moment-end',
	'unsee',
	'create',
	'delete',
	'move',
	'deactivate',
	'reactivate',
	'setup-link',
	'email',
	'password',
	'locale',
	'bulk-assign',
	'bulk-review',
	'search',
]

test('fuzz: 600 random posts over every action (fixed seed) give no 5xx and leave every counter equal to its rows', async () => {
	test.setTimeout(120_000)
	const next = random(20261203)
	const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!
	const demo = demoTargets(database)
	const db = new Database(database, { readonly: true })
	const ids = [
		...demo.ideas.slice(0, 5),
		...demo.insights.slice(0, 5).map((i) => i.id),
		...db.prepare<[], string>('SELECT id FROM comments LIMIT 5').pluck().all(),
		...db.prepare<[], string>('SELECT id FROM departments LIMIT 3').pluck().all(),
	]
	db.close()
	const values = () => {
		const r = next()
		if (r < 0.15) return ''
		if (r < 0.3) return pick(ids)
		if (r < 0.4) return 'x'.repeat(Math.floor(next() * 6000))
		if (r < 0.5) return String(Math.floor(next() * 20) - 5)
		if (r < 0.6) return 'ç€😀\u0000\u202e<script>"\'; DROP TABLE ideas; --'
		if (r < 0.7) return pick(['on', 'off', '1', 'true', 'manager', 'admin', 'it', 'en', '2026-13-45T25:61', '/admin', '//evil.example'])
		return pick(['Card swallowed abroad', 'A customer waited forty minutes', 'giulia.rossi@aurora-bank.example'])
	}
	const people = [DEMO_LOGINS.employee, DEMO_LOGINS.manager, DEMO_LOGINS.admin]
	const cookies = await Promise.all(people.map((email) => logIn(server.url, email)))
	const routes = actionRoutes()
	const statuses = new Map<number, number>()
	for (let i = 0; i < 600; i++) {
		const route = pick(routes)
		const fields: Array<[string, string]> = [['intent', pick(INTENTS)]]
		for (let n = Math.floor(next() * 8); n > 0; n--) fields.push([pick(FIELDS), values()])
		const form = new URLSearchParams(fields)
		const asMultipart = next() < 0.2
		let body: URLSearchParams | FormData = form
		if (asMultipart) {
			const multipart = new FormData()
			for (const [k, v] of fields) multipart.append(k, v)
			body = multipart
		}
		const response = await fetch(`${server.url}${route}${next() < 0.2 ? '.data' : ''}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: pick([...cookies, '']) },
			body,
		})
		statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
		expect(response.status, `#${i} ${route} ${form.toString().slice(0, 300)}`).toBeLessThan(500)
		await response.arrayBuffer()
	}
	// The fuzz reached actions, not only the door.
	expect([...statuses.keys()].some((s) => s === 200 || s === 302 || s === 204)).toBe(true)
	expect(errorLines()).toEqual([])
	const check = new Database(database, { readonly: true })
	expect(counterDrift(check)).toEqual({ ideaVotes: 0, ideaComments: 0, insightRecurrences: 0 })
	expect(check.prepare('PRAGMA foreign_key_check').all()).toEqual([])
	expect(check.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok')
	check.close()
	// Still serving.
	expect((await fetch(`${server.url}/login`)).status).toBe(200)
})

test('personal pages and their data are never kept by a shared cache; the locale cookie is Secure; a receipt code never travels in a cookie', async () => {
	const demo = demoTargets(database)
	const cookie = await logIn(server.url, DEMO_LOGINS.employee)
	for (const url of [
		'/receipts',
		'/notifications',
		'/profile',
		'/settings',
		'/ideas',
		'/insights',
		'/',
		'/receipts.data',
		'/notifications.data',
		'/profile.data',
		'/ideas.data',
	]) {
		const response = await fetch(`${server.url}${url}`, { headers: { cookie } })
		expect(response.status, url).toBe(200)
		expect(response.headers.get('cache-control'), url).toBe('private, no-store')
	}
	const locale = await fetch(`${server.url}/resources/locale`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ locale: 'it', redirectTo: '/' }),
	})
	expect(locale.status).toBe(302)
	expect(locale.headers.get('set-cookie')).toMatch(/^voce_locale=.*; Secure/)

	const created = await fetch(`${server.url}/insights/new`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			body: 'An anonymous insight whose receipt must stay out of cookies.',
			channelId: demo.channel,
			stageId: demo.stage,
			emotion: '2',
			anonymous: 'on',
			similarSeen: '1',
		}),
	})
	expect(created.headers.get('location')).toBe('/receipts')
	const flash = created.headers
		.getSetCookie()
		.find((c) => c.startsWith('voce_flash='))!
		.split(';')[0]!
	const page = await (await fetch(`${server.url}/receipts`, { headers: { cookie: `${cookie}; ${flash}` } })).text()
	const code = /VOCE(-[A-Z2-9]{4}){6}/.exec(page)?.[0]
	expect(code, 'the receipt page shows the code once').toBeTruthy()
	const cookieText = Buffer.from(decodeURIComponent(flash.split('=')[1]!).split('.')[0]!, 'base64').toString('utf8')
	for (const form of [code!, code!.replace(/-/g, '').slice(4)]) expect(cookieText).not.toContain(form)
	expect(cookieText).toContain('sealed')
})

test('odd Host, Origin and path headers get a 4xx, never a 500, and never move the request to another host', async () => {
	const cookie = await logIn(server.url, DEMO_LOGINS.employee)
	const idea = demoTargets(database).ideas[0]!
	// A sandboxed page's "null" origin, with a browser's same-origin claim: judged by Voce, not thrown by Remix.
	const nullOrigin = await fetch(`${server.url}/ideas/${idea}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, Origin: 'null', 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/x-www-form-urlencoded' },
		body: 'intent=follow',
	})
	expect(nullOrigin.status).toBe(302)
	const noSite = await fetch(`${server.url}/ideas/${idea}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'it' },
		body: 'intent=follow',
	})
	expect(noSite.status).toBe(403)
	// Refused before Remix, in the language the browser asks for (nobody is signed in yet at that point).
	expect(await noSite.text()).toBe(getT('it')('http.crossOrigin'))
	const doubleSlash = await new Promise<{ status: number; location?: string }>((resolve) => {
		http
			.get({ host: '127.0.0.1', port: PORT, path: '//evil.example/login' }, (res) =>
				resolve({ status: res.statusCode!, location: res.headers.location }),
			)
			.end()
	})
	expect(doubleSlash.status).toBeLessThan(500)
	expect(doubleSlash.location ?? '').not.toContain('evil.example')
	const badHost = await new Promise<number>((resolve) => {
		const req = http.request({ host: '127.0.0.1', port: PORT, path: '/login', headers: { Host: 'bad host^' } }, (res) =>
			resolve(res.statusCode!),
		)
		req.once('error', () => resolve(0))
		req.end()
	})
	expect(badHost).toBeGreaterThanOrEqual(400)
	expect(badHost).toBeLessThan(500)
	expect(errorLines()).toEqual([])
})
