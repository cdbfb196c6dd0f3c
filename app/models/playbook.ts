import { diffArrays } from 'diff'
import { z } from 'zod'
import { LOCALES } from '#app/locales/index.ts'
import { hasPermission, type Role } from '#app/utils/permissions.ts'

/**
 * How the company handles a moment of truth now (decision 053): ordered steps, what to say and
 * what not to say, the timeframe to promise, the self-service options to offer, and links.
 * Who owns the problem is the event's owner (decision 052), shown beside it.
 */
export type PlaybookContent = {
	steps: string[]
	say: string[]
	avoid: string[]
	promise: string
	selfService: string[]
	links: PlaybookLink[]
}
export type PlaybookLink = { label: string; url: string }

/** The parts of a playbook in the order a reader meets them. */
export const PLAYBOOK_SECTIONS = ['steps', 'say', 'avoid', 'promise', 'selfService', 'links'] as const
export type PlaybookSection = (typeof PLAYBOOK_SECTIONS)[number]

export const PLAYBOOK_MAX_LINES = 20
export const PLAYBOOK_LINE_MAX = 300
export const PLAYBOOK_PROMISE_MAX = 200
export const PLAYBOOK_NOTE_MAX = 500

/** One item a line; a pasted "1." or "-" in front of a line is dropped, blank lines too. */
export function playbookLines(text: string | undefined) {
	return (text ?? '')
		.split(/\r?\n/)
		.map((line) => line.replace(/^\s*(?:\d{1,2}[.)]|[-*•])\s+/, '').trim())
		.filter(Boolean)
}

const URL_IN_LINE = /\bhttps?:\/\/\S+/i

/** "Card block procedure https://intranet/cards" → its label and address; a bare address is its own label. */
export function parseLink(line: string): PlaybookLink | null {
	const match = URL_IN_LINE.exec(line)
	if (!match) return null
	try {
		const url = new URL(match[0]).toString()
		const label = line
			.replace(match[0], '')
			.replace(/^[\s:|–—-]+|[\s:|–—-]+$/g, '')
			.trim()
		return { label: label || match[0], url }
	} catch {
		return null
	}
}

/** A textarea of one item a line: required or not, at most PLAYBOOK_MAX_LINES lines of PLAYBOOK_LINE_MAX characters. */
const listField = (required: boolean) =>
	z
		.string()
		.optional()
		.superRefine((text, ctx) => {
			const lines = playbookLines(text)
			if (required && !lines.length) ctx.addIssue({ code: 'custom', message: 'playbooks.stepsRequired' })
			if (lines.length > PLAYBOOK_MAX_LINES) ctx.addIssue({ code: 'custom', message: 'playbooks.tooManyLines' })
			if (lines.some((line) => line.length > PLAYBOOK_LINE_MAX)) ctx.addIssue({ code: 'custom', message: 'playbooks.lineTooLong' })
		})
		.transform(playbookLines)

export const PlaybookFormSchema = z.object({
	locale: z.enum(LOCALES, { error: 'playbooks.unknownLanguage' }),
	/** The version the writer started from: 0 for a first version in this language. */
	baseVersion: z.coerce.number({ error: 'playbooks.unknownVersion' }).int('playbooks.unknownVersion').min(0, 'playbooks.unknownVersion'),
	steps: listField(true),
	say: listField(false),
	avoid: listField(false),
	promise: z.string().trim().max(PLAYBOOK_PROMISE_MAX, 'validation.tooLong').optional(),
	selfService: listField(false),
	links: z
		.string()
		.optional()
		.superRefine((text, ctx) => {
			const lines = playbookLines(text)
			if (lines.length > PLAYBOOK_MAX_LINES) ctx.addIssue({ code: 'custom', message: 'playbooks.tooManyLines' })
			if (lines.some((line) => !parseLink(line))) ctx.addIssue({ code: 'custom', message: 'playbooks.linkInvalid' })
		})
		.transform((text) => playbookLines(text).map((line) => parseLink(line)!)),
	note: z.string({ error: 'playbooks.noteRequired' }).trim().min(1, 'playbooks.noteRequired').max(PLAYBOOK_NOTE_MAX, 'validation.tooLong'),
	ideaId: z.string().trim().optional(),
})
export type PlaybookFormOutput = z.output<typeof PlaybookFormSchema>

export function playbookContent(value: PlaybookFormOutput): PlaybookContent {
	return {
		steps: value.steps,
		say: value.say,
		avoid: value.avoid,
		promise: value.promise ?? '',
		selfService: value.selfService,
		links: value.links,
	}
}

/** A playbook as the form's text: one item a line. */
export function playbookFormValues(content: PlaybookContent | null) {
	if (!content) return {}
	return {
		steps: content.steps.join('\n'),
		say: content.say.join('\n'),
		avoid: content.avoid.join('\n'),
		promise: content.promise,
		selfService: content.selfService.join('\n'),
		links: content.links.map((l) => (l.label === l.url ? l.url : `${l.label} ${l.url}`)).join('\n'),
	}
}

function sectionLines(content: PlaybookContent, section: PlaybookSection): string[] {
	if (section === 'promise') return content.promise ? [content.promise] : []
	if (section === 'links') return content.links.map((l) => (l.label === l.url ? l.url : `${l.label} — ${l.url}`))
	return content[section]
}

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string }
export type PlaybookDiff = Array<{ section: PlaybookSection; lines: DiffLine[] }>

/** What changed from one version to another, section by section; sections that did not change are left out. */
export function diffPlaybooks(before: PlaybookContent | null, after: PlaybookContent): PlaybookDiff {
	return PLAYBOOK_SECTIONS.map((section) => ({
		section,
		lines: diffArrays(before ? sectionLines(before, section) : [], sectionLines(after, section)).flatMap((part) =>
			part.value.map((text): DiffLine => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text })),
		),
	})).filter((s) => s.lines.some((line) => line.kind !== 'same'))
}

type EventOwners = { ownerUserId: string | null; ownerDepartmentId: string | null }

/**
 * Who writes an event's playbook: an administrator; its owner by name; a manager of its
 * owning department or of a department below it (`departmentLine`: the person's department
 * and every one above it).
 */
export function mayEditPlaybook(user: { id: string; role: Role }, event: EventOwners, departmentLine: string[]) {
	if (hasPermission(user.role, 'update:playbook:any')) return true
	if (event.ownerUserId === user.id && hasPermission(user.role, 'update:playbook:own')) return true
	return Boolean(
		event.ownerDepartmentId && hasPermission(user.role, 'update:playbook:scope') && departmentLine.includes(event.ownerDepartmentId),
	)
}
