export const AUDIT_ACTIONS = [
	'idea.status',
	'idea.merge',
	'idea.evaluate',
	'content.hide',
	'content.restore',
	'user.role',
	'user.deactivate',
	'user.reactivate',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]
export const AUDIT_PAGE_SIZE = 50
