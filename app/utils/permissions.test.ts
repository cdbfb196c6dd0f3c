import { expect, test } from 'vitest'
import { hasPermission, PERMISSIONS, roleAtLeast, ROLES, type Permission } from '#app/utils/permissions.ts'

// What each role may do; anything not listed for a role must be refused.
const EXPECTED: Partial<Record<Permission, ReadonlyArray<(typeof ROLES)[number]>>> = {
	'read:profile:own': ['employee', 'manager', 'leader', 'admin'],
	'update:profile:own': ['employee', 'manager', 'leader', 'admin'],
	'read:insight:any': ['employee', 'manager', 'leader', 'admin'],
	'create:insight:own': ['employee', 'manager', 'leader', 'admin'],
	'read:idea:any': ['employee', 'manager', 'leader', 'admin'],
	'create:idea:own': ['employee', 'manager', 'leader', 'admin'],
	'update:idea:own': ['employee', 'manager', 'leader', 'admin'],
	'create:vote:own': ['employee', 'manager', 'leader', 'admin'],
	'create:comment:own': ['employee', 'manager', 'leader', 'admin'],
	'update:comment:own': ['employee', 'manager', 'leader', 'admin'],
	'read:campaign:any': ['employee', 'manager', 'leader', 'admin'],
	'read:notification:own': ['employee', 'manager', 'leader', 'admin'],
	'read:moment:own': ['employee', 'manager', 'leader', 'admin'],
	'read:playbook:any': ['employee', 'manager', 'leader', 'admin'],
	'update:playbook:own': ['employee', 'manager', 'leader', 'admin'],
	'update:playbook:scope': ['manager', 'leader', 'admin'],
	'update:playbook:any': ['admin'],
	'create:thanks:own': ['employee', 'manager', 'leader', 'admin'],
	'read:board:any': ['admin'],
	'create:board:any': ['admin'],
	'update:board:any': ['admin'],
	'read:team:scope': ['manager', 'leader', 'admin'],
	'read:dashboard:scope': ['manager', 'leader', 'admin'],
	'read:dashboard:any': ['leader', 'admin'],
	'create:campaign:any': ['manager', 'leader', 'admin'],
	'update:campaign:own': ['manager', 'leader', 'admin'],
	'update:campaign:any': ['leader', 'admin'],
	'read:triage:scope': ['manager', 'leader', 'admin'],
	'update:triage:scope': ['manager', 'leader', 'admin'],
	'update:moderation:scope': ['manager', 'leader', 'admin'],
	'read:triage:any': ['admin'],
	'update:triage:any': ['admin'],
	'update:moderation:any': ['admin'],
	'read:audit:any': ['admin'],
	'read:organisation:any': ['leader', 'admin'],
	'read:team:any': ['admin'],
	'read:user:any': ['admin'],
	'create:user:any': ['admin'],
	'update:user:any': ['admin'],
	'read:department:any': ['admin'],
	'create:department:any': ['admin'],
	'update:department:any': ['admin'],
	'delete:department:any': ['admin'],
	'read:taxonomy:any': ['admin'],
	'create:taxonomy:any': ['admin'],
	'update:taxonomy:any': ['admin'],
	'delete:taxonomy:any': ['admin'],
}

test.each(ROLES)('the %s role has exactly its permissions', (role) => {
	const expected = Object.entries(EXPECTED)
		.filter(([, roles]) => roles?.includes(role))
		.map(([permission]) => permission)
		.sort()
	expect([...PERMISSIONS[role]].sort()).toEqual(expected)
	for (const [permission, roles] of Object.entries(EXPECTED)) {
		expect(hasPermission(role, permission as Permission)).toBe(roles?.includes(role))
	}
})

test('roles are cumulative: each role holds every permission of the roles below it', () => {
	for (const [i, role] of ROLES.entries()) {
		for (const lower of ROLES.slice(0, i)) {
			for (const permission of PERMISSIONS[lower]) expect(PERMISSIONS[role].has(permission)).toBe(true)
		}
	}
	expect(roleAtLeast('leader', 'manager')).toBe(true)
	expect(roleAtLeast('manager', 'leader')).toBe(false)
})
