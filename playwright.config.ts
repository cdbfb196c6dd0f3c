import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
/** A second Voce that signs in over SAML (its IdP on the port after it). */
// Clear of the ops suite's own servers (3110–3116).
export const E2E_SAML_PORT = E2E_PORT + 30
/** Where the e2e server writes the e-mails it sends (it has no SMTP server): a journey reads its link there. */
export const E2E_OUTBOX = path.join(import.meta.dirname, 'tests', '.tmp', 'e2e-outbox')

export default defineConfig({
	timeout: 30_000,
	expect: { timeout: 5_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: Boolean(process.env.CI),
	reporter: [['list'], ['json', { outputFile: 'tests/.tmp/playwright-results.json' }]],
	globalSetup: './tests/e2e/global-setup.ts',
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORT}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
	projects: [
		{
			name: 'chromium',
			testDir: './tests/e2e',
			use: {
				...devices['Desktop Chrome'],
				// Debian's Chromium: Playwright's own browser download is not reachable here.
				launchOptions: {
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
					],
				},
			},
		},
		{
			// Operations: servers of their own (crash, backup and restore, logs), no browser.
			name: 'ops',
			testDir: './tests/ops',
			timeout: 120_000,
		},
	],
})
