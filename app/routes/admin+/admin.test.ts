import { expect, test } from 'vitest'
import { listChannels } from '#app/models/taxonomy.server.ts'
import { toOptions } from '#app/models/taxonomy.ts'
import { getUserById, listUsers } from '#app/models/user.server.ts'
import { loader as organisationLoader } from '#app/routes/_org+/organisation.tsx'
import { loader as teamLoader } from '#app/routes/_org+/team.tsx'
import { action as departmentsAction } from '#app/routes/admin+/departments.tsx'
import { action as taxonomyAction, loader as taxonomyLoader } from '#app/routes/admin+/taxonomy.$kind.tsx'
import { loader as usersLoader } from '#app/routes/admin+/users._index.tsx'
import { action as editUserAction, loader as editUserLoader } from '#app/routes/admin+/users.$userId.tsx'
import { action as newUserAction } from '#app/routes/admin+/users.new.tsx'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

test.each(['employee', 'manager', 'leader'] as const)(
	'a %s gets 403 from every admin page and action, also by direct POST',
	async (role) => {
		const cookie = await sessionCookieFor(demoUser(role).id)
		const target = demoUser('employee')
		const attempts: Array<() => Promise<unknown>> = [
			() => usersLoader({ request: getRequest('/admin/users', cookie), context, params: {} }),
			() => editUserLoader({ request: getRequest(`/admin/users/${target.id}`, cookie), context, params: { userId: target.id } }),
			() =>
				editUserAction({
					request: formRequest(`/admin/users/${target.id}`, { intent: 'deactivate' }, cookie),
					context,
					params: { userId: target.id },
				}),
			() =>
				newUserAction({
					request: formRequest('/admin/users/new', { name: 'X', email: 'x@x.example', role: 'admin' }, cookie),
					context,
					params: {},
				}),
			() =>
				departmentsAction({ request: formRequest('/admin/departments', { intent: 'create', name: 'Rogue' }, cookie), context, params: {} }),
			() => taxonomyLoader({ request: getRequest('/admin/taxonomy/channels', cookie), context, params: { kind: 'channels' } }),
			() =>
				taxonomyAction({
					request: formRequest('/admin/taxonomy/channels', { intent: 'create', name: 'Rogue' }, cookie),
					context,
					params: { kind: 'channels' },
				}),
		]
		for (const attempt of attempts) expect(statusOf(await settle(attempt))).toBe(403)
		expect(getUserById(target.id)?.deactivatedAt).toBeNull()
		expect(listChannels().map((c) => c.name)).not.toContain('Rogue')
	},
)

test('without a session, pages redirect to login with a way back', async () => {
	const result = await settle(() => usersLoader({ request: getRequest('/admin/users?q=ro'), context, params: {} }))
	expect(statusOf(result)).toBe(302)
	expect((result as Response).headers.get('Location')).toBe('/login?redirectTo=%2Fadmin%2Fusers%3Fq%3Dro')
})

test('a manager sees only their department subtree; an employee has no team page; a leader sees the organisation', async () => {
	const manager = demoUser('manager') // Contact Centre: Milano and Bari below it
	const team = (await teamLoader({ request: getRequest('/team', await sessionCookieFor(manager.id)), context, params: {} })) as {
		list: { rows: Array<{ departmentName: string | null }>; total: number }
	}
	const departments = new Set(team.list.rows.map((r) => r.departmentName))
	expect([...departments].sort()).toEqual(['Contact Centre', 'Contact Centre Bari', 'Contact Centre Milano'])

	const employeeCookie = await sessionCookieFor(demoUser('employee').id)
	expect(statusOf(await settle(() => teamLoader({ request: getRequest('/team', employeeCookie), context, params: {} })))).toBe(403)
	expect(
		statusOf(await settle(() => organisationLoader({ request: getRequest('/organisation', employeeCookie), context, params: {} }))),
	).toBe(403)

	const leaderCookie = await sessionCookieFor(demoUser('leader').id)
	const org = (await organisationLoader({ request: getRequest('/organisation', leaderCookie), context, params: {} })) as {
		departments: Array<{ name: string; people: number }>
	}
	// 40 active people in the demo company, all under the root.
	expect(org.departments.find((d) => d.name === 'Banca Aurora')?.people).toBe(40)
})

test('an admin creates a user; a bad form keeps what was typed and names the problem', async () => {
	const cookie = await sessionCookieFor(demoUser('admin').id)
	const bad = await settle(() =>
		newUserAction({
			request: formRequest(
				'/admin/users/new',
				{ name: 'Nadia Esposito', email: 'giulia.rossi@aurora-bank.example', role: 'employee' },
				cookie,
			),
			context,
			params: {},
		}),
	)
	expect(statusOf(bad)).toBe(400)
	const body = JSON.stringify((bad as { data: unknown }).data)
	expect(body).toContain('validation.emailTaken')
	expect(body).toContain('Nadia Esposito')

	const ok = (await newUserAction({
		request: formRequest(
			'/admin/users/new',
			{ name: 'Nadia Esposito', email: 'Nadia.Esposito@aurora-bank.example', role: 'manager' },
			cookie,
		),
		context,
		params: {},
	})) as Response
	expect(ok.status).toBe(302)
	const created = listUsers({ query: 'nadia' }).rows[0]!
	expect(created).toMatchObject({ email: 'nadia.esposito@aurora-bank.example', role: 'manager', hasPassword: false })
	expect(ok.headers.get('Location')).toBe(`/admin/users/${created.id}`)
})

test('an admin cannot deactivate or demote themselves', async () => {
	const admin = demoUser('admin')
	const cookie = await sessionCookieFor(admin.id)
	await editUserAction({
		request: formRequest(`/admin/users/${admin.id}`, { intent: 'deactivate' }, cookie),
		context,
		params: { userId: admin.id },
	})
	expect(getUserById(admin.id)?.deactivatedAt).toBeNull()
	const demote = await settle(() =>
		editUserAction({
			request: formRequest(
				`/admin/users/${admin.id}`,
				{ intent: 'update', name: admin.name, email: admin.email, role: 'employee' },
				cookie,
			),
			context,
			params: { userId: admin.id },
		}),
	)
	expect(statusOf(demote)).toBe(400)
	expect(getUserById(admin.id)?.role).toBe('admin')
})

test('a department cannot be moved below itself', async () => {
	const cookie = await sessionCookieFor(demoUser('admin').id)
	const { listDepartments } = await import('#app/models/department.server.ts')
	const all = listDepartments()
	const care = all.find((d) => d.name === 'Customer Care')!
	const below = all.find((d) => d.name === 'Contact Centre Bari')!
	const result = await departmentsAction({
		request: formRequest('/admin/departments', { intent: 'update', id: care.id, name: 'Customer Care', parentId: below.id }, cookie),
		context,
		params: {},
	})
	expect(statusOf(result)).toBe(400)
	expect(JSON.stringify((result as { data: unknown }).data)).toContain('validation.parentCycle')
})

test('unknown taxonomy lists are a 404', async () => {
	const cookie = await sessionCookieFor(demoUser('admin').id)
	const result = await settle(() =>
		taxonomyLoader({ request: getRequest('/admin/taxonomy/colours', cookie), context, params: { kind: 'colours' } }),
	)
	expect(statusOf(result)).toBe(404)
})

test('an admin names a channel in Italian; Italian readers see it, a blank translation falls back, a long one is refused with what was typed kept', async () => {
	const cookie = await sessionCookieFor(demoUser('admin').id)
	const post = (fields: Record<string, string>) =>
		settle(() =>
			taxonomyAction({ request: formRequest('/admin/taxonomy/channels', fields, cookie), context, params: { kind: 'channels' } }),
		)
	expect(statusOf(await post({ intent: 'create', name: 'Video call', 'names.it': 'Videochiamata' }))).toBe(302)
	expect(statusOf(await post({ intent: 'create', name: 'Kiosk', 'names.it': '  ' }))).toBe(302)
	const tooLong = await post({ intent: 'create', name: 'Fax', 'names.it': 'x'.repeat(121) })
	expect(statusOf(tooLong)).toBe(400)
	expect(JSON.stringify((tooLong as { data: unknown }).data)).toContain('validation.tooLong')
	const byName = new Map(listChannels().map((c) => [c.name, c]))
	expect(byName.get('Video call')?.names).toEqual({ it: 'Videochiamata' })
	expect(byName.get('Kiosk')?.names).toEqual({})
	expect(byName.has('Fax')).toBe(false)
	expect(toOptions([byName.get('Video call')!, byName.get('Kiosk')!], 'it').map((o) => o.label)).toEqual(['Videochiamata', 'Kiosk'])
})
