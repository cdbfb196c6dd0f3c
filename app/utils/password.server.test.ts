import { expect, test } from 'vitest'
import { hashPassword, verifyPassword } from '#app/utils/password.server.ts'

test('passwords are hashed with argon2id and verified', async () => {
	const hash = await hashPassword('correct horse battery staple')
	expect(hash.startsWith('$argon2id$')).toBe(true)
	expect(hash).not.toContain('correct horse')
	expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true)
	expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false)
})

test('the same password hashes differently each time (salted)', async () => {
	const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')])
	expect(a).not.toBe(b)
})
