import { expect, test } from './fixtures.ts'

test('an admin creates a SCIM token; the directory provisions a person over HTTP and deactivates them; the token is revoked', async ({
	page,
	login,
	request,
}) => {
	await login('admin')
	await page.goto('/admin/users')
	await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'SCIM provisioning' }).click()
	await expect(page.getByRole('heading', { name: 'SCIM provisioning', level: 1 })).toBeVisible()
	await page.getByLabel('Name', { exact: true }).fill('Entra ID provisioning')
	await page.getByRole('button', { name: 'Create a token' }).click()
	const token = (await page.getByTestId('scim-token').textContent())!.trim()
	await page.reload()
	// Shown once.
	await expect(page.getByTestId('scim-token')).toHaveCount(0)

	const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' }
	const created = await request.post('/scim/v2/Users', {
		headers,
		data: {
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
			userName: 'giorgio.villa@aurora-bank.example',
			displayName: 'Giorgio Villa',
			externalId: 'ext-7781',
			active: true,
			'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Lending' },
		},
	})
	expect(created.status()).toBe(201)
	expect(created.headers()['content-type']).toBe('application/scim+json')
	const { id } = (await created.json()) as { id: string }
	const broken = await request.post('/scim/v2/Users', { headers, data: '{"userName":' })
	expect(broken.status()).toBe(400)
	expect(((await broken.json()) as { scimType: string }).scimType).toBe('invalidSyntax')

	await page.goto('/admin/users?q=villa')
	await expect(page.getByRole('link', { name: 'Giorgio Villa' })).toBeVisible()

	const off = await request.patch(`/scim/v2/Users/${id}`, {
		headers,
		data: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
	})
	expect(((await off.json()) as { active: boolean }).active).toBe(false)

	await page.goto('/admin/scim')
	await expect(page.getByText(/Last used/)).toBeVisible()
	await page.getByRole('link', { name: 'Revoke: Entra ID provisioning' }).click()
	await page.getByRole('button', { name: 'Revoke' }).click()
	await expect(page.getByText('Token revoked.')).toBeVisible()
	expect((await request.get('/scim/v2/Users', { headers })).status()).toBe(401)
})
