import { chromium } from '@playwright/test'
const [,, email, width, ...paths] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 } })
const page = await ctx.newPage()
await page.goto('http://127.0.0.1:3100/login')
await page.getByLabel('E-mail', { exact: true }).fill(email)
await page.getByLabel('Password', { exact: true }).fill('aurora-demo-2026')
await page.getByRole('button', { name: 'Log in' }).click()
await page.waitForURL((u) => !u.pathname.startsWith('/login'))
for (const [i, p] of paths.entries()) {
  const [path, action] = p.split('|')
  await page.goto('http://127.0.0.1:3100' + path)
  if (action === 'pickcard') await page.getByLabel(/moment of truth/i).selectOption({ label: 'Card lost or stolen' })
  await page.waitForTimeout(300)
  await page.screenshot({ path: `/tmp/shots/${email.split('@')[0]}-${width}-${i}.png`, fullPage: true })
}
await browser.close()
