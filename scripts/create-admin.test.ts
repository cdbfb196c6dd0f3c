import { AdminError, createAdmin } from '#scripts/create-admin.ts'
import { expect, test } from 'vitest'
import { findPasswordSetup } from '#app/models/user.server.ts'
import { action as setPasswordAction } from '#app/routes/_auth+/set-password.$token.tsx'
import { DEMO_LOGINS } from '#db/seed.ts'
import { context, formRequest } from '#tests/utils.ts'

test('the first administrator gets a one-time link to choose a password; asking again gives a new link', async () => {
	const first = createAdmin('Ada.Lovelace@Example.com', 'Ada Lovelace')
	expect(first.created).toBe(true)
	expect(first.link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/set-password\/[\w-]+\.[\w-]+$/)
	const token = first.link.split('/').pop()!
	const again = createAdmin('ada.lovelace@example.com', undefined)
	expect(again.created).toBe(false)
	// The older link stopped working; the new one sets the password and signs in.
	const fields = { password: 'a long enough password', confirm: 'a long enough password' }
	expect(findPasswordSetup(token)).toBeNull()
	const fresh = again.link.split('/').pop()!
	const done = await setPasswordAction({ request: formRequest(`/set-password/${fresh}`, fields), context, params: { token: fresh } })
	expect((done as Response).status).toBe(302)
})

test('bad input and an existing non-admin account are refused with a message', () => {
	expect(() => createAdmin('not-an-address', 'Ada')).toThrowError(AdminError)
	expect(() => createAdmin(DEMO_LOGINS.employee, 'Giulia')).toThrowError(/already has an account as employee/)
})
