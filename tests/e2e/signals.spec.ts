import { as, DEMO_LOGINS, expect, test } from './fixtures.ts'

test('on a phone, the moment of truth is suggested while the agent types and one tap fills it and its stage', async ({ browser }) => {
	const agent = await as(browser, DEMO_LOGINS.employee)
	try {
		const page = agent.page
		await page.setViewportSize({ width: 390, height: 844 })
		await page.goto('/insights/new')
		const moment = page.getByLabel('Moment of truth (optional)')
		await expect(moment).toHaveValue('')
		await page
			.getByLabel('What happened?')
			.fill('Her wallet was pickpocketed on the tram in Lisbon, both cards gone, no money for the hotel')
		const suggestions = page.getByTestId('tag-suggestions')
		const stolen = suggestions.getByRole('button', { name: /Card lost or stolen/ })
		await expect(stolen).toBeVisible()
		// Suggested, never set silently.
		await expect(moment).toHaveValue('')
		await stolen.click()
		await expect(moment.locator('option:checked')).toHaveText('Card lost or stolen')
		await expect(page.getByLabel('Journey stage').locator('option:checked')).toHaveText('Use')
		// What is chosen is not offered again.
		await expect(suggestions.getByRole('button', { name: /Card lost or stolen/ })).toHaveCount(0)
	} finally {
		await agent.close()
	}
})

test('a leader sees what is spiking now and which fixes worked', async ({ browser }) => {
	const leader = await as(browser, DEMO_LOGINS.leader)
	try {
		const page = leader.page
		await page.goto('/dashboard')
		const spiking = page.getByRole('region', { name: 'Spiking now' })
		await expect(spiking.getByRole('link', { name: 'Card lost or stolen' })).toBeVisible()
		await expect(spiking).toContainText(/in the last (7|14) days/)
		await expect(page.locator('[data-spike-cell]').first()).toBeVisible()
		await expect(page.locator('[data-metric="fixesWorked"]')).not.toHaveText('—')
		await page.goto('/you-said-we-did')
		const fix = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: 'Print replacement cards in the branch the same day' }) })
		await expect(fix.locator('[data-fix-verdict]')).toHaveAttribute('data-fix-verdict', 'working')
		await expect(fix.getByText('Working', { exact: true })).toBeVisible()
	} finally {
		await leader.close()
	}
})
