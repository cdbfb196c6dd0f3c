import { expect, test } from './fixtures.ts'

test('typing an idea title that matches an existing idea shows it after a few keystrokes, with a vote in place', async ({
	page,
	login,
}) => {
	await login('leader')
	await page.goto('/ideas/new')
	await page.getByLabel('Title', { exact: true }).pressSequentially('weekend fraud', { delay: 40 })
	const suggestions = page.getByRole('region', { name: 'Similar ideas already exist. Vote for one of them instead?' })
	await expect(suggestions.getByRole('link', { name: 'A weekend fraud desk that can unlock accounts' })).toBeVisible()
	await suggestions.getByRole('button', { name: 'Vote for “A weekend fraud desk that can unlock accounts”' }).click()
	await expect(
		suggestions.getByRole('button', { name: 'Withdraw your vote for “A weekend fraud desk that can unlock accounts”' }),
	).toBeVisible()
	// The form is still there with what was typed.
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('weekend fraud')
})

test('search finds ideas, insights and comments, highlights the words and survives hostile input', async ({ page, login }) => {
	await login('employee')
	await page.getByRole('link', { name: 'Search' }).first().click()
	await page.getByRole('searchbox', { name: 'Search ideas, insights and comments' }).fill('LISBON')
	await page.getByRole('button', { name: 'Search', exact: true }).click()
	const results = page.getByRole('list').filter({ hasText: 'Lisbon' })
	await expect(results.locator('mark').first()).toHaveText(/lisbon/i)
	await page.getByRole('searchbox').fill('"unbalanced NEAR( 💳')
	await page.getByRole('button', { name: 'Search', exact: true }).click()
	await expect(page.getByText('Nothing matches “"unbalanced NEAR( 💳”. Try fewer or shorter words.')).toBeVisible()
})

test('an insight with a card number is shown back redacted, saved redacted; the emotion hint suggests but never chooses', async ({
	page,
	login,
}) => {
	await login('employee')
	await page.goto('/insights/new')
	await page.getByLabel('What happened?').fill('The customer was furious: card 4111 1111 1111 1111 swallowed by the ATM in Via Roma.')
	await expect(page.getByText('Your words (“furious”) sound like 5 · Distressed. Only a suggestion: your choice counts.')).toBeVisible()
	await expect(page.getByRole('radio', { name: '5 · Distressed' })).not.toBeChecked()
	await page.getByRole('radio', { name: 'ATM / self-service' }).check()
	await page.getByLabel('Journey stage').selectOption({ label: 'Use' })
	await page.getByRole('radio', { name: '4 · Upset' }).check()
	await page.getByRole('button', { name: 'Log insight' }).click()
	const notice = page.getByRole('alert').filter({ hasText: 'This looks like customer data' })
	await expect(notice).toContainText('In “What happened?”: card number')
	await expect(notice).toContainText('card •••• 1111 swallowed')
	await expect(page.getByLabel('What happened?')).toHaveValue(/4111 1111 1111 1111/)
	await page.getByRole('button', { name: 'Log insight' }).click()
	await expect(page.getByRole('status')).toHaveText('Insight logged. Thank you!')
	await expect(page.getByText('The customer was furious: card •••• 1111 swallowed by the ATM in Via Roma.')).toBeVisible()
	await expect(page.getByText('4 · Upset')).toBeVisible()
})
