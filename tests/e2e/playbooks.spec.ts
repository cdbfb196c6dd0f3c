import AxeBuilder from '@axe-core/playwright'
import { type Page } from '@playwright/test'
import { as, DEMO_LOGINS, expect, test } from './fixtures.ts'

const PHONE = { width: 390, height: 844 }

async function expectNoA11yIssues(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('on a phone, an agent logs a stolen card with its steps on screen; a colleague marks it handled well; the story reaches the playbook, the agent and the dashboard', async ({
	browser,
}) => {
	// The leader's recovery rate before.
	const leader = await as(browser, DEMO_LOGINS.leader)
	await leader.page.goto('/dashboard')
	const recovery = leader.page.locator('[data-metric="recoveryRate"]')
	const before = await recovery.textContent()

	const agent = await as(browser, DEMO_LOGINS.employee)
	const colleague = await as(browser, 'luca.romano@aurora-bank.example')
	try {
		const page = agent.page
		await page.setViewportSize(PHONE)
		await page.getByRole('banner').getByRole('link', { name: 'Log an insight' }).click()
		const story = 'Customer in Porto, wallet taken with both cards, crying, no money for the hotel tonight.'
		await page.getByLabel('What happened?').fill(story)
		await page.getByRole('radio', { name: 'Phone' }).check()
		await page.getByLabel('Moment of truth (optional)').selectOption({ label: 'Card lost or stolen' })
		const steps = page.getByTestId('capture-playbook').locator('visible=true')
		await expect(steps.getByText('How we handle it: Card lost or stolen')).toBeVisible()
		await expect(steps.getByText(/send an emergency cash code/)).toBeVisible()
		await expect(steps.getByText('Cash tonight with the code', { exact: false })).toBeVisible()
		await expectNoA11yIssues(page)
		// It folds away to leave room for the form.
		await steps.getByText('How we handle it: Card lost or stolen').click()
		await expect(steps.getByText(/send an emergency cash code/)).toBeHidden()
		await page.getByRole('radio', { name: '5 · Distressed' }).check()
		await page.getByText('How it ended (optional)').click()
		await page
			.getByRole('group', { name: /at the end/ })
			.getByRole('radio', { name: '2 · Concerned' })
			.check()
		await page.getByRole('button', { name: 'Log insight' }).click()
		await expect(page.getByRole('status')).toHaveText('Insight logged. Thank you!')
		await expect(page.getByText('At the end: 2 · Concerned')).toBeVisible()
		const insightUrl = page.url()

		// A colleague marks it handled well.
		await colleague.page.goto(insightUrl)
		await colleague.page.locator('summary', { hasText: 'Mark as handled well' }).click()
		await colleague.page.getByLabel('What went well').fill('Cash code sent while she was still on the line.')
		await colleague.page.getByRole('button', { name: 'Mark as handled well' }).click()
		await expect(colleague.page.getByRole('status')).toHaveText('Thank you: the colleague has been told.')
		await expect(colleague.page.getByText('Luca Romano: “Cash code sent while she was still on the line.”')).toBeVisible()

		// The story is in the playbook.
		await colleague.page.getByRole('link', { name: 'Moment of truth: Card lost or stolen' }).first().click()
		await expect(colleague.page.getByRole('heading', { name: 'Playbook: Card lost or stolen' })).toBeVisible()
		const stories = colleague.page.getByRole('region', { name: 'Handled well: stories to learn from' })
		await expect(stories.getByText(story)).toBeVisible()

		// The agent is thanked and sees it on My activity.
		await page.goto('/notifications')
		await expect(page.getByRole('link', { name: 'Luca Romano thanked you: a moment you logged was handled well' }).first()).toBeVisible()
		await page.goto('/profile?tab=thanks')
		await expect(page.getByText('Luca Romano: “Cash code sent while she was still on the line.”')).toBeVisible()

		// The leader sees recovery move.
		await leader.page.reload()
		await expect(recovery).not.toHaveText(before ?? '')
	} finally {
		await agent.close()
		await colleague.close()
		await leader.close()
	}
})

test('the owner saves a new version without JavaScript; a colleague who started from the same one is shown the change and keeps their text', async ({
	browser,
}) => {
	const owner = await as(browser, 'ilaria.martinelli@aurora-bank.example', false)
	const admin = await as(browser, DEMO_LOGINS.admin)
	try {
		// The owner finds the playbook from My moments.
		await owner.page.goto('/moments')
		await owner.page
			.getByRole('listitem')
			.filter({ has: owner.page.getByRole('heading', { name: 'Payment declined' }) })
			.getByRole('link', { name: 'Open the playbook' })
			.click()
		await expect(owner.page.getByRole('heading', { name: 'How we handle it now' })).toBeVisible()
		await expect(owner.page.getByTestId('playbook-version')).toContainText('Version 2')
		await owner.page.getByRole('link', { name: 'Edit the playbook' }).click()
		const url = owner.page.url()
		// The administrator opens the same version.
		await admin.page.goto(url)
		await expectNoA11yIssues(admin.page)

		const ownerSteps = owner.page.getByLabel('Steps')
		await ownerSteps.fill(`${await ownerSteps.inputValue()}\nOffer to send the decline reason by SMS.`)
		await owner.page.getByLabel('What changed and why').fill('Decline reasons by SMS.')
		await owner.page.getByRole('button', { name: 'Save as version 3' }).click()
		await expect(owner.page.getByRole('status').filter({ hasText: 'Version 3 saved.' })).toBeVisible()
		await expect(owner.page.getByText('Offer to send the decline reason by SMS.')).toBeVisible()

		await admin.page.getByLabel('Timeframe to promise').fill('A limit increase works within 5 minutes.')
		await admin.page.getByLabel('What changed and why').fill('Faster limit changes.')
		await admin.page.getByRole('button', { name: 'Save as version 3' }).click()
		const conflict = admin.page.getByTestId('playbook-conflict')
		await expect(conflict.getByRole('heading', { name: 'Someone saved version 3 while you were editing' })).toBeVisible()
		await expect(conflict.getByText('Offer to send the decline reason by SMS.')).toBeVisible()
		// Nothing typed is lost.
		await expect(admin.page.getByLabel('Timeframe to promise')).toHaveValue('A limit increase works within 5 minutes.')
		await expect(admin.page.getByLabel('What changed and why')).toHaveValue('Faster limit changes.')
		await expectNoA11yIssues(admin.page)
		// The admin brings the owner's step in and saves version 4.
		const adminSteps = admin.page.getByLabel('Steps')
		await adminSteps.fill(`${await adminSteps.inputValue()}\nOffer to send the decline reason by SMS.`)
		await admin.page.getByRole('button', { name: 'Save as version 4' }).click()
		await expect(admin.page.getByRole('status').filter({ hasText: 'Version 4 saved.' })).toBeVisible()
		await expect(admin.page.getByText('A limit increase works within 5 minutes.')).toBeVisible()

		// The history keeps every version; version 3 shows what it changed.
		await admin.page.getByRole('link', { name: 'Versions and changes' }).click()
		await expect(admin.page.getByRole('link', { name: 'Version 3' })).toBeVisible()
		await admin.page.getByRole('link', { name: 'Version 3' }).click()
		await expect(admin.page.getByTestId('playbook-diff').getByRole('insertion')).toContainText('Offer to send the decline reason by SMS.')
		await expectNoA11yIssues(admin.page)
	} finally {
		await owner.close()
		await admin.close()
	}
})

test('an Italian reader gets the Italian playbook; an agent cannot edit it', async ({ browser }) => {
	const agent = await as(browser, 'francesca.conti@aurora-bank.example')
	try {
		await agent.page.goto('/insights/new')
		await agent.page.getByLabel('Moment of truth (optional)').selectOption({ label: 'Account locked or fraud alert' })
		// It opens in a new tab, so the insight being typed stays where it is.
		const [playbook] = await Promise.all([
			agent.page.context().waitForEvent('page'),
			agent.page
				.getByTestId('capture-playbook')
				.locator('visible=true')
				.getByRole('link', { name: /Open the full playbook/ })
				.click(),
		])
		await playbook.waitForLoadState()
		await expect(playbook.getByText('Start by saying the money is safe: the block protects it.')).toBeVisible()
		await expect(playbook.getByRole('link', { name: 'Edit the playbook' })).toHaveCount(0)
		const response = await playbook.goto(playbook.url().replace(/\/?$/, '/edit'))
		expect(response?.status()).toBe(403)
		await playbook.goto(playbook.url().replace(/\/edit$/, ''))
		await playbook.getByLabel('Language').first().selectOption('it')
		await playbook.getByRole('button', { name: 'Change language' }).click()
		await expect(playbook.getByRole('heading', { name: 'Come lo gestiamo oggi' })).toBeVisible()
		await expect(playbook.getByText('Inizia dicendo che i soldi sono al sicuro: il blocco serve a proteggerli.')).toBeVisible()
	} finally {
		await agent.close()
	}
})

test('an admin creates an office board; a wall screen signs in with its token and shows the department in large type', async ({
	browser,
}) => {
	const admin = await as(browser, DEMO_LOGINS.admin)
	const screen = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
	try {
		await admin.page.goto('/admin/boards')
		await admin.page.getByLabel('Name').fill('Bari, floor 1')
		await admin.page.getByLabel('Department shown').selectOption({ label: 'Contact Centre' })
		await admin.page.getByRole('button', { name: 'Create a board' }).click()
		const token = (await admin.page.getByTestId('board-token').textContent())!.trim()
		await expectNoA11yIssues(admin.page)
		// Shown once: a reload no longer shows it.
		await admin.page.reload()
		await expect(admin.page.getByTestId('board-token')).toHaveCount(0)

		const wall = await screen.newPage()
		await wall.goto('/board')
		await wall.getByLabel('Board token').fill(token)
		await wall.getByRole('button', { name: 'Show the board' }).click()
		await expect(wall.getByRole('heading', { level: 1, name: 'Moments of truth · Contact Centre' })).toBeVisible()
		await wall.reload()
		await expect(wall.getByRole('heading', { name: 'Hottest this week' })).toBeVisible()
		// Without JavaScript it reloads itself each minute; with it, it fetches its data again in place.
		expect(await wall.locator('noscript').first().innerHTML()).toContain('http-equiv="refresh" content="60"')
		await expectNoA11yIssues(wall)
		// Revoked, the screen is signed out at its next refresh.
		await admin.page.getByRole('link', { name: 'Revoke: Bari, floor 1' }).click()
		await admin.page.getByRole('button', { name: 'Revoke' }).click()
		await expect(admin.page.getByRole('status')).toHaveText('Board revoked.')
		await wall.reload()
		await expect(wall.getByLabel('Board token')).toBeVisible()
	} finally {
		await admin.close()
		await screen.close()
	}
})

test('without JavaScript, a colleague marks a moment handled well and a wall screen signs in with its token', async ({ browser }) => {
	const colleague = await as(browser, 'antonio.deluca@aurora-bank.example', false)
	const screen = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1920, height: 1080 } })
	try {
		const page = colleague.page
		// Sara's midnight chat, one of the stories on the stolen-card playbook.
		await page.goto('/search?q=midnight')
		await page
			.getByRole('link', { name: /Stolen card reported in chat at midnight/ })
			.first()
			.click()
		await page.locator('summary', { hasText: 'Mark as handled well' }).click()
		await page.getByRole('button', { name: 'Mark as handled well' }).click()
		// The note is required, and said so at the field.
		await expect(page.getByText('Say in a few words what went well.')).toBeVisible()
		await page.getByLabel('What went well').fill('Two problems solved in one chat.')
		await page.getByRole('button', { name: 'Mark as handled well' }).click()
		await expect(page.getByText('Antonio De Luca: “Two problems solved in one chat.”')).toBeVisible()
		await expect(page.getByText('Handled well · thanked by 2 colleagues')).toBeVisible()

		const wall = await screen.newPage()
		await wall.goto('/board')
		await wall.getByLabel('Board token').fill('demo-contact-centre.wrong-secret')
		await wall.getByRole('button', { name: 'Show the board' }).click()
		await expect(wall.getByText('This token opens no board')).toBeVisible()
		await wall.getByLabel('Board token').fill('demo-contact-centre.aurora-demo-2026-wall-screen')
		await wall.getByRole('button', { name: 'Show the board' }).click()
		await expect(wall.getByRole('heading', { level: 1, name: 'Moments of truth · Contact Centre' })).toBeVisible()
		await expect(wall.getByText('Two problems solved in one chat.')).toBeVisible()
	} finally {
		await colleague.close()
		await screen.close()
	}
})
