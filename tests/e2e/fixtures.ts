import { test as base, expect, type Browser, type Page } from '@playwright/test'
import { type Role } from '#app/utils/permissions.ts'
import { DEMO_LOGINS, DEMO_PASSWORD } from '#db/seed.ts'

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

export const test = base.extend<{ login: (role: Role) => Promise<void> }>({
	login: async ({ page }, use) => {
		await use((role) => loginWith(page, DEMO_LOGINS[role]))
	},
})

export { expect }
