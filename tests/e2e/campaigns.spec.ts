import { as, DEMO_LOGINS, expect, openTool, test } from './fixtures.ts'

test('without JavaScript, a manager sets a campaign’s weighted criteria, scores an idea on them, sorts the queue by score and reweighs', async ({
	browser,
}) => {
	const stamp = Date.now().toString(36)
	const question = `How do we keep cards working abroad? (${stamp})`
	const manager = await as(browser, DEMO_LOGINS.manager, false)
	const page = manager.page
	await page.goto('/campaigns/new')
	await page.getByLabel('Question').fill(question)
	await page.getByLabel('Description').fill('Ideas for travellers whose cards stop working.')
	await page.getByLabel('Sponsor').fill('Elena Marino')
	await page.getByLabel('Ends on').fill('2036-12-31')
	await page.getByLabel('Criterion 1').fill('Customer impact')
	await page.getByLabel('Weight').first().selectOption('3')
	await page.getByLabel('Criterion 2').fill('Cost')
	await page.getByLabel('Weight').nth(1).selectOption('2')
	await page.getByLabel('Lower is better (cost, risk)').nth(1).check()
	await page.getByRole('button', { name: 'Create campaign' }).click()
	await expect(page.getByRole('heading', { level: 1, name: question })).toBeVisible()
	const criteria = page.getByRole('heading', { name: 'Evaluation criteria' }).locator('xpath=..').getByRole('listitem')
	await expect(criteria).toHaveText(['Customer impact · weight 3', 'Cost · weight 2 · lower is better'])
	const campaignPath = new URL(page.url()).pathname

	// An agent proposes an idea in it.
	const employee = await as(browser, DEMO_LOGINS.employee)
	await employee.page.goto(campaignPath)
	await employee.page.getByRole('link', { name: 'Propose an idea for this campaign' }).click()
	const title = `Travel mode that keeps cards working (${stamp})`
	await employee.page.getByLabel('Title', { exact: true }).fill(title)
	await employee.page.getByLabel('The problem').fill('Cards are blocked abroad by fraud rules and travellers are stranded.')
	await employee.page.getByLabel('Your proposal').fill('A travel mode in the app that tells fraud rules where the customer is.')
	await employee.page.getByLabel('Expected benefit').fill('Fewer declines abroad.')
	await employee.page.getByRole('checkbox', { name: 'Use', exact: true }).check()
	await employee.page.getByRole('button', { name: 'Submit idea' }).click()
	await expect(employee.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	const ideaPath = new URL(employee.page.url()).pathname
	await employee.close()

	// The manager scores it on the campaign's criteria, not on impact and effort.
	await page.goto(ideaPath)
	await openTool(page, 'Evaluation')
	await expect(page.getByText(`Criteria of the campaign “${question}”`)).toBeVisible()
	await expect(page.getByLabel('Impact', { exact: true })).toHaveCount(0)
	await page.getByLabel('Customer impact').selectOption('5')
	await page.getByLabel('Cost').selectOption('2')
	await page.getByRole('button', { name: 'Save evaluation' }).click()
	await expect(page.getByRole('status')).toHaveText('Evaluation saved.')
	// (3 × 5 + 2 × (6 − 2)) ÷ 5
	await openTool(page, 'Evaluation')
	await expect(page.getByText('Score 4.6/5')).toBeVisible()

	await page.goto(`/triage?sort=score&campaign=${campaignPath.split('/').pop()}`)
	await expect(page.getByRole('link', { name: 'Best score' })).toHaveAttribute('aria-current', 'page')
	const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
	await expect(row).toContainText('Score 4.6/5')

	// Cost now weighs 3: the scored idea's score is worked out again.
	await page.goto(campaignPath)
	await page.getByRole('link', { name: 'Edit campaign' }).click()
	await expect(page.getByLabel('Criterion 1')).toHaveValue('Customer impact')
	await page.getByLabel('Weight').nth(1).selectOption('3')
	await page.getByRole('button', { name: 'Save changes' }).click()
	await expect(page.getByRole('status')).toHaveText('Campaign saved. The score of 1 scored idea was worked out again.')
	await page.goto(ideaPath)
	await openTool(page, 'Evaluation')
	// (3 × 5 + 3 × 4) ÷ 6
	await expect(page.getByText('Score 4.5/5')).toBeVisible()
	await manager.close()
})
