import { type Page } from '@playwright/test'
import { DEMO_LOGINS, expect, loginWith, test } from './fixtures.ts'

/**
 * Every "·" separator a reader can see, with whether it is the first or the last thing on its
 * line. Separators are either text or a list item's ::before; a separator clipped away by an
 * ancestor (overflow hidden) is not seen.
 */
async function straySeparators(page: Page) {
	return page.evaluate(() => {
		const stray: string[] = []
		const clippedAway = (x: number, y: number, from: Element) => {
			for (let el: Element | null = from; el; el = el.parentElement) {
				if (getComputedStyle(el).overflowX !== 'hidden') continue
				const box = el.getBoundingClientRect()
				if (x < box.left || x > box.right || y < box.top || y > box.bottom) return true
			}
			return false
		}
		// Whether a word sits on the same line to the left (before) or right (after) of the rect.
		const neighbours = (block: Element, rect: DOMRect) => {
			let before = false
			let after = false
			const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				for (const word of (node.textContent ?? '').matchAll(/[^\s·]+/g)) {
					const range = document.createRange()
					range.setStart(node, word.index)
					range.setEnd(node, word.index + word[0].length)
					for (const r of range.getClientRects()) {
						if (!r.width || Math.abs(r.top + r.height / 2 - (rect.top + rect.height / 2)) > rect.height / 2) continue
						if (r.right <= rect.left + 1) before = true
						if (r.left >= rect.right - 1) after = true
					}
				}
			}
			return { before, after }
		}
		const block = (el: Element) => el.closest('p, div, li:not(li li), article') ?? el
		for (const el of document.querySelectorAll('main *')) {
			const before = getComputedStyle(el, '::before')
			if (before.content.startsWith('"·"')) {
				const li = el.getBoundingClientRect()
				const x = li.left + parseFloat(before.left || '0')
				const rect = new DOMRect(x, li.top, 4, li.height)
				if (clippedAway(x + 2, li.top + li.height / 2, el)) continue
				const n = neighbours(block(el.parentElement ?? el), rect)
				if (!n.before || !n.after) stray.push((el.parentElement?.textContent ?? '').slice(0, 80))
			}
			for (const node of el.childNodes) {
				if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.includes('·')) continue
				const text = node.textContent
				for (let i = text.indexOf('·'); i >= 0; i = text.indexOf('·', i + 1)) {
					const range = document.createRange()
					range.setStart(node, i)
					range.setEnd(node, i + 1)
					const rect = range.getBoundingClientRect()
					if (!rect.width) continue
					const n = neighbours(block(el), rect)
					if (!n.before || !n.after) stray.push((el.textContent ?? '').slice(0, 80))
				}
			}
		}
		return stray
	})
}

test('on a phone, lines of facts wrap without a stray "·" at either end', async ({ browser }) => {
	for (const [who, paths] of [
		[DEMO_LOGINS.employee, ['/ideas', '/insights', '/campaigns', '/you-said-we-did']],
		[DEMO_LOGINS.manager, ['/triage', '/dashboard']],
	] as const) {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
		const page = await context.newPage()
		await loginWith(page, who)
		for (const path of paths) {
			await page.goto(path)
			expect(await straySeparators(page), `separators at a line's end on ${path}`).toEqual([])
		}
		await context.close()
	}
})

test("the home page's moments open what was heard about them", async ({ page, login, browser }) => {
	await login('employee')
	await page.getByRole('link', { name: 'Card lost or stolen' }).click()
	await expect(page).toHaveURL(/\/insights\?event=/)
	await expect(page.getByLabel('Moment of truth')).toHaveValue(/.+/)
	await expect(page.getByLabel('Moment of truth').locator('option:checked')).toHaveText('Card lost or stolen')

	const context = await browser.newContext()
	const manager = await context.newPage()
	await loginWith(manager, DEMO_LOGINS.manager)
	await manager.getByRole('link', { name: 'Card lost or stolen' }).click()
	await expect(manager).toHaveURL(/\/moments\//)
	await expect(manager.getByRole('heading', { level: 1 })).toContainText('Card lost or stolen')
	await context.close()
})

test('the taxonomy add form is empty again after an entry is added, and keeps what was typed when refused', async ({ page, login }) => {
	await login('admin')
	await page.goto('/admin/taxonomy/channels')
	const add = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add' }) })
	await add.getByLabel('Name', { exact: true }).fill('Carrier pigeon')
	await add.getByRole('button', { name: 'Add' }).click()
	await expect(page.getByRole('status')).toHaveText('Entry added.')
	await expect(add.getByLabel('Name', { exact: true })).toHaveValue('')

	// A duplicate is refused and stays typed.
	await add.getByLabel('Name', { exact: true }).fill('Carrier pigeon')
	await add.getByRole('button', { name: 'Add' }).click()
	await expect(add.getByLabel('Name', { exact: true })).toHaveValue('Carrier pigeon')
	await expect(add.getByRole('alert').or(add.locator('[id$="-error"]')).first()).toBeVisible()

	// Leave the shared demo data as it was.
	await page.getByRole('link', { name: 'Delete: Carrier pigeon' }).click()
	await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
	await expect(page.getByRole('status')).toHaveText('Entry deleted.')
})
