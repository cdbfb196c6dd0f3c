/** The roles, from least to most access; the database stores one per user. */
export const ROLES = ['employee', 'manager', 'leader', 'admin'] as const
export type Role = (typeof ROLES)[number]

// Permissions live in code; the database stores only each user's role.
// `scope` means the user's own department and everything below it.
type Access = 'own' | 'scope' | 'any'
type Verb = 'read' | 'create' | 'update' | 'delete' | 'export'
type Entity =
	| 'profile'
	| 'team'
	| 'organisation'
	| 'dashboard'
	| 'user'
	| 'department'
	| 'taxonomy'
	| 'insight'
	| 'idea'
	| 'vote'
	| 'comment'
	| 'campaign'
	| 'notification'
	| 'triage'
	| 'moderation'
	| 'audit'
	| 'moment'
	| 'playbook'
	| 'thanks'
	| 'board'
export type Permission = `${Verb}:${Entity}:${Access}`

const employee = [
	'read:profile:own',
	'update:profile:own',
	'read:insight:any',
	'create:insight:own',
	'read:idea:any',
	'create:idea:own',
	'update:idea:own',
	'create:vote:own',
	'create:comment:own',
	'update:comment:own',
	'read:campaign:any',
	'read:notification:own',
	'read:moment:own',
	'read:playbook:any',
	'update:playbook:own',
	'create:thanks:own',
] as const satisfies Permission[]
const manager = [
	...employee,
	'read:team:scope',
	'read:dashboard:scope',
	'create:campaign:any',
	'update:campaign:own',
	'read:triage:scope',
	'update:triage:scope',
	'update:moderation:scope',
	'update:playbook:scope',
] as const satisfies Permission[]
const leader = [...manager, 'read:organisation:any', 'read:dashboard:any', 'update:campaign:any'] as const satisfies Permission[]
const admin = [
	...leader,
	'read:team:any',
	'read:user:any',
	'create:user:any',
	'update:user:any',
	'read:department:any',
	'create:department:any',
	'update:department:any',
	'delete:department:any',
	'read:taxonomy:any',
	'create:taxonomy:any',
	'update:taxonomy:any',
	'delete:taxonomy:any',
	'read:triage:any',
	'update:triage:any',
	'update:moderation:any',
	'read:audit:any',
	'update:playbook:any',
	'read:board:any',
	'create:board:any',
	'update:board:any',
] as const satisfies Permission[]

export const PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
	employee: new Set(employee),
	manager: new Set(manager),
	leader: new Set(leader),
	admin: new Set(admin),
}

export function hasPermission(role: Role, permission: Permission) {
	return PERMISSIONS[role].has(permission)
}

/** Roles are cumulative: each role can do what the roles before it can. */
export function roleAtLeast(role: Role, minimum: Role) {
	return ROLES.indexOf(role) >= ROLES.indexOf(minimum)
}
