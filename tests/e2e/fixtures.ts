import { test as base, expect, type Page } from '@playwright/test'
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

export const test = base.extend<{ login: (role: Role) => Promise<void> }>({
	login: async ({ page }, use) => {
		await use((role) => loginWith(page, DEMO_LOGINS[role]))
	},
})

export { expect }
