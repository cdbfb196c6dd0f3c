import { as, DEMO_LOGINS, expect, goByNav, loginWith, openTool, test } from './fixtures.ts'

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
		await openTool(manager.page, 'Change the status')
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
	await openTool(manager.page, 'Change the status')
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

test('a manager assigns an owner by typing a name: suggestions come from the server, a wrong name keeps what was typed and says why', async ({
	page,
	login,
}) => {
	await login('manager')
	await page.goto('/triage')
	await page.getByRole('link', { name: 'Emergency card delivered to the hotel abroad' }).click()
	await expect(page.getByRole('heading', { name: 'Manage this idea' })).toBeVisible()
	await openTool(page, 'Evaluation')
	const owner = page.getByRole('combobox', { name: 'Owner', includeHidden: true })
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
		owner: page.getByRole('combobox', { name: 'Owner', includeHidden: true }),
		target: page.getByLabel('Or paste the link of the idea to keep'),
	})
	await page.goto(paths[0]!)
	await openTool(page, 'Evaluation')
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
	await openTool(page, 'Merge into another idea')
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

for (const javaScriptEnabled of [true, false]) {
	test(`from the one Manage panel ${javaScriptEnabled ? 'with' : 'without'} JavaScript, a manager evaluates, posts an update, merges into a suggested duplicate and declines`, async ({
		browser,
	}) => {
		const stamp = Date.now().toString(36)
		const employee = await as(browser, DEMO_LOGINS.employee)
		const submit = async (title: string, problem: string) => {
			await employee.page.goto('/ideas/new')
			await employee.page.getByLabel('Title', { exact: true }).fill(title)
			await employee.page.getByLabel('The problem').fill(problem)
			await employee.page.getByLabel('Your proposal').fill('Send a text message with the tracking link.')
			await employee.page.getByLabel('Expected benefit').fill('Fewer calls asking where the card is.')
			await employee.page.getByRole('checkbox', { name: 'Use', exact: true }).check()
			await employee.page.getByRole('button', { name: 'Submit idea' }).click()
			await expect(employee.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
			return new URL(employee.page.url()).pathname
		}
		const kept = `Track replacement cards ${stamp} by text`
		const duplicate = `Replacement card tracking ${stamp} by SMS`
		const declined = `A fax line for lost cards ${stamp}`
		await submit(kept, `Customers waiting for replacement cards ${stamp} call to ask where the card is.`)
		const duplicatePath = await submit(duplicate, `Customers call us to ask where their replacement cards ${stamp} are.`)
		const declinedPath = await submit(declined, `Some customers ${stamp} still prefer faxes.`)

		const context = await browser.newContext({ javaScriptEnabled })
		const page = await context.newPage()
		await loginWith(page, DEMO_LOGINS.manager)
		await page.goto(duplicatePath)
		await expect(page.getByText(/First response due in \d+ days/).first()).toBeVisible()

		await openTool(page, 'Evaluation')
		await page.getByLabel('Impact').selectOption('4')
		await page.getByLabel('Effort').selectOption('2')
		await page.getByRole('button', { name: 'Save evaluation' }).click()
		await expect(page.getByRole('status')).toHaveText('Evaluation saved.')
		// Scoring is no answer to the author: the clock still runs.
		await expect(page.getByText(/First response due in \d+ days/).first()).toBeVisible()

		await openTool(page, 'Post a public update')
		await page.getByLabel('Update').fill('Checking with the card factory.')
		await page.getByRole('button', { name: 'Post a public update' }).click()
		await expect(page.getByRole('status')).toHaveText('Update posted. Everyone following the idea has been told.')
		await expect(page.getByText(/^Answered on /).first()).toBeVisible()

		// The idea it duplicates is among the suggestions: no link to paste.
		await openTool(page, 'Merge into another idea')
		const picker = page.getByRole('group', { name: 'Likely duplicates' })
		await page.getByLabel('Public reason').fill('Same request as the text-tracking idea.')
		await page.getByRole('button', { name: 'Merge', exact: true }).click()
		await expect(page.getByText('Choose the idea to keep, or paste its link.')).toBeVisible()
		await expect(page.getByLabel('Public reason')).toHaveValue('Same request as the text-tracking idea.')
		await picker.getByRole('radio', { name: new RegExp(kept) }).check()
		await page.getByRole('button', { name: 'Merge', exact: true }).click()
		await expect(page.getByRole('status')).toHaveText('Ideas merged. Votes and followers moved to the idea kept.')
		await expect(page.getByRole('heading', { level: 1, name: kept })).toBeVisible()

		// A search finds any other idea the manager may act on.
		await page.goto(declinedPath)
		await openTool(page, 'Merge into another idea')
		await page.getByLabel('Search for another idea').fill(`fax ${stamp}`)
		await page.getByRole('button', { name: 'Search', exact: true }).click()
		await expect(page.getByRole('group', { name: `Ideas matching “fax ${stamp}”` })).toBeVisible()

		await openTool(page, 'Change the status')
		await page.getByLabel('New status').selectOption({ label: 'Declined *' })
		await page.getByLabel('Public note').fill('Faxes are being switched off bank-wide next year.')
		await page.getByRole('button', { name: 'Change status' }).click()
		await expect(page.getByRole('status')).toHaveText('Status changed. Everyone following the idea has been told.')
		await expect(page.getByText('This idea is Declined: its status no longer changes.')).toBeVisible()
		await context.close()

		// The author hears why, for each.
		await employee.page.goto('/notifications')
		await expect(employee.page.getByRole('listitem').filter({ hasText: `“${duplicate}” was merged into “${kept}”` })).toContainText(
			'Same request as the text-tracking idea.',
		)
		await expect(employee.page.getByRole('listitem').filter({ hasText: `“${declined}” is now: Declined` })).toContainText(
			'Faxes are being switched off bank-wide next year.',
		)
		await expect(employee.page.getByRole('listitem').filter({ hasText: `posted an update on “${duplicate}”` })).toContainText(
			'Checking with the card factory.',
		)
		await employee.close()
	})
}

test('an employee reports an idea to the moderators; an admin keeps it from the queue; the reporter hears it', async ({ browser }) => {
	const employee = await as(browser, 'antonio.deluca@aurora-bank.example')
	await employee.page.goto('/ideas?sort=newest')
	const title = 'Emergency card delivered to the hotel abroad'
	await employee.page.getByRole('link', { name: title }).click()
	// The idea's own report form comes before any comment's.
	const report = employee.page.locator('details').filter({ hasText: 'Report to the moderators' }).first()
	await report.getByText('Report to the moderators').click()
	await report.getByRole('button', { name: 'Send the report' }).click()
	await expect(report.getByText('Say what is wrong with it.')).toBeVisible()
	await report.getByLabel('What is wrong with it? Only the moderators read this.').fill('It repeats an idea from last year.')
	await report.getByRole('button', { name: 'Send the report' }).click()
	await expect(employee.page.getByRole('status')).toHaveText(
		'Thank you. The moderators will look at it, and you will hear what they decide.',
	)

	// The manager of its department sees it on the idea, in the Manage panel: how often and why.
	const reportedPath = new URL(employee.page.url()).pathname
	const manager = await as(browser, DEMO_LOGINS.manager)
	await manager.page.goto(reportedPath)
	const panel = manager.page.getByRole('complementary', { name: 'Manage this idea' })
	await expect(panel.locator('summary').first()).toContainText('Reported once')
	await expect(panel.locator('[data-reported="idea"]')).toContainText('It repeats an idea from last year.')
	await manager.close()

	const admin = await as(browser, DEMO_LOGINS.admin)
	await admin.page.goto('/admin/moderation')
	const item = admin.page
		.getByRole('listitem')
		.filter({ hasText: 'It repeats an idea from last year.' })
		.filter({ hasText: 'Reported once' })
	await expect(item).toContainText('Reported once')
	await expect(item.getByRole('link', { name: title })).toBeVisible()
	await item.getByLabel('Note to the reporters (optional)').fill('Last year’s idea was about cards at home.')
	await item.getByRole('button', { name: 'Keep it' }).click()
	await expect(admin.page.getByRole('status')).toHaveText('Kept. The reporters have been told.')
	await expect(admin.page.getByText('Nothing is waiting: no open report.')).toBeVisible()

	await employee.page.goto('/notifications')
	await expect(employee.page.getByRole('listitem').filter({ hasText: 'A moderator reviewed what you reported and kept it' })).toContainText(
		'Last year’s idea was about cards at home.',
	)
	for (const session of [employee, admin]) await session.close()
})
