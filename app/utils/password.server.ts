import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
// The package's default algorithm is argon2id (its Algorithm enum is const, unusable with isolatedModules).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string) {
	return hash(password, options)
}

export function verifyPassword(passwordHash: string, password: string) {
	return verify(passwordHash, password)
}

let dummyHash: Promise<string> | undefined
/** Spends the same time as a real check, so a login cannot tell unknown e-mails apart. */
export async function verifyAgainstDummy(password: string) {
	dummyHash ??= hashPassword('voce-dummy-password-for-timing')
	await verify(await dummyHash, password)
	return false
}
