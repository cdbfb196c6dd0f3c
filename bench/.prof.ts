import { spawn } from 'node:child_process'
import fs from 'node:fs'
import autocannon from 'autocannon'
const copy = '/tmp/prof/run.db'
const paths = process.argv.slice(2)
for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true })
fs.copyFileSync('/tmp/bench/scale.db', copy)
process.env.DATABASE_PATH = copy
const { createSession, sessionCookie } = await import('#app/utils/session.server.ts')
const { closeDb, getDb } = await import('#db/index.ts')
const admin = getDb().$client.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").get() as { id: string }
const cookie = (await sessionCookie.serialize(createSession(admin.id).token)).split(';')[0]!
closeDb()
const server = spawn(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '--import', 'tsx', './server.ts'], {
	env: { ...process.env, NODE_ENV: 'production', DATABASE_PATH: copy, PORT: '3401', SEED_DEMO_DATA: 'false', BACKUP_INTERVAL_MINUTES: '0', LOG_LEVEL: 'warn' },
	stdio: 'inherit',
})
for (;;) { try { if ((await fetch('http://127.0.0.1:3401/healthz')).ok) break } catch { // not yet
} await new Promise((r) => setTimeout(r, 50)) }
for (const p of paths) {
	await autocannon({ url: 'http://127.0.0.1:3401' + p, connections: 2, amount: 20, headers: { cookie } })
	const r = await autocannon({ url: 'http://127.0.0.1:3401' + p, connections: 10, duration: Number(process.env.SECS ?? 8), headers: { cookie } })
	console.log(p, 'rps', r.requests.average, 'p50', r.latency.p50, 'p97.5', r.latency.p97_5, 'non2xx', r.non2xx)
}
console.log('RSS MB', Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]) / 1024))
server.kill('SIGTERM')
await new Promise((r) => server.once('exit', r))
