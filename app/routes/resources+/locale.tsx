import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { setUserLocale } from '#app/models/user.server.ts'
import { LocaleSchema } from '#app/models/user.ts'
import { getUser } from '#app/utils/auth.server.ts'
import { plainError } from '#app/utils/http.server.ts'
import { localeCookie } from '#app/utils/locale.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'

export async function loader() {
	return redirect('/')
}

// Open to visitors too (the login page has the switcher); a signed-in user's choice is saved on the account.
export async function action({ request }: ActionFunctionArgs) {
	const user = await getUser(request)
	const formData = await request.formData()
	const parsed = LocaleSchema.safeParse(formData.get('locale'))
	if (!parsed.success) return plainError(request, user, 400, 'errors.unsupportedLanguage')
	if (user) setUserLocale(user.id, parsed.data)
	return redirect(safeRedirect(formData.get('redirectTo')), {
		headers: { 'Set-Cookie': await localeCookie.serialize(parsed.data) },
	})
}
