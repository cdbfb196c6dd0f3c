import { expect, mailTo, setPasswordPath, test } from './fixtures.ts'

// Nobody else in the suite signs in as Tommaso: his password can change here.
const EMAIL = 'tommaso.serra@aurora-bank.example'

test('on a phone, someone who forgot their password gets a link by e-mail, chooses a new one and is signed in', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
	const page = await context.newPage()
	try {
		const asked = Date.now()
		await page.goto('/login')
		await page.getByRole('link', { name: 'Forgot your password?' }).click()
		await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible()
		await page.getByLabel('E-mail', { exact: true }).fill('not an address')
		await page.getByRole('button', { name: 'Send me a link' }).click()
		await expect(page.getByText('Enter an e-mail address such as name@company.com.')).toBeVisible()
		await page.getByLabel('E-mail', { exact: true }).fill(EMAIL)
		await page.getByRole('button', { name: 'Send me a link' }).click()
		await expect(page.getByRole('status').filter({ hasText: `If ${EMAIL} belongs to a Voce account` })).toBeVisible()

		const mail = await mailTo(EMAIL, asked)
		expect(mail.subject).toBe('Your Voce password')
		await page.goto(setPasswordPath(mail.text))
		await expect(page.getByText(`Choose a new password for your account (${EMAIL})`)).toBeVisible()
		await page.getByLabel('New password', { exact: true }).fill('tide clocks and lighthouses')
		await page.getByLabel('Repeat the password', { exact: true }).fill('tide clocks and lighthouses')
		await page.getByRole('button', { name: 'Set password and log in' }).click()
		await expect(page.getByRole('heading', { name: /^Hello, Tommaso/ })).toBeVisible()

		// The old password no longer works; the new one does.
		await context.clearCookies()
		await page.goto('/login')
		await page.getByLabel('E-mail', { exact: true }).fill(EMAIL)
		await page.getByLabel('Password', { exact: true }).fill('aurora-demo-2026')
		await page.getByRole('button', { name: 'Log in' }).click()
		await expect(page.getByText('E-mail or password is not correct.')).toBeVisible()
		await page.getByLabel('Password', { exact: true }).fill('tide clocks and lighthouses')
		await page.getByRole('button', { name: 'Log in' }).click()
		await expect(page.getByRole('heading', { name: /^Hello, Tommaso/ })).toBeVisible()
	} finally {
		await context.close()
	}
})

test('an address without an account gets the same answer, and no e-mail', async ({ page }) => {
	await page.goto('/forgot-password')
	await page.getByLabel('E-mail', { exact: true }).fill('nobody.here@aurora-bank.example')
	await page.getByRole('button', { name: 'Send me a link' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'If nobody.here@aurora-bank.example belongs to a Voce account' })).toBeVisible()
})
