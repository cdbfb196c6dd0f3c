import { expect, mailTo, setPasswordPath, test } from './fixtures.ts'

test('an admin creates a user, who sets a password through the one-time link and logs in', async ({ page, login, browser }) => {
	await login('admin')
	await page.goto('/admin/users')
	await page.getByRole('link', { name: 'New user' }).click()
	await expect(page.getByRole('heading', { name: 'Create a user' })).toBeVisible()
	await page.getByLabel('Name', { exact: true }).fill('Nadia Esposito')
	await page.getByLabel('E-mail', { exact: true }).fill('nadia.esposito@aurora-bank.example')
	await page.getByLabel('Role', { exact: true }).selectOption('employee')
	await page.getByLabel('Department', { exact: true }).selectOption({ label: '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Contact Centre Bari' })
	await page.getByRole('button', { name: 'Create user' }).click()

	await expect(page.getByRole('status')).toHaveText('User created. An invitation with a set-password link was e-mailed to them.')
	const link = await page.getByRole('textbox', { name: 'Set-password link' }).inputValue()
	expect(link).toMatch(/\/set-password\/[\w-]+\.[\w-]+$/)
	// The same link went to Nadia by e-mail.
	const invitation = await mailTo('nadia.esposito@aurora-bank.example')
	expect(invitation.subject).toBe('You are invited to Voce')
	expect(link).toContain(setPasswordPath(invitation.text))
	// Shown once: a reload no longer shows it.
	await page.reload()
	await expect(page.getByRole('textbox', { name: 'Set-password link' })).toHaveCount(0)

	const visitor = await browser.newContext()
	const newcomer = await visitor.newPage()
	await newcomer.goto(link)
	await expect(newcomer.getByText('Welcome, Nadia Esposito.')).toBeVisible()
	await newcomer.getByLabel('New password', { exact: true }).fill('short')
	await newcomer.getByLabel('Repeat the password', { exact: true }).fill('short')
	await newcomer.getByRole('button', { name: 'Set password and log in' }).click()
	await expect(newcomer.getByText('Use at least 12 characters.')).toBeVisible()
	await newcomer.getByLabel('New password', { exact: true }).fill('blue harbour lanterns')
	await newcomer.getByLabel('Repeat the password', { exact: true }).fill('blue harbour lanterns')
	await newcomer.getByRole('button', { name: 'Set password and log in' }).click()
	await expect(newcomer.getByRole('heading', { name: 'Hello, Nadia Esposito' })).toBeVisible()
	await expect(newcomer.getByText('Employee · Contact Centre Bari')).toBeVisible()

	// The link is spent.
	await newcomer.goto(link)
	await expect(newcomer.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible()

	// And the password works for a normal login.
	await visitor.clearCookies()
	await newcomer.goto('/login')
	await newcomer.getByLabel('E-mail', { exact: true }).fill('nadia.esposito@aurora-bank.example')
	await newcomer.getByLabel('Password', { exact: true }).fill('blue harbour lanterns')
	await newcomer.getByRole('button', { name: 'Log in' }).click()
	await expect(newcomer.getByRole('heading', { name: 'Hello, Nadia Esposito' })).toBeVisible()
	await visitor.close()
})

test('a bad user form keeps every value and says what is wrong', async ({ page, login }) => {
	await login('admin')
	await page.goto('/admin/users/new')
	await page.getByLabel('Name', { exact: true }).fill('Someone New')
	await page.getByLabel('E-mail', { exact: true }).fill('giulia.rossi@aurora-bank.example')
	await page.getByRole('button', { name: 'Create user' }).click()
	await expect(page.getByText('Someone already uses this e-mail address.')).toBeVisible()
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Someone New')
	await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('giulia.rossi@aurora-bank.example')
})

test('deactivating asks first, then logs the user out everywhere', async ({ page, login, browser }) => {
	const other = await browser.newContext()
	const victim = await other.newPage()
	await victim.goto('/login')
	await victim.getByLabel('E-mail', { exact: true }).fill('davide.ricci@aurora-bank.example')
	await victim.getByLabel('Password', { exact: true }).fill('aurora-demo-2026')
	await victim.getByRole('button', { name: 'Log in' }).click()
	await expect(victim.getByRole('heading', { name: 'Hello, Davide Ricci' })).toBeVisible()

	await login('admin')
	await page.goto('/admin/users?q=davide')
	await page.getByRole('link', { name: 'Davide Ricci' }).click()
	await page.getByRole('link', { name: 'Deactivate' }).click()
	await expect(page.getByRole('alertdialog')).toContainText('Deactivate Davide Ricci?')
	await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click()
	await expect(page.getByRole('status')).toHaveText('User deactivated and logged out everywhere.')

	await victim.reload()
	await expect(victim).toHaveURL(/\/login/)
	await other.close()

	await page.getByRole('button', { name: 'Reactivate' }).click()
	await expect(page.getByRole('status')).toHaveText('User reactivated.')
})

test('deleting a journey stage in use retires it: gone from the picker, kept on events', async ({ page, login }) => {
	await login('admin')
	await page.goto('/admin/taxonomy/stages')
	await page.getByRole('link', { name: 'Delete: Get help' }).click()
	await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
	// "Get help" has no default events, so it goes for good.
	await expect(page.getByRole('status')).toHaveText('Entry deleted.')

	await page.getByRole('link', { name: 'Delete: Pay' }).click()
	await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
	await expect(page.getByRole('status')).toContainText('it was retired')
	await expect(page.getByRole('button', { name: 'Restore: Pay' })).toBeVisible()

	await page.goto('/admin/taxonomy/events')
	await expect(page.getByText('Payment declined')).toBeVisible()
	const picker = page.getByLabel('Usual journey stage')
	await expect(picker.locator('option', { hasText: 'Pay' })).toHaveCount(0)

	await page.goto('/admin/taxonomy/stages')
	await page.getByRole('button', { name: 'Restore: Pay' }).click()
	await expect(page.getByRole('status')).toHaveText('Entry restored.')
})
