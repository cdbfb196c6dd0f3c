import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { DEMO_LOGINS, DEMO_PASSWORD } from '#db/seed.ts'
import { removeDatabase, root, startServer, type RunningServer } from '../server.ts'
import { demoTargets, opsDir } from './http.ts'

// Voce behind a real nginx (Debian's nginx-light), configured with the file the operator's
// guide gives (docs/examples/nginx-voce.conf): nginx rewrites Host to the upstream address, as
// its default proxy_pass does, and sets X-Forwarded-*. Clients reach nginx from different
// loopback addresses (127.0.0.2, 127.0.0.3), so each is a different client to it.

const VOCE_PORT = 3115
const PROXY_PORT = 3116
const PUBLIC = `voce.test:${PROXY_PORT}`
const dir = path.join(opsDir, 'proxy')
const database = path.join(dir, 'voce.db')
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

let voce: RunningServer
let nginx: ChildProcess

test.beforeAll(async () => {
	removeDatabase(database)
	fs.mkdirSync(path.join(dir, 'nginx'), { recursive: true })
	voce = await startServer({
		port: VOCE_PORT,
		database,
		logFile: path.join(dir, 'server.log'),
		env: {
			TRUST_PROXY: '1',
			APP_URL: `http://${PUBLIC}`,
			LOGIN_MAX_FAILURES_PER_IP: '5',
			LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
			LOG_LEVEL: 'info',
		},
	})
	const site = fs
		.readFileSync(path.join(root, 'docs', 'examples', 'nginx-voce.conf'), 'utf8')
		.replace('127.0.0.1:3000', `127.0.0.1:${VOCE_PORT}`)
	const work = path.join(dir, 'nginx')
	fs.writeFileSync(path.join(work, 'voce.conf'), site)
	fs.writeFileSync(
		path.join(work, 'nginx.conf'),
		`daemon off;
master_process off;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path ${work}/body;
	proxy_temp_path ${work}/proxy;
	fastcgi_temp_path ${work}/fastcgi;
	uwsgi_temp_path ${work}/uwsgi;
	scgi_temp_path ${work}/scgi;
	server {
		listen 127.0.0.1:${PROXY_PORT};
		server_name voce.test;
		include ${work}/voce.conf;
	}
}
`,
	)
	nginx = spawn(NGINX, ['-p', work, '-c', path.join(work, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] })
	let stderr = ''
	nginx.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
	const deadline = Date.now() + 10_000
	while (Date.now() < deadline) {
		const up = await request({ path: '/healthz' })
			.then((r) => r.status === 200)
			.catch(() => false)
		if (up) return
		if (nginx.exitCode !== null) break
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	throw new Error(`nginx did not start: ${stderr}`)
})

test.afterAll(async () => {
	if (nginx?.pid && nginx.exitCode === null) {
		const exited = new Promise((resolve) => nginx.once('exit', resolve))
		process.kill(nginx.pid, 'SIGTERM')
		await exited
	}
	await voce?.stop()
})

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A request to nginx as a browser at `from` would send it, with the public Host. */
function request({
	path: url,
	method = 'GET',
	from = '127.0.0.2',
	form,
	cookie,
	origin = `http://${PUBLIC}`,
	headers = {},
}: {
	path: string
	method?: string
	from?: string
	form?: Record<string, string>
	cookie?: string
	origin?: string
	headers?: Record<string, string>
}) {
	const body = form ? new URLSearchParams(form).toString() : undefined
	return new Promise<Answer>((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port: PROXY_PORT,
				localAddress: from,
				path: url,
				method,
				headers: {
					Host: PUBLIC,
					...(body
						? {
								'Content-Type': 'application/x-www-form-urlencoded',
								'Content-Length': Buffer.byteLength(body),
								Origin: origin,
								'Sec-Fetch-Site': 'same-origin',
							}
						: {}),
					...(cookie ? { Cookie: cookie } : {}),
					...headers,
				},
			},
			(res) => {
				let text = ''
				res.on('data', (chunk: Buffer) => (text += chunk.toString()))
				res.once('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
			},
		)
		req.once('error', reject)
		req.end(body)
	})
}

const cookieOf = (answer: Answer) => (answer.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')

test('through nginx with Host rewritten, form posts work; so do they from a proxy that sends no X-Forwarded-Host', async () => {
	const page = await request({ path: '/login' })
	expect(page.status).toBe(200)
	const login = await request({ path: '/login', method: 'POST', form: { email: DEMO_LOGINS.employee, password: DEMO_PASSWORD } })
	expect(login.status, login.body).toBe(302)
	const cookie = cookieOf(login)
	expect(cookie).toContain('voce_session=')
	// A write with the browser's Origin (the public address): Remix's own check would have thrown.
	const idea = demoTargets(database).ideas[0]!
	const follow = await request({ path: `/ideas/${idea}`, method: 'POST', cookie, form: { intent: 'follow' } })
	expect(follow.status, follow.body).toBe(302)
	expect(follow.headers.location).toBe(`/ideas/${idea}`)
	// Another site's page still cannot post with the person's cookie.
	const forged = await request({
		path: `/ideas/${idea}`,
		method: 'POST',
		cookie,
		form: { intent: 'unfollow' },
		origin: 'http://evil.example',
		headers: { 'Sec-Fetch-Site': 'cross-site' },
	})
	expect(forged.status).toBe(403)
	// nginx's request id is Voce's.
	expect(page.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/)
	// A proxy that only rewrites Host (nginx's bare proxy_pass): the browser's Origin is APP_URL.
	const bare = await fetch(`http://127.0.0.1:${VOCE_PORT}/ideas/${idea}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, Origin: `http://${PUBLIC}`, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ intent: 'unfollow' }),
	})
	expect(bare.status).toBe(302)
})

test('failed logins lock out the client that made them, not everyone behind the proxy, and a forged X-Forwarded-For does not help', async () => {
	for (let i = 0; i < 5; i++) {
		const failed = await request({
			path: '/login',
			method: 'POST',
			from: '127.0.0.3',
			form: { email: `nobody${i}@aurora-bank.example`, password: 'wrong-password' },
		})
		expect(failed.status).toBe(400)
	}
	const locked = await request({
		path: '/login',
		method: 'POST',
		from: '127.0.0.3',
		form: { email: DEMO_LOGINS.manager, password: DEMO_PASSWORD },
	})
	expect(locked.status).toBe(429)
	// Claiming another address in X-Forwarded-For: nginx appends the real one, which Voce takes.
	const spoofed = await request({
		path: '/login',
		method: 'POST',
		from: '127.0.0.3',
		headers: { 'X-Forwarded-For': '203.0.113.9' },
		form: { email: DEMO_LOGINS.manager, password: DEMO_PASSWORD },
	})
	expect(spoofed.status).toBe(429)
	// A colleague at another address logs in.
	const other = await request({
		path: '/login',
		method: 'POST',
		from: '127.0.0.4',
		form: { email: DEMO_LOGINS.manager, password: DEMO_PASSWORD },
	})
	expect(other.status).toBe(302)
})
