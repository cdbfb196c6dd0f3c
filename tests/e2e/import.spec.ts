import { expect, test } from './fixtures.ts'

test('an admin uploads a people file, sees what would change and what is wrong by line, and imports the valid lines', async ({
	page,
	login,
}) => {
	await login('admin')
	await page.goto('/admin/users')
	await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Import people' }).click()
	await expect(page.getByRole('heading', { name: 'Import people and departments', level: 1 })).toBeVisible()
	await page.getByRole('button', { name: 'Preview' }).click()
	// A file is needed (the browser says so before the server does).
	await expect(page).toHaveURL(/\/admin\/import$/)
	await page.getByLabel('CSV file').setInputFiles({
		name: 'hr-export.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			[
				'email;nome;reparto;ruolo',
				'alba.ferri@aurora-bank.example;Alba Ferri;Contact Centre Bari;',
				'not-an-address;Nobody;;',
				'bruno.lodi@aurora-bank.example;Bruno Lodi;Atlantis;',
			].join('\n'),
		),
	})
	await page.getByRole('button', { name: 'Preview' }).click()
	await expect(page.getByRole('heading', { name: 'Check the import', level: 1 })).toBeVisible()
	const counts = page.getByTestId('import-counts')
	await expect(counts).toContainText('1 to create')
	await expect(counts).toContainText('2 lines with problems')
	const problems = page.getByRole('table')
	await expect(problems.getByRole('row', { name: /3 not-an-address/ })).toContainText('is not an e-mail address')
	await expect(problems.getByRole('row', { name: /4 bruno.lodi/ })).toContainText('No department “Atlantis”')
	await page.getByRole('button', { name: 'Import the 1 valid line' }).click()
	await expect(page.getByText('Imported: 1 created, 0 changed, 0 deactivated.')).toBeVisible()
	await page.goto('/admin/users?q=alba')
	await expect(page.getByRole('link', { name: 'Alba Ferri' })).toBeVisible()
})
