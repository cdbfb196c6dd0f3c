import AxeBuilder from '@axe-core/playwright'
import { type Browser } from '@playwright/test'
import { DEMO_LOGINS, expect, goByNav, loginWith, test } from './fixtures.ts'

async function as(browser: Browser, email: string) {
	const context = await browser.newContext()
	const page = await context.newPage()
	await loginWith(page, email)
	return { page, close: () => context.close() }
}

test('the full loop: an employee submits, colleagues vote, a manager triages and implements, the author follows along', async ({
	browser,
}) => {
	const title = `Let agents refund a double card fee on the call (${Date.now().toString(36)})`
	const employee = await as(browser, DEMO_LOGINS.employee)
	await employee.page.goto('/ideas/new')
	await employee.page.getByLabel('Title', { exact: true }).fill(title)
	await employee.page.getByLabel('The problem').fill('Customers charged twice must call three times to get a refund.')
	await employee.page.getByLabel('Your proposal').fill('Let agents refund a duplicate fee during the first call.')
	await employee.page.getByLabel('Expected benefit').fill('One call instead of three; fewer complaints.')
	await employee.page.getByRole('checkbox', { name: 'Pay', exact: true }).check()
	await employee.page.getByRole('button', { name: 'Submit idea' }).click()
	await expect(employee.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	const ideaPath = new URL(employee.page.url()).pathname

	const voter = await as(browser, 'chiara.bruno@aurora-bank.example')
	await voter.page.goto(ideaPath)
	await voter.page.getByRole('button', { name: `Vote for “${title}”` }).click()
	await expect(voter.page.getByRole('button', { name: `Withdraw your vote for “${title}”` })).toBeVisible()

	const manager = await as(browser, DEMO_LOGINS.manager)
	await goByNav(manager.page, 'Triage')
	await expect(manager.page.getByRole('heading', { name: 'Triage queue' })).toBeVisible()
	await manager.page.getByRole('link', { name: title }).click()
	const steps: Array<[string, string]> = [
		['In review', 'Looking at it with Cards & Payments.'],
		['Accepted', 'Approved by the fees committee.'],
		['In progress', 'Rolling out to the Milano team first.'],
		['Implemented', 'Live for all agents since today.'],
	]
	for (const [status, note] of steps) {
		await manager.page.getByLabel('New status').selectOption({ label: status })
		await manager.page.getByLabel('Public note').fill(note)
		await manager.page.getByRole('button', { name: 'Change status' }).click()
		await expect(manager.page.getByRole('status')).toHaveText('Status changed. Everyone following the idea has been told.')
		await expect(manager.page.getByRole('region', { name: 'Timeline' }).getByText(note)).toBeVisible()
	}
	await expect(manager.page.getByText('This idea is Implemented: its status no longer changes.')).toBeVisible()

	// Each notification names the status of its step, and says why.
	await employee.page.goto('/notifications')
	for (const [status, note] of steps) {
		const item = employee.page
			.getByRole('listitem')
			.filter({ has: employee.page.getByRole('link', { name: `“${title}” is now: ${status}` }) })
		await expect(item).toContainText(note)
	}
	await voter.page.goto('/notifications')
	await expect(voter.page.getByRole('listitem').filter({ hasText: `“${title}” is now: Implemented` })).toContainText(
		'Live for all agents since today.',
	)
	await employee.page.goto('/you-said-we-did')
	await expect(employee.page.getByRole('heading', { name: title })).toBeVisible()
	for (const session of [employee, voter, manager]) await session.close()
})

test('a manager declines an idea with a reason; the author sees it in notifications and on the idea', async ({ browser }) => {
	const manager = await as(browser, DEMO_LOGINS.manager)
	await manager.page.goto('/ideas?sort=newest')
	await manager.page.getByRole('link', { name: 'Block a stolen card from the app without an SMS code' }).click()
	await manager.page.getByLabel('New status').selectOption({ label: 'Declined *' })
	await manager.page.getByRole('button', { name: 'Change status' }).click()
	await expect(manager.page.getByText('Give a public reason.')).toBeVisible()
	await manager.page
		.getByLabel('Public note')
		.fill('Blocking without the SMS code fails the fraud rules; we are adding a call-back instead.')
	await manager.page.getByRole('button', { name: 'Change status' }).click()
	await expect(manager.page.getByRole('status')).toHaveText('Status changed. Everyone following the idea has been told.')
	await manager.close()

	const author = await as(browser, DEMO_LOGINS.employee)
	await author.page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click()
	await author.page.getByRole('link', { name: '“Block a stolen card from the app without an SMS code” is now: Declined' }).click()
	await expect(author.page.getByText('Declined', { exact: true }).first()).toBeVisible()
	await expect(
		author.page.getByText('Blocking without the SMS code fails the fraud rules; we are adding a call-back instead.'),
	).toBeVisible()
	await expect(author.page.getByRole('heading', { name: 'Manage this idea' })).toHaveCount(0)
	await author.close()
})

test('the triage queue, the manager’s idea page, search and notifications have no serious accessibility violations', async ({
	page,
	login,
}) => {
	await login('manager')
	const check = async () => {
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()
		const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
	}
	await page.goto('/triage')
	await check()
	await page.getByRole('link', { name: 'Emergency card delivered to the hotel abroad' }).click()
	await expect(page.getByRole('heading', { name: 'Manage this idea' })).toBeVisible()
	await check()
	await page.goto('/search?q=card')
	await check()
	await page.goto('/notifications')
	await check()
})

test('a manager assigns an owner by typing a name: suggestions come from the server, a wrong name keeps what was typed and says why', async ({
	page,
	login,
}) => {
	await login('manager')
	await page.goto('/triage')
	await page.getByRole('link', { name: 'Emergency card delivered to the hotel abroad' }).click()
	await expect(page.getByRole('heading', { name: 'Manage this idea' })).toBeVisible()
	const owner = page.getByRole('combobox', { name: 'Owner' })
	await owner.fill('')
	await owner.pressSequentially('Ilaria Mart')
	await expect(page.locator('datalist option[value="ilaria.martinelli@aurora-bank.example"]')).toHaveCount(1)
	await owner.fill('Ilaria Nobody')
	await page.getByRole('button', { name: 'Save evaluation' }).click()
	await expect(page.getByText('No manager, leader or administrator has that name or e-mail.')).toBeVisible()
	await expect(owner).toHaveValue('Ilaria Nobody')
	await owner.fill('ilaria.martinelli@aurora-bank.example')
	await page.getByRole('button', { name: 'Save evaluation' }).click()
	await expect(page.getByRole('status')).toHaveText('Evaluation saved.')
	await expect(owner).toHaveValue('ilaria.martinelli@aurora-bank.example')
	await page.goto('/triage')
	await expect(page.getByRole('link', { name: 'Ilaria Martinelli' }).first()).toBeVisible()
})

test('a manager hides a comment from its folded form, a reason is required, and an admin restores it from the list', async ({
	browser,
}) => {
	const employee = await as(browser, DEMO_LOGINS.employee)
	const manager = await as(browser, DEMO_LOGINS.manager)
	const title = `Hide-able comment idea (${Date.now().toString(36)})`
	await employee.page.goto('/ideas/new')
	await employee.page.getByLabel('Title', { exact: true }).fill(title)
	await employee.page.getByLabel('The problem').fill('Customers wait too long for a replacement card abroad.')
	await employee.page.getByLabel('Your proposal').fill('Courier the card to the hotel.')
	await employee.page.getByLabel('Expected benefit').fill('Fewer stranded customers.')
	await employee.page.getByRole('checkbox', { name: 'Use', exact: true }).check()
	await employee.page.getByRole('button', { name: 'Submit idea' }).click()
	await expect(employee.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	const ideaPath = new URL(employee.page.url()).pathname
	const comment = `Rude remark ${Date.now().toString(36)}`
	await employee.page.getByLabel('Add a comment').fill(comment)
	await employee.page.getByRole('button', { name: 'Comment', exact: true }).click()
	await expect(employee.page.getByText(comment)).toBeVisible()

	await manager.page.goto(ideaPath)
	const item = manager.page.getByRole('listitem').filter({ hasText: comment })
	await item.getByText('Hide this comment').click()
	const reason = item.getByLabel('Reason (the author is told)')
	await reason.fill('   ')
	await item.getByRole('button', { name: 'Hide', exact: true }).click()
	await expect(item.getByText('Give a public reason.')).toBeVisible()
	await reason.fill('Not respectful to colleagues.')
	await item.getByRole('button', { name: 'Hide', exact: true }).click()
	await expect(manager.page.getByRole('status')).toHaveText('Hidden. The author has been told why.')
	await employee.page.goto(ideaPath)
	await expect(employee.page.getByText(comment)).toHaveCount(0)

	const admin = await as(browser, DEMO_LOGINS.admin)
	await admin.page.goto('/admin/moderation')
	const row = admin.page.getByRole('listitem').filter({ hasText: comment })
	await row.getByRole('button', { name: 'Restore' }).click()
	await expect(admin.page.getByRole('status')).toHaveText('Restored.')
	await employee.page.goto(ideaPath)
	await expect(employee.page.getByText(comment)).toBeVisible()
	for (const session of [employee, manager, admin]) await session.close()
})

test('the manager’s forms belong to the idea on screen: A → B → A shows each idea’s own evaluation, and after a merge the kept idea shows its own', async ({
	browser,
}) => {
	const employee = await as(browser, DEMO_LOGINS.employee)
	const stamp = Date.now().toString(36)
	const titles = [`Scored idea A (${stamp})`, `Unscored idea B (${stamp})`]
	const paths: string[] = []
	for (const title of titles) {
		await employee.page.goto('/ideas/new')
		await employee.page.getByLabel('Title', { exact: true }).fill(title)
		await employee.page.getByLabel('The problem').fill('Customers abroad cannot reach us when their card is blocked.')
		await employee.page.getByLabel('Your proposal').fill('A free number that works from every country.')
		await employee.page.getByLabel('Expected benefit').fill('Fewer stranded customers.')
		await employee.page.getByRole('checkbox', { name: 'Use', exact: true }).check()
		await employee.page.getByRole('button', { name: 'Submit idea' }).click()
		await expect(employee.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
		paths.push(new URL(employee.page.url()).pathname)
	}
	await employee.close()

	const manager = await as(browser, DEMO_LOGINS.manager)
	const page = manager.page
	const fields = () => ({
		impact: page.getByLabel('Impact'),
		effort: page.getByLabel('Effort'),
		owner: page.getByRole('combobox', { name: 'Owner' }),
		target: page.getByLabel('Idea to keep (its link or id)'),
	})
	await page.goto(paths[0]!)
	await fields().impact.selectOption('4')
	await fields().effort.selectOption('2')
	await fields().owner.fill('ilaria.martinelli@aurora-bank.example')
	await page.getByRole('button', { name: 'Save evaluation' }).click()
	await expect(page.getByRole('status')).toHaveText('Evaluation saved.')

	// Client-side navigation to B through the queue, then back to A.
	const open = async (title: string) => {
		await goByNav(page, 'Triage')
		await page
			.getByLabel('Sort')
			.selectOption('newest')
			.catch(() => {})
		await page.getByRole('link', { name: title }).click()
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	}
	await open(titles[1]!)
	await expect(fields().impact).toHaveValue('')
	await expect(fields().effort).toHaveValue('')
	await expect(fields().owner).toHaveValue('')
	await expect(fields().target).toHaveValue('')
	await open(titles[0]!)
	await expect(fields().impact).toHaveValue('4')
	await expect(fields().effort).toHaveValue('2')
	await expect(fields().owner).toHaveValue('ilaria.martinelli@aurora-bank.example')

	// Merge B into A: the page that follows is A's, with A's evaluation and an empty merge field.
	await open(titles[1]!)
	await fields().target.fill(`${new URL(page.url()).origin}${paths[0]}`)
	await page.getByLabel('Public reason').fill('Same problem as the scored idea.')
	await page.getByRole('button', { name: 'Merge', exact: true }).click()
	await expect(page.getByRole('heading', { level: 1, name: titles[0] })).toBeVisible()
	await expect(fields().impact).toHaveValue('4')
	await expect(fields().effort).toHaveValue('2')
	await expect(fields().owner).toHaveValue('ilaria.martinelli@aurora-bank.example')
	await expect(fields().target).toHaveValue('')
	await manager.close()
})
