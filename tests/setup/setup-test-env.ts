import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, expect, vi } from 'vitest'
import { resetPasswordResetLimits } from '#app/models/account.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { resetLoginLimits } from '#app/utils/login-limit.server.ts'
import { closeDb } from '#db/index.ts'

const dir = path.join(process.cwd(), 'tests', '.tmp')
const file = path.join(dir, `test-${crypto.randomUUID()}.db`)
fs.copyFileSync(path.join(dir, 'template.db'), file)

process.env.NODE_ENV = 'test'
process.env.DATABASE_PATH = file
// E-mails sent without an SMTP server (an admin's invitation) are written here, not in data/.
const outbox = `${file}-outbox`
process.env.OUTBOX_DIR = outbox
// Tests assert on errors (below) rather than print log lines.
process.env.LOG_LEVEL ??= 'silent'
closeDb()
resetEnvCache()

let consoleError: ReturnType<typeof vi.spyOn>
let loggedError: ReturnType<typeof vi.spyOn>

beforeEach(() => {
	resetLoginLimits()
	resetPasswordResetLimits()
	consoleError = vi.spyOn(console, 'error')
	loggedError = vi.spyOn(logger(), 'error')
})

// An error logged during a test is a bug the test did not assert on.
afterEach(() => {
	expect(consoleError, 'console.error was called during the test').not.toHaveBeenCalled()
	expect(loggedError, 'an error was logged during the test').not.toHaveBeenCalled()
	consoleError.mockRestore()
	loggedError.mockRestore()
})

afterAll(() => {
	closeDb()
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
	fs.rmSync(outbox, { recursive: true, force: true })
})
