import { redirect } from '@remix-run/node'
import { getDepartment } from '#app/models/department.server.ts'
import { createPasswordSetup, emailTaken } from '#app/models/user.server.ts'
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

/** A new one-time set-password link, flashed so the admin sees it once on the user's page. */
export async function redirectWithSetupLink(request: Request, userId: string, adminId: string, message: MessageKey) {
	const token = createPasswordSetup(userId, new Date(), adminId)
	const url = `${new URL(request.url).origin}/set-password/${token}`
	return redirect(`/admin/users/${userId}`, {
		headers: { 'Set-Cookie': await flashCookie({ toast: { kind: 'success', message }, setupLink: { userId, url } }) },
	})
}
