import { expect, test } from 'vitest'
import { createDepartment, removeDepartment } from '#app/models/department.server.ts'
import { captureTaxonomy, removeEntry, updateEntry } from '#app/models/taxonomy.server.ts'
import { filterOptions } from '#app/routes/__filters.server.ts'
import { demoUser } from '#tests/utils.ts'

const ADMIN = demoUser('admin').id

test('filters and capture forms are read once, and show an admin change at once', () => {
	const before = filterOptions()
	expect(filterOptions().departments).toBe(before.departments)
	const { id: departmentId } = createDepartment({ name: 'Contact Centre Napoli', parentId: null }, ADMIN)
	expect(filterOptions().departments.map((d) => d.name)).toContain('Contact Centre Napoli')

	const stage = captureTaxonomy().stages[0]!
	updateEntry('stages', stage.id, { name: 'Discover (renamed)', names: {} }, ADMIN)
	expect(captureTaxonomy().stages[0]!.name).toBe('Discover (renamed)')
	const channel = captureTaxonomy().channels[0]!
	removeEntry('channels', channel.id, ADMIN)
	expect(captureTaxonomy().channels.map((c) => c.id)).not.toContain(channel.id)
	removeDepartment(departmentId, ADMIN)
	expect(filterOptions().departments.map((d) => d.id)).not.toContain(departmentId)
})
