import { expect, test } from 'vitest'
import { createDepartment, listDepartments, removeDepartment, restoreDepartment } from '#app/models/department.server.ts'
import { createEntry, listChannels, listEvents, listStages, moveStage, removeEntry, restoreEntry } from '#app/models/taxonomy.server.ts'
import { getDb } from '#db/index.ts'
import { users } from '#db/schema.ts'
import { demoUser } from '#tests/utils.ts'

const ADMIN = demoUser('admin').id

test('a journey stage still used by a critical event is retired, not deleted', () => {
	const pay = listStages().find((s) => s.name === 'Pay')!
	expect(removeEntry('stages', pay.id, ADMIN)).toBe('retired')
	// Gone from pickers, still there for what refers to it.
	expect(listStages().map((s) => s.name)).not.toContain('Pay')
	expect(listStages({ includeRetired: true }).find((s) => s.id === pay.id)?.retiredAt).toBeInstanceOf(Date)
	expect(listEvents().filter((e) => e.defaultStageId === pay.id).length).toBeGreaterThan(0)
	expect(restoreEntry('stages', pay.id, ADMIN)).toBe(true)
	expect(listStages().map((s) => s.name)).toContain('Pay')
})

test('an entry nothing refers to is deleted for good', () => {
	const { id } = createEntry('channels', { name: 'Carrier pigeon', names: { it: 'Piccione viaggiatore' } }, ADMIN)
	expect(listChannels().map((c) => c.name)).toContain('Carrier pigeon')
	expect(removeEntry('channels', id, ADMIN)).toBe('deleted')
	expect(listChannels({ includeRetired: true }).map((c) => c.id)).not.toContain(id)
	expect(removeEntry('channels', id, ADMIN)).toBe('not-found')
})

test('a stage whose events are gone can be deleted', () => {
	const stage = createEntry('stages', { name: 'Complain', names: { it: 'Reclamo' } }, ADMIN)
	const event = createEntry('events', { name: 'Double charge', names: {}, defaultStageId: stage.id }, ADMIN)
	expect(removeEntry('stages', stage.id, ADMIN)).toBe('retired')
	expect(removeEntry('events', event.id, ADMIN)).toBe('deleted')
	restoreEntry('stages', stage.id, ADMIN)
	expect(removeEntry('stages', stage.id, ADMIN)).toBe('deleted')
})

test('new stages go last and can be reordered both ways', () => {
	const stage = createEntry('stages', { name: 'Refer a friend', names: {} }, ADMIN)
	const names = () => listStages().map((s) => s.name)
	expect(names().at(-1)).toBe('Refer a friend')
	expect(moveStage(stage.id, 'up', ADMIN)).toBe(true)
	expect(names().slice(-2)).toEqual(['Refer a friend', 'Renew or leave'])
	expect(moveStage(stage.id, 'down', ADMIN)).toBe(true)
	expect(names().at(-1)).toBe('Refer a friend')
	expect(moveStage(stage.id, 'down', ADMIN)).toBe(false)
	expect(moveStage(listStages()[0]!.id, 'up', ADMIN)).toBe(false)
})

test('a department with people or sub-departments is retired; an empty one is deleted', () => {
	const withPeople = listDepartments().find((d) => d.name === 'Contact Centre Milano')!
	expect(removeDepartment(withPeople.id, ADMIN)).toBe('retired')
	expect(listDepartments().map((d) => d.id)).not.toContain(withPeople.id)
	// The people keep their department.
	const stillThere = getDb().select({ departmentId: users.departmentId }).from(users).all()
	expect(stillThere.some((u) => u.departmentId === withPeople.id)).toBe(true)
	expect(restoreDepartment(withPeople.id, ADMIN)).toBe(true)

	const parent = createDepartment({ name: 'Innovation Lab', parentId: null }, ADMIN)
	const child = createDepartment({ name: 'Prototypes', parentId: parent.id }, ADMIN)
	expect(removeDepartment(parent.id, ADMIN)).toBe('retired')
	expect(removeDepartment(child.id, ADMIN)).toBe('deleted')
})
