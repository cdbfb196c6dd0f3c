import { expect, test } from 'vitest'
import { createDepartment } from '#app/models/department.server.ts'
import { DEPARTMENT_CHOICES } from '#app/models/department.ts'
import { loader as ideasLoader } from '#app/routes/ideas+/_index.tsx'
import { loader as insightsLoader } from '#app/routes/insights+/_index.tsx'
import { context, demoUser, getRequest, sessionCookieFor } from '#tests/utils.ts'

const ADMIN = demoUser('admin').id

type Options = { options: { departments: Array<{ id: string; depth: number }>; departmentsPartial: boolean } }

test('a large company’s department filter lists the top levels, then the chosen department’s teams; filtering by any team works', async () => {
	const cookie = await sessionCookieFor(demoUser('employee').id)
	const load = async (query = '') =>
		((await insightsLoader({ request: getRequest(`/insights${query}`, cookie), context, params: {} })) as unknown as Options).options
	const small = await load()
	expect(small.departmentsPartial).toBe(false)

	// Enough teams under one new division to pass the limit.
	const division = createDepartment({ name: 'Zeta Division', parentId: null }, ADMIN).id
	const area = createDepartment({ name: 'Zeta Area', parentId: division }, ADMIN).id
	const teams = Array.from({ length: DEPARTMENT_CHOICES }, (_, i) => createDepartment({ name: `Zeta Team ${i}`, parentId: area }, ADMIN).id)

	const top = await load()
	expect(top.departmentsPartial).toBe(true)
	expect(top.departments.length).toBeLessThanOrEqual(DEPARTMENT_CHOICES)
	expect(top.departments.map((d) => d.id)).toContain(area)
	expect(top.departments.map((d) => d.id)).not.toContain(teams[0])

	const chosen = await load(`?department=${area}`)
	expect(chosen.departments.map((d) => d.id)).toEqual(expect.arrayContaining(teams))
	const team = await load(`?department=${teams[7]}`)
	expect(team.departments.map((d) => d.id)).toContain(teams[7])

	const feed = (
		(await ideasLoader({ request: getRequest(`/ideas?department=${teams[3]}`, cookie), context, params: {} })) as unknown as Options
	).options
	expect(feed.departments.map((d) => d.id)).toEqual(expect.arrayContaining(teams))
})
