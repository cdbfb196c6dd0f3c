import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
// The wall screen
{
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await ctx.newPage()
  await page.goto('http://127.0.0.1:3100/board')
  await page.screenshot({ path: '/tmp/shots/board-signin.png' })
  await page.getByLabel('Board token').fill('demo-contact-centre.aurora-demo-2026-wall-screen')
  await page.getByRole('button', { name: 'Show the board' }).click()
  await page.waitForTimeout(500)
  await page.screenshot({ path: '/tmp/shots/board.png' })
  await ctx.close()
}
async function as(email, width, shots) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await ctx.newPage()
  await page.goto('http://127.0.0.1:3100/login')
  await page.getByLabel('E-mail', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill('aurora-demo-2026')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  for (const [name, path] of shots) {
    await page.goto('http://127.0.0.1:3100' + path)
    await page.waitForTimeout(200)
    await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true })
  }
  await ctx.close()
}
const ev = process.argv[2]
const ins = process.argv[3]
await as('giulia.rossi@aurora-bank.example', 390, [['g-thanks', '/profile?tab=thanks'], ['g-insight', `/insights/${ins}`], ['g-week', '/moments/week'], ['g-settings', '/settings']])
await as('marco.ferri@aurora-bank.example', 1280, [['m-team', '/team'], ['m-playbook', `/moments/${ev}`]])
await as('paolo.greco@aurora-bank.example', 1280, [['a-boards', '/admin/boards'], ['a-departments', '/admin/departments']])
await browser.close()
