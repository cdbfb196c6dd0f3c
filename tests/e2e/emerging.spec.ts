import { as, DEMO_LOGINS, expect, goByNav, test } from './fixtures.ts'

const NAME = 'App update logs customers out'
const ITALIAN = 'L’aggiornamento dell’app ha disconnesso la cliente e il codice di attivazione non arriva.'

test('without JavaScript, a refused name keeps what the admin typed and chose', async ({ browser }) => {
	const admin = await as(browser, DEMO_LOGINS.admin, false)
	try {
		const page = admin.page
		await page.goto('/admin/emerging')
		const group = page.getByRole('region', { name: '“app update”' })
		await expect(group).toContainText('9 insights in the last 4 weeks and 2 “I see this too”')
		await group.getByLabel('Name of the moment of truth').fill('Card lost or stolen')
		await group.getByLabel('Name in Italian').fill('Aggiornamento dell’app')
		await group.getByRole('checkbox', { name: ITALIAN }).uncheck()
		await group.getByRole('button', { name: 'Make it a moment of truth' }).click()
		const refused = page.getByRole('region', { name: '“app update”' })
		await expect(refused.getByText('An entry with this name already exists.')).toBeVisible()
		await expect(refused.getByLabel('Name in Italian')).toHaveValue('Aggiornamento dell’app')
		await expect(refused.getByRole('checkbox', { name: ITALIAN })).not.toBeChecked()
		await expect(refused.getByRole('checkbox', { checked: true })).toHaveCount(8)
	} finally {
		await admin.close()
	}
})

test('an admin makes the emerging app-update problem a moment of truth: one action names it, picks its stage and tags its insights', async ({
	browser,
}) => {
	const admin = await as(browser, DEMO_LOGINS.admin)
	try {
		const page = admin.page
		await page.goto('/admin/users')
		await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Emerging moments' }).click()
		const group = page.getByRole('region', { name: '“app update”' })
		await expect(group).toContainText('On 9 different days')
		await group.getByLabel('Name of the moment of truth').fill(NAME)
		await group.getByLabel('Usual journey stage').selectOption({ label: 'Use' })
		await group.getByRole('checkbox', { name: ITALIAN }).uncheck()
		await group.getByRole('button', { name: 'Make it a moment of truth' }).click()

		// Straight to the new moment's form, to add its owner and keywords.
		await expect(page).toHaveURL(/\/admin\/taxonomy\/events\?edit=/)
		await expect(page.getByText(`“${NAME}” is a moment of truth now, with 8 insights.`)).toBeVisible()
		await expect(page.getByRole('listitem').getByLabel('Name', { exact: true })).toHaveValue(NAME)

		await page.goto('/admin/emerging')
		await expect(page.getByText('Nothing is emerging')).toBeVisible()
		await page.goto('/admin/audit')
		await expect(page.getByRole('cell', { name: 'Made an emerging moment a moment of truth' })).toBeVisible()
	} finally {
		await admin.close()
	}
	// An agent finds the moment on the capture form, and its insights under it.
	const agent = await as(browser, DEMO_LOGINS.employee)
	try {
		const page = agent.page
		await page.setViewportSize({ width: 390, height: 844 })
		await goByNav(page, 'Insights')
		await page.getByLabel('Moment of truth').selectOption({ label: NAME })
		await page.getByRole('button', { name: 'Apply' }).click()
		await expect(page.getByRole('article')).toHaveCount(8)
		await page.goto('/insights/new')
		await expect(page.getByLabel('Moment of truth (optional)').locator('option', { hasText: NAME })).toHaveCount(1)
	} finally {
		await agent.close()
	}
})
