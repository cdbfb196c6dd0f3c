import AxeBuilder from '@axe-core/playwright'
import { type Page } from '@playwright/test'
import { DEMO_LOGINS, expect, loginWith, test } from './fixtures.ts'

const PHONE = { width: 390, height: 844 }

async function expectNoSeriousA11yIssues(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
	expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

async function fillIdea(page: Page, title: string) {
	await page.getByLabel('Title', { exact: true }).fill(title)
	await page.getByLabel('The problem').fill('Customers abroad wait on hold to block a stolen card.')
	await page.getByLabel('Your proposal').fill('A one-tap freeze that works without the SMS code.')
	await page.getByLabel('Expected benefit').fill('Fewer fraudulent charges and calmer customers.')
}

test('on a phone, an employee logs an insight and proposes an idea from it', async ({ page, login }) => {
	await page.setViewportSize(PHONE)
	await login('employee')
	await page.getByRole('banner').getByRole('link', { name: 'Log an insight' }).click()
	await expect(page.getByRole('heading', { name: 'Log a customer insight' })).toBeVisible()
	await expectNoSeriousA11yIssues(page)
	await page.getByLabel('What happened?').fill('Customer stuck in Madrid airport, card swallowed by an ATM, no way to pay the taxi.')
	await page.getByRole('radio', { name: 'ATM / self-service' }).check()
	await page.getByLabel('Moment of truth (optional)').selectOption({ label: 'Card not working (demagnetised, damaged)' })
	// Picking the moment selects its usual stage.
	await expect(page.getByLabel('Journey stage')).toHaveValue(/.+/)
	await expect(page.getByLabel('Journey stage').locator('option:checked')).toHaveText('Use')
	await page.getByRole('radio', { name: '5 · Distressed' }).check()
	await page.getByRole('button', { name: 'Log insight' }).click()
	await expect(page.getByRole('status')).toHaveText('Insight logged. Thank you!')
	await expect(page.getByText('Customer stuck in Madrid airport')).toBeVisible()

	await page.getByRole('link', { name: 'Propose an idea for this' }).click()
	await expect(page.getByRole('checkbox', { name: /Customer stuck in Madrid airport/ })).toBeChecked()
	await expect(page.getByRole('checkbox', { name: 'Use', exact: true })).toBeChecked()
	await fillIdea(page, 'Emergency cash code when an ATM keeps the card abroad')
	await page.getByRole('button', { name: 'Submit idea' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Emergency cash code when an ATM keeps the card abroad' })).toBeVisible()
	await expect(page.getByText('Proposed by Giulia Rossi')).toBeVisible()
	await expect(page.getByRole('region', { name: 'Evidence' }).getByText('Customer stuck in Madrid airport')).toBeVisible()
	await expectNoSeriousA11yIssues(page)
	// The insight now lists the idea it backs.
	await page.getByRole('link', { name: /Customer stuck in Madrid airport/ }).click()
	await expect(page.getByRole('link', { name: 'Emergency cash code when an ATM keeps the card abroad' })).toBeVisible()
})

test('a form that fails keeps every typed value and says what is wrong', async ({ page, login }) => {
	await login('employee')
	await page.goto('/ideas/new')
	await page.getByLabel('Title', { exact: true }).fill('Half-finished idea title')
	await page.getByLabel('Search insights').fill('stolen')
	await page.getByRole('button', { name: 'Search', exact: true }).click()
	// The search runs in place and leaves the typed title alone.
	await page.getByRole('checkbox', { name: /both cards stolen with her bag/ }).check()
	await page.getByRole('button', { name: 'Submit idea' }).click()
	await expect(page.getByText('Choose at least one journey stage.')).toBeVisible()
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Half-finished idea title')
	await expect(page.getByRole('checkbox', { name: /both cards stolen with her bag/ })).toBeChecked()
})

for (const javaScriptEnabled of [false, true]) {
	test(`voting ${javaScriptEnabled ? 'with' : 'without'} JavaScript counts once and can be withdrawn`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled })
		const page = await context.newPage()
		await loginWith(page, javaScriptEnabled ? DEMO_LOGINS.leader : DEMO_LOGINS.admin)
		await page.goto('/ideas?sort=top')
		// A decided idea shows its final count, and no button.
		const decided = page.getByRole('article', { name: 'Tell customers why a payment was declined, in the app' })
		await expect(decided.getByText('Closed', { exact: true })).toBeVisible()
		await expect(decided.getByRole('button', { name: /vote/i })).toHaveCount(0)
		const title = 'Emergency card delivered to the hotel abroad'
		const card = page.getByRole('article', { name: title })
		const before = Number(await card.getByTestId('vote-count').textContent())
		await card.getByRole('button', { name: `Vote for “${title}”` }).click()
		const voted = card.getByRole('button', { name: `Withdraw your vote for “${title}”` })
		await expect(voted).toHaveAttribute('aria-pressed', 'true')
		await expect(card.getByTestId('vote-count')).toHaveText(String(before + 1))
		await page.reload()
		await expect(card.getByTestId('vote-count')).toHaveText(String(before + 1))
		await voted.click()
		await expect(card.getByRole('button', { name: `Vote for “${title}”` })).toHaveAttribute('aria-pressed', 'false')
		await expect(card.getByTestId('vote-count')).toHaveText(String(before))
		await page.reload()
		await expect(card.getByTestId('vote-count')).toHaveText(String(before))
		await context.close()
	})
}

test('a comment that mentions a colleague notifies them; follow and unfollow', async ({ page, browser, login }) => {
	await login('employee')
	await page.goto('/ideas?sort=newest')
	await page.getByRole('link', { name: 'A weekend fraud desk that can unlock accounts' }).click()
	await page.getByRole('button', { name: 'Follow', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('You follow this idea.')
	await page.getByRole('button', { name: 'Unfollow' }).click()
	await expect(page.getByRole('status')).toHaveText('You no longer follow this idea.')
	await expect(page.getByRole('button', { name: 'Follow', exact: true })).toHaveAttribute('aria-pressed', 'false')

	await page.getByLabel('Add a comment').fill('Seen this twice today.\n@marco.ferri can the Bari team try it? <b>not bold</b>')
	await page.getByRole('button', { name: 'Comment', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('Comment added.')
	const comment = page.getByRole('listitem').filter({ hasText: 'Seen this twice today.' })
	await expect(comment.getByText('@marco.ferri')).toBeVisible()
	await expect(comment.getByText('<b>not bold</b>', { exact: false })).toBeVisible()
	// An explicit unfollow is respected: commenting does not follow again.
	await expect(page.getByRole('button', { name: 'Follow', exact: true })).toBeVisible()

	const managerContext = await browser.newContext()
	const manager = await managerContext.newPage()
	await loginWith(manager, DEMO_LOGINS.manager)
	await expect(manager.getByRole('link', { name: /^Notifications, \d+ unread$/ })).toBeVisible()
	await manager.getByRole('link', { name: /^Notifications/ }).click()
	await expect(
		manager.getByRole('link', { name: 'Giulia Rossi mentioned you on “A weekend fraud desk that can unlock accounts”' }),
	).toBeVisible()
	await manager.getByRole('button', { name: 'Mark all as read' }).click()
	await expect(manager.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()
	await managerContext.close()
})

test('an anonymous idea shows a receipt once; neither its page nor its data names the author', async ({ page, browser, login }) => {
	await login('employee')
	await page.goto('/ideas/new')
	await fillIdea(page, 'Anonymous: let branch staff waive fees after a fraud')
	await page.getByRole('checkbox', { name: 'Pay', exact: true }).check()
	await page.getByLabel('Submit anonymously').check()
	await page.getByRole('button', { name: 'Submit idea' }).click()
	await expect(page.getByRole('heading', { name: 'Your private receipt code' })).toBeVisible()
	const code = (await page.getByTestId('receipt-code').textContent())!.trim()
	expect(code).toMatch(/^VOCE(-[A-Z2-9]{4}){6}$/)
	await page.reload()
	await expect(page.getByTestId('receipt-code')).toHaveCount(0)
	await page.getByLabel('Receipt code').fill(code.toLowerCase())
	await page.getByRole('button', { name: 'Open' }).click()
	await expect(page.getByText('Anonymous: let branch staff waive fees after a fraud')).toBeVisible()
	await page.getByRole('link', { name: 'Open the public page' }).click()
	await page.waitForURL(/\/ideas\/[\w-]+$/)
	const path = new URL(page.url()).pathname

	const otherContext = await browser.newContext()
	const other = await otherContext.newPage()
	await loginWith(other, DEMO_LOGINS.leader)
	await other.goto(path)
	await expect(other.getByText('Proposed anonymously')).toBeVisible()
	const html = await other.content()
	const data = await (await other.request.get(`${path}.data`)).text()
	for (const secret of ['Giulia', 'giulia.rossi']) {
		expect(html).not.toContain(secret)
		expect(data).not.toContain(secret)
	}
	await otherContext.close()
})

test('the capture pages work in Italian', async ({ page }) => {
	// Someone no other test signs in as: the choice is saved on the account.
	await loginWith(page, 'matteo.gallo@aurora-bank.example')
	await page.getByLabel('Language').selectOption('it')
	await page.getByRole('button', { name: 'Change language' }).click()
	await expect(page.getByLabel('Lingua')).toBeVisible()
	await page.goto('/insights/new')
	await expect(page.getByRole('heading', { name: 'Registra una segnalazione' })).toBeVisible()
	await expect(page.getByRole('radio', { name: '5 · Angosciato' })).toBeVisible()
	await page.goto('/ideas')
	await expect(page.getByRole('link', { name: 'Da votare' })).toBeVisible()
	await expect(page.getByText(/\d+ commenti?/).first()).toBeVisible()
})

test('without JavaScript, an author edits and then deletes their own comment after confirming', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await loginWith(page, DEMO_LOGINS.manager)
	await page.goto('/ideas?sort=newest')
	await page.getByRole('link', { name: 'Emergency card delivered to the hotel abroad' }).click()
	await page.getByLabel('Add a comment').fill('Typo in this comment')
	await page.getByRole('button', { name: 'Comment', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('Comment added.')
	const comment = page.getByRole('listitem').filter({ hasText: 'Marco Ferri' }).last()
	await comment.getByRole('link', { name: 'Edit' }).click()
	await page.getByLabel('Edit your comment').fill('Fixed comment text')
	await page.getByRole('button', { name: 'Save', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('Comment saved.')
	await expect(page.getByText('Fixed comment text')).toBeVisible()
	await page.getByRole('listitem').filter({ hasText: 'Fixed comment text' }).getByRole('link', { name: 'Delete' }).click()
	await expect(page.getByRole('alertdialog')).toContainText('Delete your comment?')
	await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
	await expect(page.getByRole('status')).toHaveText('Comment deleted.')
	await expect(page.getByText('Fixed comment text')).toHaveCount(0)
	await context.close()
})

test('the author edits an idea they proposed', async ({ page, login }) => {
	await login('employee')
	await page.goto('/ideas/new')
	await fillIdea(page, 'Idea with a tpyo in the title')
	await page.getByRole('checkbox', { name: 'Discover', exact: true }).check()
	await page.getByRole('button', { name: 'Submit idea' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Idea with a tpyo in the title' })).toBeVisible()
	await page.getByRole('link', { name: 'Edit', exact: true }).click()
	await expect(page.getByRole('heading', { name: 'Edit idea' })).toBeVisible()
	await expect(page.getByRole('checkbox', { name: 'Discover', exact: true })).toBeChecked()
	await page.getByLabel('Title', { exact: true }).fill('Idea with a typo fixed in the title')
	await page.getByRole('button', { name: 'Save changes' }).click()
	await expect(page.getByRole('status')).toHaveText('Idea updated.')
	await expect(page.getByRole('heading', { level: 1, name: 'Idea with a typo fixed in the title' })).toBeVisible()
})

for (const javaScriptEnabled of [true, false]) {
	test(`“I see this too” from the insight list ${javaScriptEnabled ? 'with' : 'without'} JavaScript, keeping the list and its filters`, async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE })
		const page = await context.newPage()
		await loginWith(page, javaScriptEnabled ? 'antonio.deluca@aurora-bank.example' : 'chiara.bruno@aurora-bank.example')
		await page.goto('/insights?period=90d')
		const card = page.getByRole('listitem').filter({ hasText: 'Customer in Lisbon, both cards stolen with her bag.' })
		// The card says how many colleagues see it too, and nothing while nobody does.
		const count = async () => {
			const line = card.locator('li').filter({ hasText: /colleagues? sees? this too/ })
			return (await line.count()) ? Number((await line.textContent())?.match(/\d+/)?.[0]) : 0
		}
		const before = await count()
		await card.getByRole('button', { name: 'I see this too', exact: true }).click()
		await expect(card.getByRole('button', { name: 'Withdraw “I see this too”' })).toHaveAttribute('aria-pressed', 'true')
		await expect(page).toHaveURL(/\/insights\?period=90d$/)
		await expect.poll(count).toBe(before + 1)
		await card.getByRole('button', { name: 'Withdraw “I see this too”' }).click()
		await expect(card.getByRole('button', { name: 'I see this too', exact: true })).toBeVisible()
		await expect.poll(count).toBe(before)
		await context.close()
	})
}

test('there is no “I see this too” on one’s own insight in the list', async ({ page, login }) => {
	await login('employee')
	await page.goto('/insights?mine=1')
	await expect(page.getByRole('article').first()).toBeVisible()
	await expect(page.getByRole('button', { name: 'I see this too', exact: true })).toHaveCount(0)
})

test('the author corrects a fresh insight and deletes it after confirming; a colleague sees neither button', async ({
	page,
	login,
	browser,
}) => {
	await login('employee')
	await page.goto('/insights/new')
	// Words no other insight uses, so no similar insight is offered first.
	const body = `Quokka ${Date.now().toString(36)} xylophone zeppelin`
	await page.getByLabel('What happened?').fill(body)
	await page.getByRole('radio', { name: 'Phone' }).check()
	await page.getByLabel('Journey stage').selectOption({ label: 'Use' })
	await page.getByRole('radio', { name: '4 · Upset' }).check()
	await page.getByRole('button', { name: 'Log insight' }).click()
	await expect(page.getByRole('status')).toHaveText('Insight logged. Thank you!')
	const path = new URL(page.url()).pathname

	await page.getByRole('link', { name: 'Correct it' }).click()
	await expect(page.getByLabel('What happened?')).toHaveValue(body)
	await page.getByLabel('What happened?').fill('')
	await page.getByRole('button', { name: 'Save the correction' }).click()
	await expect(page.getByLabel('What happened?')).toHaveAttribute('aria-invalid', 'true')
	await page.getByLabel('What happened?').fill(`${body}, corrected`)
	await page.getByRole('radio', { name: '5 · Distressed' }).check()
	await page.getByRole('button', { name: 'Save the correction' }).click()
	await expect(page.getByRole('status')).toHaveText('Insight corrected.')
	await expect(page.getByText(`${body}, corrected`)).toBeVisible()
	await expect(page.getByText('5 · Distressed')).toBeVisible()

	const colleague = await browser.newContext()
	const other = await colleague.newPage()
	await loginWith(other, DEMO_LOGINS.manager)
	await other.goto(path)
	await expect(other.getByRole('link', { name: 'Correct it' })).toHaveCount(0)
	await expect(other.getByRole('link', { name: 'Delete' })).toHaveCount(0)
	expect((await other.goto(`${path}/edit`))?.status()).toBe(403)
	await colleague.close()

	await page.getByRole('link', { name: 'Delete' }).click()
	await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
	await expect(page.getByRole('status')).toHaveText('Insight deleted.')
	expect((await page.goto(path))?.status()).toBe(404)
})

test('with JavaScript, typing @ in a comment lists colleagues to mention; arrows and Enter pick one', async ({ page, login }) => {
	await login('employee')
	await page.goto('/ideas?sort=newest')
	await page.getByRole('link', { name: 'Emergency card delivered to the hotel abroad' }).click()
	const box = page.getByLabel('Add a comment')
	await box.pressSequentially('Could @ilar')
	const list = page.getByRole('listbox', { name: 'Colleagues to mention' })
	await expect(list.getByRole('option', { name: /Ilaria Martinelli/ })).toBeVisible()
	await box.press('Enter')
	await expect(list).toBeHidden()
	await expect(box).toHaveValue('Could @ilaria.martinelli ')
	// Arrows move through several matches.
	await box.pressSequentially('and @ma')
	await expect(list.getByRole('option').nth(1)).toBeVisible()
	await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
	await box.press('ArrowDown')
	await expect(list.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true')
	const second = (await list.getByRole('option').nth(1).textContent())!.match(/@(\S+)/)![1]!
	await box.press('Enter')
	await expect(box).toHaveValue(`Could @ilaria.martinelli and @${second} `)
	await box.pressSequentially('look at this? And @zzznobody')
	await expect(list).toBeHidden()
	await box.press('Escape')
	await page.getByRole('button', { name: 'Comment', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('Comment added.')
	await expect(page.getByRole('link', { name: '@ilaria.martinelli' }).or(page.getByText('@ilaria.martinelli')).first()).toBeVisible()
})
