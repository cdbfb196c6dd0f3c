import { AsyncLocalStorage } from 'node:async_hooks'
import { pino, type Logger } from 'pino'
import { getEnv } from '#app/utils/env.server.ts'

/**
 * Structured JSON logs, one object a line on stdout. What never goes in, by construction:
 * request bodies and headers (passwords, session cookies, tokens), query strings (a search
 * may quote a customer), client addresses and user ids (with the time, either would tie an
 * anonymous submission to its author). The redaction below is a second line of defence for
 * objects passed to the logger by mistake.
 */
function createLogger() {
	return pino({
		level: getEnv().LOG_LEVEL,
		timestamp: pino.stdTimeFunctions.isoTime,
		formatters: { level: (label) => ({ level: label }) },
		redact: {
			paths: [
				'password',
				'token',
				'cookie',
				'headers',
				'email',
				'userId',
				'*.password',
				'*.token',
				'*.cookie',
				'*.headers',
				'*.email',
				'*.userId',
			],
			censor: '[redacted]',
		},
	})
}

// server.ts and the Remix bundle each load this module: the logger and the per-request scope
// live on globalThis so both see the same ones.
const shared = globalThis as unknown as { __voceLogger?: Logger; __voceRequestScope?: AsyncLocalStorage<Logger> }
const requestScope = (shared.__voceRequestScope ??= new AsyncLocalStorage<Logger>())

function rootLogger() {
	shared.__voceLogger ??= createLogger()
	return shared.__voceLogger
}

/** The logger of the request being handled (its lines carry the request id), or the root one. */
export function logger(): Logger {
	return requestScope.getStore() ?? rootLogger()
}

/** Runs `fn` (and everything it starts) with a logger whose lines carry `bindings`. */
export function withRequestLogger<T>(bindings: { requestId: string }, fn: () => T): T {
	return requestScope.run(rootLogger().child(bindings), fn)
}
