import { eq, lt } from 'drizzle-orm'
import { audit } from '#app/models/audit.server.ts'
import { listDepartments } from '#app/models/department.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { ROLES, type Role } from '#app/utils/permissions.ts'
import { writeTransaction } from '#db/index.ts'
import { samlAssertions, users } from '#db/schema.ts'

// Who an identity from single sign-on is in Voce (decision 062): the account with its e-mail
// address, or, when SSO_CREATE_ACCOUNTS allows it, a new one in the department and role its
// claims map to. The same for OpenID Connect and SAML.

export type Identity = {
	email: string
	name: string | null
	/** A department's name, or its path from the top ("Retail Banking/Lending"). */
	department: string | null
	groups: string[]
	via: 'oidc' | 'saml'
}

export type SsoOutcome =
	| { ok: true; userId: string; created: boolean }
	| { ok: false; reason: 'sso.errors.deactivated' | 'sso.errors.noAccount' | 'sso.errors.noEmail' }

const fold = (text: string) => text.trim().toLowerCase()

/** The active department a claim names, by its path from the top or, when unique, by its name alone. */
export function departmentFromClaim(value: string | null) {
	if (!value?.trim()) return null
	const rows = listDepartments()
	const byId = new Map(rows.map((d) => [d.id, d]))
	const path = (id: string | null): string[] => {
		const row = id ? byId.get(id) : undefined
		return row ? [...path(row.parentId), fold(row.name)] : []
	}
	const wanted = value.split('/').map(fold).filter(Boolean)
	const full = rows.find((d) => path(d.id).join('/') === wanted.join('/'))
	if (full) return full.id
	// A path below the top ("Retail Banking/Lending") or a name alone, when only one department ends so.
	const ending = rows.filter((d) => path(d.id).slice(-wanted.length).join('/') === wanted.join('/'))
	return ending.length === 1 ? ending[0]!.id : null
}

/** The highest role the person's groups map to, or the default. */
export function roleFromGroups(groups: string[]): Role {
	const held = new Set(groups.map(fold))
	const mapped = getEnv()
		.SSO_ROLE_MAP.filter(([group]) => held.has(fold(group)))
		.map(([, role]) => role)
	return mapped.sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a))[0] ?? getEnv().SSO_DEFAULT_ROLE
}

/** The Voce account an SSO identity signs in to, created just in time when allowed. */
export function accountForIdentity(identity: Identity, now = new Date()): SsoOutcome {
	const email = fold(identity.email)
	if (!email.includes('@')) return { ok: false, reason: 'sso.errors.noEmail' }
	return writeTransaction((tx) => {
		const existing = tx.select({ id: users.id, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.email, email)).get()
		if (existing) {
			return existing.deactivatedAt ? { ok: false, reason: 'sso.errors.deactivated' } : { ok: true, userId: existing.id, created: false }
		}
		if (!getEnv().SSO_CREATE_ACCOUNTS) return { ok: false, reason: 'sso.errors.noAccount' }
		const role = roleFromGroups(identity.groups)
		const departmentId = departmentFromClaim(identity.department)
		const name = identity.name?.trim() || email.split('@')[0]!
		const created = tx
			.insert(users)
			.values({ email, name: name.slice(0, 120), role, departmentId, createdAt: now })
			.returning({ id: users.id })
			.get()
		// The person is the actor of their own account's creation: no admin made it.
		audit(tx, created.id, 'user.sso', { type: 'user', id: created.id }, { role, department: departmentId, via: identity.via }, now)
		return { ok: true, userId: created.id, created: true }
	})
}

const HOUR = 3_600_000

/**
 * True the first time a SAML assertion is used to sign in, false for a replay. Its id is kept
 * until the hour after it expires: the stored time says nothing finer about when someone signed in.
 */
export function firstUseOfAssertion(id: string, expiresAt: Date, now = new Date()) {
	return writeTransaction((tx) => {
		tx.delete(samlAssertions).where(lt(samlAssertions.expiresAt, now)).run()
		const keptUntil = new Date(Math.ceil(Math.max(expiresAt.getTime(), now.getTime()) / HOUR) * HOUR + HOUR)
		return tx.insert(samlAssertions).values({ id, expiresAt: keptUntil }).onConflictDoNothing().run().changes === 1
	})
}
