import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DEMO_PASSWORD } from '#db/seed.ts'
import { root } from '../server.ts'

export const opsDir = path.join(root, 'tests', '.tmp', 'ops')

/** Logs in through the form, as a browser without JavaScript does; returns the Cookie header. */
export async function logIn(base: string, email: string, password = DEMO_PASSWORD) {
	const response = await post(base, '/login', '', { email, password })
	if (response.status !== 302) throw new Error(`Login as ${email} answered ${response.status}`)
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ')
}

export function post(base: string, url: string, cookie: string, fields: Record<string, string>) {
	return fetch(`${base}${url}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
	})
}

/** What the demo company gives the write tests: people who can log in, ideas, insights, a channel. */
export function demoTargets(database: string) {
	const db = new Database(database, { readonly: true })
	try {
		return {
			people: db
				.prepare<[], { id: string; email: string }>(
					'SELECT id, email FROM users WHERE deactivated_at IS NULL AND password_hash IS NOT NULL ORDER BY email',
				)
				.all(),
			ideas: db
				.prepare<[], string>(
					"SELECT id FROM ideas WHERE status IN ('submitted', 'in_review', 'accepted', 'in_progress') AND hidden_at IS NULL",
				)
				.pluck()
				.all(),
			insights: db
				.prepare<[], { id: string; authorId: string | null }>('SELECT id, author_id AS authorId FROM insights WHERE hidden_at IS NULL')
				.all(),
			channel: db.prepare<[], string>('SELECT id FROM channels ORDER BY name LIMIT 1').pluck().get()!,
			stage: db.prepare<[], string>('SELECT id FROM journey_stages ORDER BY position LIMIT 1').pluck().get()!,
			votes: new Set(db.prepare<[], string>("SELECT idea_id || '|' || user_id FROM votes").pluck().all()),
			recurrences: new Set(db.prepare<[], string>("SELECT insight_id || '|' || user_id FROM insight_recurrences").pluck().all()),
		}
	} finally {
		db.close()
	}
}

/**
 * Runs a command to its end without blocking this process (writes can go on meanwhile);
 * resolves with its exit code and everything it printed. Killed after `timeoutMs`.
 */
export function runToExit(command: string, args: string[], env: Record<string, string>, timeoutMs = 60_000) {
	return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
		const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } })
		let output = ''
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
		child.once('error', reject)
		child.once('close', (code) => {
			clearTimeout(timer)
			resolve({ code, output })
		})
	})
}

/** `npm run <script>` as an operator would type it. */
export function npmRun(script: string, args: string[], env: Record<string, string>) {
	return runToExit('npm', ['run', '--silent', script, ...args], env)
}
