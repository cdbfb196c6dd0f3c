import { parseWithZod } from '@conform-to/zod/v4'
import { getDepartment } from '#app/models/department.server.ts'
import { UserFormSchema } from '#app/models/user.ts'
import { emailTaken } from '#app/models/user.server.ts'

/** The admin user form, with the checks that need the database. */
export function parseUserForm(formData: FormData, exceptUserId?: string) {
	return parseWithZod(formData, {
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
