import AxeBuilder from '@axe-core/playwright'
import { type Page } from '@playwright/test'
import { type Role } from '#app/utils/permissions.ts'
import { DEMO_LOGINS, expect, loginWith, test } from './fixtures.ts'

/**
 * Every page each role can reach by following links from the home page, checked with axe
 * (WCAG 2.2 A and AA, every impact) on a desktop and on a phone. A page is one route
 * pattern (ids folded) plus the states links open with ?edit= or ?confirm=, so a new page
 * is checked the day it is linked.
 */
const SKIP = [/^\/logout/, /^\/resources\//, /\/export/, /^\/set-password/, /\.(csv|json|txt|xml)$/]
const STATE_KEYS = ['edit', 'confirm', 'tab', 'table']
const MAX_PAGES = 70

function patternOf(url: URL) {
	const path = url.pathname
		.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/g, '/:id')
		.replace(/\/\d+(?=\/|$)/g, '/:n')
	const states = STATE_KEYS.filter((key) => url.searchParams.has(key)).map((key) => `${key}=`)
	return states.length ? `${path}?${states.join('&')}` : path
}

async function violations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()
	return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function crawl(page: Page) {
	const seen = new Map<string, string>()
	const queue = ['/']
	const found: Record<string, string[]> = {}
	while (queue.length && seen.size < MAX_PAGES) {
		const href = queue.shift()!
		const url = new URL(href, 'http://x')
		const pattern = patternOf(url)
		if (seen.has(pattern) || SKIP.some((re) => re.test(url.pathname))) continue
		seen.set(pattern, href)
		const response = await page.goto(href)
		if (!response || response.status() >= 400 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue
		const problems = await violations(page)
		if (problems.length) found[`${pattern} (${href})`] = problems
		const links = await page.$$eval('a[href^="/"]:not([download])', (anchors) => anchors.map((a) => a.getAttribute('href')!))
		for (const link of links) if (!seen.has(patternOf(new URL(link, 'http://x')))) queue.push(link)
	}
	return { found, pages: [...seen.keys()] }
}

const ROLES: Role[] = ['employee', 'manager', 'leader', 'admin']
for (const role of ROLES) {
	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 390, height: 844 },
	]) {
		test(`every page a ${role} reaches has no accessibility violation at ${viewport.width} px`, async ({ browser }) => {
			test.setTimeout(180_000)
			const context = await browser.newContext({ viewport })
			const page = await context.newPage()
			await loginWith(page, DEMO_LOGINS[role])
			const { found, pages } = await crawl(page)
			if (process.env.CRAWL_LIST) console.log(role, viewport.width, pages.join(' '))
			// The crawl must reach the role's own pages, or it proves nothing.
			expect(pages.length, pages.join('\n')).toBeGreaterThan(role === 'employee' ? 12 : 20)
			expect(found).toEqual({})
			await context.close()
		})
	}
}

test('the pages before signing in have no accessibility violation', async ({ browser }) => {
	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 390, height: 844 },
	]) {
		const context = await browser.newContext({ viewport })
		const page = await context.newPage()
		for (const path of ['/login', '/no-such-page']) {
			await page.goto(path)
			expect(await violations(page), `${path} at ${viewport.width} px`).toEqual([])
		}
		await context.close()
	}
})
