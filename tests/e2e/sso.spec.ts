import { E2E_SAML_PORT } from '../../playwright.config.ts'
import { expect, openAccountMenu, test } from './fixtures.ts'

const SAML_VOCE = `http://127.0.0.1:${E2E_SAML_PORT}`

const IDP_PASSWORD = 'idp-password-2026'

test('on a phone, a newcomer signs in with Aurora ID and arrives with the account their claims describe', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
	const page = await context.newPage()
	try {
		await page.goto('/login')
		await page.getByRole('link', { name: 'Sign in with Aurora ID' }).click()
		// The IdP's own page.
		await expect(page.getByRole('heading', { name: 'Aurora ID' })).toBeVisible()
		await page.getByLabel('E-mail').fill('bianca.neri@aurora-bank.example')
		await page.getByLabel('Password').fill(IDP_PASSWORD)
		await page.getByRole('button', { name: 'Sign in to Aurora ID' }).click()
		await expect(page.getByRole('heading', { name: 'Hello, Bianca Neri' })).toBeVisible()
		await expect(page.getByText('Manager · Contact Centre Bari')).toBeVisible()
		// Logging out of Voce ends the IdP's session too, and comes back to Voce's login page.
		await openAccountMenu(page)
		await page.getByRole('button', { name: 'Log out' }).click()
		await page.getByRole('button', { name: 'Yes, sign me out' }).click()
		await expect(page).toHaveURL(/\/login$/)
		await expect(page.getByRole('link', { name: 'Sign in with Aurora ID' })).toBeVisible()
	} finally {
		await context.close()
	}
})

test('someone Voce knows signs in with Aurora ID to their own account, and lands on the page they asked for', async ({ page }) => {
	await page.goto('/ideas')
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fideas/)
	await page.getByRole('link', { name: 'Sign in with Aurora ID' }).click()
	await page.getByLabel('E-mail').fill('luca.romano@aurora-bank.example')
	await page.getByLabel('Password').fill(IDP_PASSWORD)
	await page.getByRole('button', { name: 'Sign in to Aurora ID' }).click()
	await expect(page).toHaveURL(/\/ideas$/)
	await page.goto('/')
	// Luca chose Italian in another journey of this suite.
	await expect(page.getByRole('heading', { name: /^(Hello|Ciao), Luca Romano/ })).toBeVisible()
})

test('where Voce signs in over SAML, a person goes through the IdP’s page and arrives signed in, a newcomer in their branch', async ({
	browser,
}) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
	const page = await context.newPage()
	try {
		await page.goto(`${SAML_VOCE}/login`)
		await page.getByRole('link', { name: 'Sign in with Aurora ID' }).click()
		await expect(page.getByRole('heading', { name: 'Aurora ID' })).toBeVisible()
		await page.getByLabel('E-mail').fill('marta.galli@aurora-bank.example')
		await page.getByLabel('Password').fill('saml-idp-password-2026')
		await page.getByRole('button', { name: 'Sign in to Aurora ID' }).click()
		await expect(page.getByRole('heading', { name: 'Hello, Marta Galli' })).toBeVisible()
		await expect(page.getByText('Employee · Roma Prati branch')).toBeVisible()
		// Voce's metadata, for the IdP's administrator, is at a stable address.
		const metadata = await page.request.get(`${SAML_VOCE}/sso/saml/metadata`)
		expect(await metadata.text()).toContain(`Location="${SAML_VOCE}/sso/saml/acs"`)
	} finally {
		await context.close()
	}
})
