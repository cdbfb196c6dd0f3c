import { redirect } from '@remix-run/node'
import { inviteUser } from '#app/models/account.server.ts'
import { getDepartment } from '#app/models/department.server.ts'
import { emailTaken } from '#app/models/user.server.ts'
import { UserFormSchema } from '#app/models/user.ts'
import { flashCookie } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'

/** The admin user form, with the checks that need the database. */
export function parseUserForm(formData: FormData, exceptUserId?: string) {
	return parseForm(formData, {
		schema: UserFormSchema.superRefine((value, ctx) => {
			if (emailTaken(value.email, exceptUserId)) {
				ctx.addIssue({ code: 'custom', path: ['email'], message: 'validation.emailTaken' })
			}
			const department = value.departmentId ? getDepartment(value.departmentId) : null
			if (value.departmentId && (!department || department.retiredAt)) {
				ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'validation.unknownDepartment' })
			}
		}),
	})
}

/**
 * Invites the person: a new one-time set-password link, e-mailed to them and flashed so the admin
 * sees it once on the user's page (to pass on when the e-mail cannot reach them).
 */
export async function redirectWithInvitation(userId: string, adminId: string, messages: { emailed: MessageKey; notEmailed: MessageKey }) {
	const { url, emailed } = await inviteUser(userId, adminId)
	const toast = emailed ? { kind: 'success' as const, message: messages.emailed } : { kind: 'error' as const, message: messages.notEmailed }
	return redirect(`/admin/users/${userId}`, {
		headers: { 'Set-Cookie': await flashCookie({ toast, setupLink: { userId, url } }) },
	})
}
