import { expect, loginWith, openAccountMenu, test } from './fixtures.ts'

const MAIN = ['Home', 'Insights', 'Ideas', 'Campaigns', 'Search']
const MANAGE: Record<'employee' | 'manager' | 'leader' | 'admin', string[]> = {
	employee: [],
	manager: ['Triage', 'Dashboard', 'My team'],
	leader: ['Triage', 'Dashboard', 'My team'],
	admin: ['Triage', 'Dashboard', 'My team', 'Admin'],
}

for (const [role, manage] of Object.entries(MANAGE) as Array<[keyof typeof MANAGE, string[]]>) {
	test(`a ${role} logs in and sees the ${role} navigation on one line`, async ({ page, login }) => {
		await login(role)
		await expect(page).toHaveTitle('Home · Voce')
		const nav = page.getByRole('navigation', { name: 'Main' }).first()
		for (const width of [1280, 1024]) {
			await page.setViewportSize({ width, height: 800 })
			await expect(nav.getByRole('link')).toHaveText(MAIN)
			// One line: the header is as tall as its tallest control, never wrapped.
			const header = await page.locator('header').boundingBox()
			expect(header?.height, `header height at ${width} px`).toBeLessThanOrEqual(64)
		}
		const menu = nav.getByText('Manage')
		if (!manage.length) return await expect(menu).toHaveCount(0)
		await menu.click()
		await expect(nav.getByRole('link')).toHaveText([...MAIN, ...manage])
		await page.keyboard.press('Escape')
		await expect(nav.getByRole('link')).toHaveText(MAIN)
		// The account links sit under the person's name.
		await openAccountMenu(page)
		await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible()
		await page.getByRole('link', { name: 'Settings' }).click()
		await expect(page).toHaveTitle('Settings · Voce')
		await expect(page.getByRole('link', { name: 'Settings' })).toBeHidden()
	})
}

test('an employee who opens an admin page gets a friendly 403 inside the shell', async ({ page, login }) => {
	await login('employee')
	const response = await page.goto('/admin/users')
	expect(response?.status()).toBe(403)
	await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
	await expect(page.getByRole('navigation', { name: 'Main' }).first()).toBeVisible()
})

test('an unknown address shows a 404 page with a way home', async ({ page, login }) => {
	await login('employee')
	const response = await page.goto('/no-such-page')
	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
	await page.getByRole('link', { name: 'Go to the home page' }).click()
	await expect(page).toHaveURL('/')
})

test('a wrong password says so and keeps the e-mail', async ({ page }) => {
	await page.goto('/login')
	await page.getByLabel('E-mail', { exact: true }).fill('sara.colombo@aurora-bank.example')
	await page.getByLabel('Password', { exact: true }).fill('definitely wrong')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page.getByRole('alert')).toHaveText('E-mail or password is not correct.')
	await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('sara.colombo@aurora-bank.example')
})

test('logging out ends the session: the old cookie no longer opens pages', async ({ page, context, login }) => {
	await login('employee')
	const cookies = await context.cookies()
	await openAccountMenu(page)
	await page.getByRole('button', { name: 'Log out' }).click()
	await expect(page).toHaveURL('/login')
	await context.addCookies(cookies)
	await page.goto('/settings')
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings/)
})

test('switching to Italian translates the shell and is saved on the account', async ({ page }) => {
	await loginWith(page, 'luca.romano@aurora-bank.example')
	await page.getByLabel('Language').selectOption('it')
	await page.getByRole('button', { name: 'Change language' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ciao, Luca Romano')
	await expect(page.locator('html')).toHaveAttribute('lang', 'it')
	await expect(page.locator('header').getByText('Esci', { exact: true }).first()).toBeAttached()
	await expect(page.getByText('Momenti della verità da ascoltare')).toBeVisible()
	await expect(page.getByText('Carta persa o rubata')).toBeVisible()
	await expect(page).toHaveTitle('Home · Voce')

	// Saved on the account: a fresh browser with English Accept-Language still gets Italian.
	await page.context().clearCookies()
	await page.goto('/login')
	await expect(page.getByRole('heading', { name: 'Log in to Voce' })).toBeVisible()
	await page.getByLabel('E-mail', { exact: true }).fill('luca.romano@aurora-bank.example')
	await page.getByLabel('Password', { exact: true }).fill('aurora-demo-2026')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ciao, Luca Romano')
	await page.goto('/settings')
	await expect(page).toHaveTitle('Impostazioni · Voce')
})

test('a visitor whose browser prefers Italian gets the login page in Italian', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'it-IT' })
	const page = await context.newPage()
	await page.goto('/login')
	await expect(page.getByRole('heading', { name: 'Accedi a Voce' })).toBeVisible()
	await context.close()
})

test('a POST from another site is refused with 403', async ({ request }) => {
	const response = await request.post('/login', {
		headers: { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' },
		form: { email: 'giulia.rossi@aurora-bank.example', password: 'aurora-demo-2026' },
		maxRedirects: 0,
	})
	expect(response.status()).toBe(403)
})

test('security headers and health check are in place', async ({ request }) => {
	const response = await request.get('/login')
	const csp = response.headers()['content-security-policy'] ?? ''
	expect(csp).toContain("default-src 'self'")
	expect(csp).toMatch(/script-src [^;]*'nonce-/)
	expect(response.headers()['x-content-type-options']).toBe('nosniff')
	expect(response.headers()['x-powered-by']).toBeUndefined()
	const health = await request.get('/healthz')
	expect(await health.json()).toEqual({ status: 'ok' })
})
