import { type IdeaStatus } from '#app/models/idea.ts'
import { type T } from '#app/utils/i18n.ts'
import { type Role } from '#app/utils/permissions.ts'

/** Everything an administrator or a manager can change that the log keeps. */
export const AUDIT_ACTIONS = [
	'idea.status',
	'idea.update',
	'idea.merge',
	'idea.evaluate',
	'content.hide',
	'content.restore',
	'content.keep',
	'user.create',
	'user.update',
	'user.role',
	'user.invite',
	'user.sso',
	'user.deactivate',
	'user.reactivate',
	'department.create',
	'department.update',
	'department.remove',
	'department.restore',
	'taxonomy.create',
	'taxonomy.update',
	'taxonomy.move',
	'taxonomy.remove',
	'taxonomy.restore',
	'emerging.adopt',
	'emerging.dismiss',
	'campaign.create',
	'campaign.update',
	'playbook.edit',
	'board.create',
	'board.revoke',
	'scim.token-create',
	'scim.token-revoke',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_TARGETS = ['idea', 'insight', 'comment', 'user', 'department', 'stage', 'event', 'channel', 'campaign', 'board'] as const
export type AuditTargetType = (typeof AUDIT_TARGETS)[number]

export const AUDIT_PAGE_SIZE = 50
/** The most rows one CSV export holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 50_000

/**
 * The facts an entry records, each under a field name. A value that names a record (an
 * idea, a person, a department) is stored as its id and shown by its current name; a
 * status or a role is stored as its code and shown in the reader's language. A taxonomy
 * entry or a department may be deleted later, so those entries also keep the name it had.
 */
export const AUDIT_FIELDS = {
	status: 'status',
	role: 'role',
	into: 'idea',
	owner: 'user',
	department: 'department',
	parent: 'department',
	impact: 'number',
	effort: 'number',
	scores: 'text',
	criteria: 'text',
	sponsor: 'text',
	period: 'text',
	name: 'text',
	email: 'text',
	title: 'text',
	reason: 'text',
	note: 'text',
	direction: 'direction',
	outcome: 'outcome',
	language: 'text',
	version: 'number',
	customerFacing: 'flag',
	insights: 'number',
	via: 'text',
} as const
export type AuditField = keyof typeof AUDIT_FIELDS
type Raw = string | number | null
/** What the writer passes: a value, or a change from one value to another. */
export type AuditDetail = Partial<Record<AuditField, Raw | { from: Raw; to: Raw }>>

/** A stored value ready to show: the component (or the CSV) translates codes and builds links. */
export type AuditValue =
	| { kind: 'none' }
	| { kind: 'text'; text: string }
	| { kind: 'number'; value: number }
	| { kind: 'status'; status: IdeaStatus }
	| { kind: 'role'; role: Role }
	| { kind: 'direction'; direction: 'up' | 'down' }
	| { kind: 'flag'; on: boolean }
	| { kind: 'outcome'; outcome: 'deleted' | 'retired' }
	| { kind: 'idea' | 'user' | 'department'; id: string; name: string | null }
export type AuditFact = { field: AuditField; from?: AuditValue; value: AuditValue }

/** A value as words in the reader's language (the page adds links; the CSV uses this). */
export function auditValueText(value: AuditValue, t: T): string {
	switch (value.kind) {
		case 'none':
			return t('audit.values.none')
		case 'text':
			return value.text
		case 'number':
			return String(value.value)
		case 'status':
			return t(`statuses.${value.status}`)
		case 'role':
			return t(`roles.${value.role}`)
		case 'direction':
			return t(`audit.values.${value.direction}`)
		case 'outcome':
			return t(`audit.values.${value.outcome}`)
		case 'flag':
			return t(value.on ? 'audit.values.yes' : 'audit.values.no')
		default:
			return value.name ?? t('audit.values.gone')
	}
}

/** "Status: Submitted → In review", "Reason: …". */
export function auditFactText(fact: AuditFact, t: T) {
	const value = auditValueText(fact.value, t)
	const shown = fact.from ? t('audit.fromTo', { from: auditValueText(fact.from, t), to: value }) : value
	return `${t(`audit.fields.${fact.field}`)}: ${shown}`
}
