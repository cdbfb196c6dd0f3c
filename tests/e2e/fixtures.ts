import fs from 'node:fs'
import path from 'node:path'
import { test as base, expect, type Browser, type Page } from '@playwright/test'
import { simpleParser } from 'mailparser'
import { type Role } from '#app/utils/permissions.ts'
import { DEMO_LOGINS, DEMO_PASSWORD } from '#db/seed.ts'
import { E2E_OUTBOX } from '../../playwright.config.ts'

export { DEMO_LOGINS, DEMO_PASSWORD }

export async function loginWith(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login')
	await page.getByLabel('E-mail', { exact: true }).fill(email)
	await page.getByLabel('Password', { exact: true }).fill(password)
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible()
}

/** A signed-in person in a browser context of their own (optionally without JavaScript), closed with close(). */
export async function as(browser: Browser, email: string, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled })
	const page = await context.newPage()
	await loginWith(page, email)
	return { page, close: () => context.close() }
}

/** Opens the header's menu that shows the account links: the person's name on a wide screen, "Menu" on a phone. */
export async function openAccountMenu(page: Page) {
	await page.locator('header summary:visible').last().click()
}

/** Follows a header link, opening the "Manage" menu (wide screens) or "Menu" (phones) when it is folded. */
export async function goByNav(page: Page, name: string) {
	const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true })
	if (!(await link.first().isVisible())) await page.locator('header summary:visible').first().click()
	await link.locator('visible=true').first().click()
}

/**
 * Opens one tool of the idea page's Manage panel ("Change the status", "Evaluation", …): the
 * panel itself is folded on a phone, and one tool is open at a time.
 */
export async function openTool(page: Page, name: string) {
	const fold = (summary: string) =>
		page
			.locator('details')
			.filter({ has: page.locator(':scope > summary', { hasText: summary }) })
			.first()
	const panel = fold('Manage this idea')
	// From 1024 px up the panel is always open (app/styles/tailwind.css, .open-wide).
	const folds = (page.viewportSize()?.width ?? 1280) < 1024
	if (folds && !(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator(':scope > summary').click()
	const tool = fold(name)
	if (!(await tool.evaluate((d) => (d as HTMLDetailsElement).open))) await tool.locator(':scope > summary').click()
}

/** The newest e-mail the e2e server wrote for this address (it has no SMTP server), waited for. */
export async function mailTo(address: string, after = 0) {
	let found: { subject: string; text: string } | undefined
	await expect
		.poll(
			async () => {
				const files = fs.existsSync(E2E_OUTBOX) ? fs.readdirSync(E2E_OUTBOX).sort().reverse() : []
				for (const file of files) {
					const full = path.join(E2E_OUTBOX, file)
					if (fs.statSync(full).mtimeMs < after) continue
					const mail = await simpleParser(fs.readFileSync(full))
					const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address))
					if (to.includes(address)) return (found = { subject: mail.subject ?? '', text: mail.text ?? '' })
				}
				return undefined
			},
			{ timeout: 10_000 },
		)
		.toBeDefined()
	return found!
}

/** The path of the set-password link in an e-mail. */
export const setPasswordPath = (text: string) => /\/set-password\/[\w.-]+/.exec(text)![0]

export const test = base.extend<{ login: (role: Role) => Promise<void> }>({
	login: async ({ page }, use) => {
		await use((role) => loginWith(page, DEMO_LOGINS[role]))
	},
})

export { expect }
