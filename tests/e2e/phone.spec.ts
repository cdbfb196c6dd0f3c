import { DEMO_LOGINS, expect, loginWith, test } from './fixtures.ts'

test.use({ viewport: { width: 390, height: 844 } })

test('on a phone the heatmap says it scrolls sideways and keeps the event names in view', async ({ page }) => {
	await loginWith(page, DEMO_LOGINS.leader)
	await page.goto('/dashboard')
	const map = page.getByRole('region', { name: 'Heatmap: critical events by journey stage' })
	await expect(page.getByText(/Swipe sideways to see all \d+ stages\./)).toBeVisible()
	const firstEvent = map.getByRole('rowheader').first()
	const before = await firstEvent.boundingBox()
	// The keyboard scrolls it too: the region takes focus.
	await map.focus()
	for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
	await expect.poll(() => map.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
	await map.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
	// The event column stays where it was while the stages move under it.
	expect((await firstEvent.boundingBox())?.x).toBe(before?.x)
	const last = await map.getByRole('columnheader', { name: 'Renew or leave' }).boundingBox()
	const region = await map.boundingBox()
	expect(last!.x + last!.width).toBeLessThanOrEqual(region!.x + region!.width + 1)
	// At the end, the hint and the shade go.
	await expect(page.getByText(/Swipe sideways to see all \d+ stages\./)).toBeHidden()
})

test('on a phone the people list and the audit log are cards: an e-mail reads on one or two lines', async ({ page }) => {
	await loginWith(page, DEMO_LOGINS.admin)
	await page.goto('/admin/users')
	const email = page.getByRole('cell', { name: 'alessandro.rizzo@aurora-bank.example' })
	await expect(email).toBeVisible()
	const box = await email.boundingBox()
	expect(box!.height, 'the e-mail cell is at most two lines tall').toBeLessThanOrEqual(2 * 24 + 8)
	expect(box!.width).toBeGreaterThan(250)
	// Each value says which column it is.
	await expect(page.locator('td[data-label="E-mail"]').first()).toBeVisible()
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

	await page.goto('/admin/audit')
	await expect(page.getByRole('cell').first()).toBeVisible()
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
})
