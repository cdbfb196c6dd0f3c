import fs from 'node:fs'
import path from 'node:path'
import { parseEnv } from 'node:util'
import { afterEach, expect, test } from 'vitest'
import { getEnv, resetEnvCache } from '#app/utils/env.server.ts'

const saved = { ...process.env }
afterEach(() => {
	process.env = { ...saved }
	resetEnvCache()
})

test('a bad setting stops start-up with a message naming the variable', () => {
	process.env.PORT = 'eighty'
	process.env.TIME_ZONE = 'Mars/Olympus'
	resetEnvCache()
	expect(() => getEnv()).toThrowError(/PORT[\s\S]*TIME_ZONE: must be an IANA time zone/)
})

test('defaults run the demo with no configuration', () => {
	for (const key of ['PORT', 'HOST', 'DATABASE_PATH', 'TIME_ZONE', 'SEED_DEMO_DATA']) delete process.env[key]
	resetEnvCache()
	expect(getEnv()).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATABASE_PATH: 'data/voce.db', SEED_DEMO_DATA: true })
})

test('every setting is checked: log level, backups, SMTP address, an empty value counts as unset', () => {
	process.env.LOG_LEVEL = 'loud'
	process.env.BACKUP_KEEP = '0'
	process.env.BACKUP_INTERVAL_MINUTES = '-5'
	process.env.SMTP_URL = 'http://mail.example'
	process.env.SESSION_SECRET = 'short'
	resetEnvCache()
	const message = (() => {
		try {
			getEnv()
			return ''
		} catch (error) {
			return (error as Error).message
		}
	})()
	for (const name of ['LOG_LEVEL', 'BACKUP_KEEP', 'BACKUP_INTERVAL_MINUTES', 'SMTP_URL', 'SESSION_SECRET'])
		expect(message).toContain(`${name}:`)

	process.env = { ...saved, SMTP_URL: '', SESSION_SECRET: '', PORT: '' }
	resetEnvCache()
	const env = getEnv()
	expect([env.SMTP_URL, env.SESSION_SECRET, env.PORT]).toEqual([undefined, undefined, 3000])
})

test('.env.example, copied unedited, configures exactly the demo defaults', () => {
	const example = parseEnv(fs.readFileSync(path.join(process.cwd(), '.env.example'), 'utf8'))
	const schemaKeys = Object.keys(getEnv())
	// Every setting is documented there (commented out when it has no default).
	const documented = fs.readFileSync(path.join(process.cwd(), '.env.example'), 'utf8')
	for (const key of schemaKeys) expect(documented, key).toMatch(new RegExp(`^#? ?${key}=`, 'm'))

	process.env = { NODE_ENV: 'test' }
	resetEnvCache()
	const defaults = getEnv()
	process.env = { NODE_ENV: 'test', ...example }
	resetEnvCache()
	expect(getEnv()).toEqual(defaults)
})

test('TRUST_PROXY takes a hop count or proxy addresses; trusting every sender is refused', () => {
	const read = (value: string | undefined) => {
		if (value === undefined) delete process.env.TRUST_PROXY
		else process.env.TRUST_PROXY = value
		resetEnvCache()
		return getEnv().TRUST_PROXY
	}
	expect(read(undefined)).toBe(false)
	expect(read('1')).toBe(1)
	expect(read('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8'])
	for (const bad of ['true', 'not-an-address', '10.0.0.0/99']) expect(() => read(bad), bad).toThrowError(/TRUST_PROXY: must be a hop count/)
})
