import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import { type IncomingHttpHeaders } from 'node:http'
import path from 'node:path'
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { companyBlindSpots } from '#app/models/dashboard.server.ts'
import { deliverEmails } from '#app/models/email.server.ts'
import { emergingMoments } from '#app/models/emerging.server.ts'
import { notifyBlindSpots } from '#app/models/playbook.server.ts'
import { runSignals } from '#app/models/signals.server.ts'
import { tagModel } from '#app/models/suggest.server.ts'
import { notifyOverdue } from '#app/models/triage.server.ts'
import { deliverMomentsDigest } from '#app/models/weekly.server.ts'
import { ACS_PATH as SAML_ACS_PATH } from '#app/routes/_auth+/__saml.server.ts'
import { checkForm, readBody, type BodyProblem } from '#app/utils/body.server.ts'
import { prepareDatabase } from '#app/utils/bootstrap.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getT, type MessageKey } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { isCrossOriginWrite, SAFE_METHODS } from '#app/utils/origin.server.ts'
import { requestLog, routeMatcher } from '#app/utils/request-log.server.ts'
import { newestBackupAt } from '#db/backup.ts'
import { closeDb, getDb } from '#db/index.ts'

let env: ReturnType<typeof getEnv>
try {
	env = getEnv()
} catch (error) {
	// Plain text on purpose: the logger's own settings may be what is wrong.
	console.error(error instanceof Error ? error.message : error)
	process.exit(1)
}
const production = env.NODE_ENV === 'production'
const log = logger()

try {
	await prepareDatabase()
} catch (error) {
	log.fatal({ err: error }, 'The database could not be prepared; Voce is not starting.')
	console.error(`Voce is not starting: ${error instanceof Error ? error.message : String(error)}`)
	process.exit(1)
}
if (production && !env.SESSION_SECRET) {
	log.warn('SESSION_SECRET is not set: flash messages are signed with a per-process secret (fine for one process).')
}

const viteDevServer = production ? undefined : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
// Behind a proxy, req.ip (the login limiter's client address), req.protocol and the forwarded
// host come from the X-Forwarded-* headers of the proxies TRUST_PROXY names, and only theirs.
app.set('trust proxy', env.TRUST_PROXY)
const appHost = new URL(env.APP_URL).host

/** The host the client asked for: a trusted proxy's X-Forwarded-Host, else Host. */
function requestedHost(req: express.Request) {
	const trust = app.get('trust proxy fn') as (address: string | undefined, hop: number) => boolean
	const forwarded = req.get('x-forwarded-host')?.split(',')[0]?.trim()
	return forwarded && trust(req.socket.remoteAddress, 0) ? forwarded : (req.get('host') ?? '')
}

app.get('/healthz', (_req, res) => {
	try {
		getDb().$client.prepare('SELECT 1').get()
		res.set('Cache-Control', 'no-store').json({ status: 'ok' })
	} catch (error) {
		log.error({ err: error }, 'Health check failed')
		res.status(503).json({ status: 'error' })
	}
})

let routeFor: ((pathname: string) => string | undefined) | undefined
app.use(requestLog(() => routeFor))

// Level 1: half the CPU of the default 6 for about 15% more bytes (the 109 KB feed: 0.8 ms
// against 1.6 ms, 20 KB against 17.5 KB); one core serves every page, the network is a LAN.
app.use(compression({ level: 1 }))

app.use((_req, res, next) => {
	res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
	next()
})

app.use(
	helmet({
		xPoweredBy: false,
		referrerPolicy: { policy: 'same-origin' },
		crossOriginEmbedderPolicy: false,
		contentSecurityPolicy: {
			// Vite's dev server injects inline scripts and a websocket: report only while developing.
			reportOnly: !production,
			directives: {
				'default-src': ["'self'"],
				'script-src': ["'strict-dynamic'", "'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce as string}'`],
				'style-src': ["'self'"],
				'img-src': ["'self'", 'data:'],
				'font-src': ["'self'"],
				'connect-src': production ? ["'self'"] : ["'self'", 'ws:'],
				// "Log out" may end the session at the OpenID provider too: a form's redirect goes there.
				'form-action': ["'self'", ...(env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : [])],
				'frame-ancestors': ["'none'"],
				'object-src': ["'none'"],
				'base-uri': ["'self'"],
				// Voce is served over plain HTTP on 127.0.0.1 for the demo; TLS is the proxy's job.
				'upgrade-insecure-requests': null,
			},
		},
	}),
)

// Non-GET requests from another site are refused before Remix sees them (CSRF). The page may
// have been served under APP_URL, the host a trusted proxy forwarded, or the Host header.
// The one exception is SAML's assertion consumer service: the IdP's page posts to it from its own
// site by design, and the signed response, tied to a request of ours and used once, is its proof.
app.use((req, res, next) => {
	const hosts = [req.get('host') ?? '', requestedHost(req), appHost]
	if (req.path !== SAML_ACS_PATH && isCrossOriginWrite(req.method, (name) => req.get(name), hosts)) {
		answerPlain(req, res, 403, 'http.crossOrigin').catch(next)
		return
	}
	next()
})

if (viteDevServer) {
	app.use(viteDevServer.middlewares)
} else {
	// Fingerprinted assets never change: cache them for a year.
	app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
	// Only paths with a file extension can be public files: a page path skips the stat (and
	// the ENOENT error it would build) on every request.
	const publicFiles = express.static('build/client', { maxAge: '1h' })
	app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()))
}

function fetchHeaders(incoming: IncomingHttpHeaders) {
	const headers = new Headers()
	for (const [key, value] of Object.entries(incoming)) {
		for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(key, one)
	}
	return headers
}

/** A refusal before Remix runs, as plain text in the reader's language (their cookie or Accept-Language). */
async function answerPlain(req: express.Request, res: express.Response, status: number, message: MessageKey) {
	const t = getT(await getLocale({ headers: fetchHeaders(req.headers) }, null))
	res.status(status).type('text/plain; charset=utf-8').send(t(message))
}

/** Answers a request Voce will not read, in the reader's language, and closes the connection. */
async function refuse(req: express.Request, res: express.Response, problem: BodyProblem) {
	// The client may still be sending: what it sends is read and dropped for a moment, so it
	// gets to read this answer instead of a reset connection, then the connection is closed.
	res.once('finish', () => {
		let dropped = 0
		const close = () => req.destroy()
		const timer = setTimeout(close, 2_000).unref()
		req.on('data', (chunk: Buffer) => {
			dropped += chunk.length
			if (dropped > 16 * 1024 * 1024) close()
		})
		req.once('end', () => clearTimeout(timer))
		req.once('close', () => clearTimeout(timer))
		req.resume()
	})
	res.set({ Connection: 'close', 'Cache-Control': 'no-store' })
	await answerPlain(req, res, problem.status, problem.message)
}

// Bodies are read (to MAX_BODY_BYTES) and checked to be forms before Remix sees the request (SCIM's JSON excepted).
// Room for many bodies at the limit, or two CSV uploads at theirs.
const bodyMemory = Math.max(64 * 1024 * 1024, 16 * env.MAX_BODY_BYTES, 2 * env.IMPORT_MAX_BYTES)
app.use((req, res, next) => {
	if (SAFE_METHODS.has(req.method)) return next()
	// An admin's CSV upload may be larger than any form (it still needs a signed-in admin to be read further).
	const limit = req.path === '/admin/import' ? env.IMPORT_MAX_BYTES : env.MAX_BODY_BYTES
	readBody(req, { limit, memory: bodyMemory })
		.then(async (read) => {
			// SCIM speaks JSON, and answers a body it cannot read with a SCIM error of its own.
			const problem =
				'problem' in read
					? read.problem
					: req.path.startsWith('/scim/')
						? null
						: await checkForm(req.get('content-type'), read.body, env.MAX_FORM_FIELDS)
			if (problem) return refuse(req, res, problem)
			res.locals.body = 'body' in read ? read.body : undefined
			next()
		})
		.catch(next)
})

/**
 * The Fetch API request Remix handles: the URL the client asked for, the headers, and the body
 * read above. Remix 2 checks a write's Origin against X-Forwarded-Host or Host itself and throws
 * (a blank 500) when a proxy rewrote Host, or for `Origin: null`; the check above has already
 * judged the origin, so Remix is not given it.
 */
function remixRequest(req: express.Request, res: express.Response) {
	// Joined, not resolved: a path such as //other.example/x stays a path on this host.
	const url = new URL(`${req.protocol}://${requestedHost(req) || appHost}${req.originalUrl}`)
	const headers = fetchHeaders(req.headers)
	const controller = new AbortController()
	res.once('close', () => {
		if (!res.writableFinished) controller.abort()
	})
	const write = !SAFE_METHODS.has(req.method)
	if (write) headers.delete('origin')
	const body = res.locals.body as Buffer | undefined
	return new Request(url, {
		method: req.method,
		headers,
		signal: controller.signal,
		body: write && body ? new Uint8Array(body) : undefined,
	})
}

const buildPath = path.resolve('build/server/index.js')
const build = viteDevServer ? undefined : ((await import(buildPath)) as ServerBuild)
if (build) routeFor = routeMatcher(build.routes)
let lastDevBuild: ServerBuild | undefined
const handleRequest = createRequestHandler(
	build ??
		(async () => {
			const devBuild = (await viteDevServer!.ssrLoadModule('virtual:remix/server-build')) as ServerBuild
			// Vite hands back the same module until a file changes: compile the routes once per build.
			if (devBuild !== lastDevBuild) routeFor = routeMatcher(devBuild.routes)
			lastDevBuild = devBuild
			return devBuild
		}),
	production ? 'production' : 'development',
)
app.all('*', (req, res, next) => {
	const loadContext = { cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown' }
	let request: Request
	try {
		request = remixRequest(req, res)
	} catch {
		// A Host or Origin header that is no host at all.
		answerPlain(req, res, 400, 'http.badHost').catch(next)
		return
	}
	handleRequest(request, loadContext)
		.then(async (response) => {
			res.statusMessage = response.statusText
			res.status(response.status)
			for (const [key, value] of response.headers.entries()) res.append(key, value)
			// Every page and data response shows someone's own view (their name, notifications,
			// receipts): no shared cache keeps one, unless a route says otherwise.
			if (!response.headers.has('Cache-Control')) res.set('Cache-Control', 'private, no-store')
			if (response.body) await writeReadableStreamToWritable(response.body, res)
			else res.end()
		})
		.catch(next)
})

const server = app.listen(env.PORT, env.HOST, () => {
	log.info({ host: env.HOST, port: env.PORT }, `Voce is running at http://${env.HOST}:${env.PORT}`)
})

// E-mail: each minute, ideas past the SLA unanswered are reported to whoever answers for them
// (once each, a batch a minute); every quarter hour, moments that became blind spots are told to
// their owners (once an episode) and the signal run announces spikes and relapsed fixes (decisions
// 057, 058); then people who chose "as they happen" get what is new; the daily digest goes out on
// the first run after DIGEST_HOUR. A failed send is retried next time.
let mailing = false
// Blind spots come from the quarter's company heatmap (about 0.4 s at reference scale), spikes from
// 14 weeks of insights and relapses from a year of fixes: looked at every quarter hour.
const MOMENT_CHECKS_EVERY_MS = 15 * 60_000
let momentsCheckedAt = 0
const mailer = setInterval(() => {
	if (mailing) return
	mailing = true
	Promise.resolve()
		.then(() => notifyOverdue())
		.then(() => {
			if (Date.now() - momentsCheckedAt < MOMENT_CHECKS_EVERY_MS) return
			momentsCheckedAt = Date.now()
			notifyBlindSpots(companyBlindSpots())
			runSignals()
			// The tag suggestions' model and the emerging moments are computed again here when stale, not in someone's request.
			tagModel()
			emergingMoments()
		})
		.then(() => deliverEmails())
		.then(() => deliverMomentsDigest())
		.catch((error: unknown) => log.error({ err: error }, 'E-mail delivery failed; will retry'))
		.finally(() => (mailing = false))
}, 60_000)
mailer.unref()

// Backups: at start and each minute, when the newest one in BACKUP_DIR is older than
// BACKUP_INTERVAL_MINUTES, `scripts/backup.ts` runs in a process of its own (a large copy and its
// integrity check would otherwise hold up requests). A failure is logged and retried next minute.
let stopping = false
let backingUp = false
function backupIfDue() {
	const newest = newestBackupAt(env.BACKUP_DIR)
	if (backingUp || stopping || (newest && Date.now() - newest.getTime() < env.BACKUP_INTERVAL_MINUTES * 60_000)) return
	backingUp = true
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'scripts', 'backup.ts')], {
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
	child.once('close', (code) => {
		backingUp = false
		if (code === 0) log.info({ output: output.trim() }, 'Periodic backup written')
		else log.error({ output: output.trim(), code }, 'Periodic backup failed; will retry in a minute')
	})
}
const backups = env.BACKUP_INTERVAL_MINUTES > 0 ? setInterval(backupIfDue, 60_000) : undefined
backups?.unref()
if (backups) backupIfDue()

function shutdown(signal: string) {
	if (stopping) return
	stopping = true
	clearInterval(mailer)
	clearInterval(backups)
	log.info(`${signal} received: finishing open requests, then stopping.`)
	server.close(() => {
		closeDb()
		process.exit(0)
	})
	server.closeIdleConnections()
	setTimeout(() => {
		log.error('Requests did not finish within 10 s; stopping anyway.')
		closeDb()
		process.exit(1)
	}, 10_000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
