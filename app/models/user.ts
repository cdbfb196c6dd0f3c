import { z } from 'zod'
import { LOCALES } from '#app/locales/index.ts'
import { ROLES, type Role } from '#app/utils/permissions.ts'

/** Who is signed in, as every loader and action receives them (`requireUser`). */
export type SessionUser = {
	id: string
	email: string
	name: string
	role: Role
	departmentId: string | null
	locale: string | null
}
/** What the scope and permission rules need of a person. */
export type Actor = Pick<SessionUser, 'id' | 'role' | 'departmentId'>

export const EMAIL_DIGESTS = ['off', 'immediate', 'daily'] as const
export type EmailDigest = (typeof EMAIL_DIGESTS)[number]
/** The weekly moments-of-truth digest: as the department's default, or the person's own choice. */
export const MOMENTS_DIGESTS = ['default', 'on', 'off'] as const
export type MomentsDigest = (typeof MOMENTS_DIGESTS)[number]

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 200
export const NAME_MAX = 120
export const EMAIL_MAX = 254

export const EmailSchema = z
	.string({ error: 'validation.required' })
	.trim()
	.min(1, 'validation.required')
	.max(EMAIL_MAX, 'validation.tooLong')
	.pipe(z.email('validation.email'))
	.transform((value) => value.toLowerCase())

export const NameSchema = z
	.string({ error: 'validation.required' })
	.trim()
	.min(1, 'validation.required')
	.max(NAME_MAX, 'validation.tooLong')

export const NewPasswordSchema = z
	.string({ error: 'validation.required' })
	.min(PASSWORD_MIN, 'validation.passwordTooShort')
	.max(PASSWORD_MAX, 'validation.tooLong')

export const RoleSchema = z.enum(ROLES, { error: 'validation.required' })
export const LocaleSchema = z.enum(LOCALES)

export const UserFormSchema = z.object({
	name: NameSchema,
	email: EmailSchema,
	role: RoleSchema,
	departmentId: z.string().trim().optional(),
})
