// npm run admin:create -- EMAIL "Full name": the first administrator of a real installation
// (SEED_DEMO_DATA=false), or a new set-password link for an administrator who lost theirs.
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { createPasswordSetup, createUser } from '#app/models/user.server.ts'
import { EmailSchema, NameSchema } from '#app/models/user.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb } from '#db/index.ts'
import { runMigrations } from '#db/migrate.ts'
import { users } from '#db/schema.ts'

export class AdminError extends Error {}

const Input = z.object({ email: EmailSchema, name: NameSchema })

/** Returns the one-time link (valid 7 days) with which the administrator chooses a password. */
export function createAdmin(email: string, name: string | undefined, now = new Date()) {
	const parsed = Input.safeParse({ email, name: name ?? 'Administrator' })
	if (!parsed.success)
		throw new AdminError(`Give a valid e-mail address and a name: npm run admin:create -- ada@example.com "Ada Lovelace"`)
	const existing = getDb().select({ id: users.id, role: users.role }).from(users).where(eq(users.email, parsed.data.email)).get()
	if (existing && existing.role !== 'admin') {
		throw new AdminError(
			`${parsed.data.email} already has an account as ${existing.role}; an administrator changes roles in Admin → People.`,
		)
	}
	const id = existing?.id ?? createUser({ ...parsed.data, role: 'admin', departmentId: null }, null).id
	const token = createPasswordSetup(id, now)
	return { created: !existing, link: `${getEnv().APP_URL.replace(/\/$/, '')}/set-password/${token}` }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
	try {
		runMigrations(getDb(), { backupDir: getEnv().BACKUP_DIR })
		const { created, link } = createAdmin(process.argv[2] ?? '', process.argv[3])
		console.log(
			created ? `Administrator ${process.argv[2]} created.` : `${process.argv[2]} is already an administrator: here is a new link.`,
		)
		console.log(`Open this link within 7 days to choose a password (it works once; older links stop working):\n${link}`)
	} catch (error) {
		console.error(error instanceof AdminError ? error.message : error)
		process.exit(1)
	}
}
