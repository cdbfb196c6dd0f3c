import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { DEMO_LOGINS } from '#db/seed.ts'
import { removeDatabase, startServer } from '../server.ts'
import { demoTargets, logIn, npmRun, opsDir, post } from './http.ts'

const PORT = 3111
const dir = path.join(opsDir, 'backup')
const database = path.join(dir, 'voce.db')
const backups = path.join(dir, 'backups')
const logFile = path.join(dir, 'server.log')
const env = { DATABASE_PATH: database, BACKUP_DIR: backups }

test('a backup taken during writes restores, with the server stopped, to an app that serves exactly that data', async () => {
	fs.rmSync(dir, { recursive: true, force: true })
	removeDatabase(database)
	// Periodic backups on: the first is due at once, since there is none yet.
	let server = await startServer({ port: PORT, database, logFile, env: { ...env, BACKUP_INTERVAL_MINUTES: '60' } })
	await expect.poll(() => (fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f.endsWith('.db')).length : 0)).toBe(1)
	await expect.poll(() => server.output()).toContain('Periodic backup written')

	const demo = demoTargets(database)
	const cookie = await logIn(server.url, DEMO_LOGINS.employee)
	const logInsight = async (body: string) => {
		const response = await post(server.url, '/insights/new', cookie, {
			body,
			channelId: demo.channel,
			stageId: demo.stage,
			emotion: '3',
			similarSeen: '1',
		})
		expect(response.status).toBe(302)
		return response.headers.get('location')!
	}
	const before = await logInsight('Before the backup: a customer in Lisbon could not block her stolen card from the app.')

	// Insights keep arriving while `npm run backup` runs.
	let writing = true
	let writtenDuring = 0
	const writer = (async () => {
		while (writing) {
			await logInsight(`Written while the backup ran, number ${writtenDuring}: the payment was declined twice.`)
			writtenDuring++
		}
	})()
	const backup = await npmRun('backup', [], env)
	writing = false
	await writer
	expect(backup.code, backup.output).toBe(0)
	const file = /Backup written: (\S+) \(.*integrity ok/.exec(backup.output)?.[1]
	expect(file, backup.output).toBeTruthy()
	expect(writtenDuring).toBeGreaterThan(0)

	const after = await logInsight('After the backup: the branch queue system lost a customer ticket.')

	// Restoring over a database Voce has open is refused, and changes nothing.
	const refused = await npmRun('restore', [file!], env)
	expect(refused.code).toBe(1)
	expect(refused.output).toContain('is in use: stop Voce before restoring')
	expect((await fetch(`${server.url}${after}`, { headers: { cookie } })).status).toBe(200)

	await server.stop()
	const restored = await npmRun('restore', [file!], env)
	expect(restored.code, restored.output).toBe(0)
	expect(restored.output).toMatch(/Restored .* people, \d+ insights/)
	expect(restored.output).toMatch(/The database as it was before is kept at .*before-restore\.db/)

	server = await startServer({ port: PORT, database, logFile, env })
	try {
		const page = await fetch(`${server.url}${before}`, { headers: { cookie } })
		expect(page.status).toBe(200)
		expect(await page.text()).toContain('Before the backup: a customer in Lisbon could not block her stolen card from the app.')
		// Written after the backup: not in the restored data (it is in the before-restore copy).
		expect((await fetch(`${server.url}${after}`, { headers: { cookie } })).status).toBe(404)
	} finally {
		await server.stop()
	}

	// A damaged file is refused and the database stays as restored.
	const damaged = path.join(dir, 'damaged.db')
	fs.writeFileSync(damaged, fs.readFileSync(file!).subarray(0, 8192))
	const bytes = fs.readFileSync(database)
	const refusedDamaged = await npmRun('restore', [damaged], env)
	expect(refusedDamaged.code).toBe(1)
	expect(refusedDamaged.output).toContain('is not a sound database, nothing was changed')
	expect(fs.readFileSync(database).equals(bytes)).toBe(true)
})
