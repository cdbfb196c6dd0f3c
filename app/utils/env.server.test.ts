import { afterEach, expect, test } from 'vitest'
import { getEnv, resetEnvCache } from './env.server.ts'

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
