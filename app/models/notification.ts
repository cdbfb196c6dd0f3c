import { STATUS, type IdeaStatus } from '#app/models/idea.ts'
import { type T } from '#app/utils/i18n.ts'

export const NOTIFICATION_KINDS = [
	'comment',
	'mention',
	'status',
	'update',
	'hidden',
	'overdue',
	'assigned',
	'report-hidden',
	'report-kept',
	'playbook',
	'thanks',
	'blind-spot',
	'spike',
	'relapse',
	'emerging',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]
export const NOTIFICATIONS_PAGE_SIZE = 30

/** How long a note may be in a notification; a longer one is cut at a word and the link leads to the rest. */
export const NOTE_SHOWN = 280

export type NotificationFacts = {
	kind: NotificationKind
	actorName: string | null
	ideaTitle: string | null
	ideaStatus: IdeaStatus | null
	toStatus: IdeaStatus | null
	note: string | null
	keptTitle: string | null
	/** A playbook prompt's moment of truth, named in the reader's language. */
	eventName?: string | null
}

/**
 * What a notification says, in the app and in e-mail alike: what happened, and why (the
 * public reason or update, shortened). A status change names the status it moved to then.
 */
export function describeNotification(n: NotificationFacts, t: T) {
	const status = n.toStatus ?? n.ideaStatus
	// A spike's or a relapse's figures travel as JSON in the note: they are the sentence, not a reason.
	const figures = n.kind === 'spike' || n.kind === 'relapse' || n.kind === 'emerging' ? signalFigures(n.note) : null
	// A spike's window: "the last 7 days" (one week) or "the last 14" (two).
	if (figures && n.kind === 'spike') Object.assign(figures, { count: figures.weeks ?? 1, days: (figures.weeks ?? 1) * 7 })
	const values = {
		...figures,
		actor: n.actorName ?? t('notifications.someone'),
		idea: n.ideaTitle ?? '',
		status: status ? t(`statuses.${status}`) : '',
		reason: n.note ?? '',
		event: n.eventName ?? '',
		// An emerging moment's words (decision 060) travel in the note beside its figures.
		label: n.kind === 'emerging' ? signalLabel(n.note) : '',
	}
	const label =
		n.kind === 'status' && n.toStatus === STATUS.merged && n.keptTitle
			? t('notifications.merged', { ...values, kept: n.keptTitle })
			: t(`notifications.${n.kind}`, values)
	// A hidden contribution's reason is in its sentence already.
	const why = n.kind === 'hidden' || figures ? null : shorten(n.note)
	return { label, why }
}

function signalFigures(note: string | null): Record<string, number> {
	try {
		const parsed: unknown = JSON.parse(note ?? '{}')
		if (!parsed || typeof parsed !== 'object') return {}
		return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'))
	} catch {
		return {}
	}
}

function signalLabel(note: string | null) {
	try {
		const parsed = JSON.parse(note ?? '{}') as { label?: unknown }
		return typeof parsed.label === 'string' ? parsed.label : ''
	} catch {
		return ''
	}
}

function shorten(note: string | null) {
	if (!note) return null
	if (note.length <= NOTE_SHOWN) return note
	const cut = note.slice(0, NOTE_SHOWN)
	const space = cut.lastIndexOf(' ')
	return `${(space > NOTE_SHOWN * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/**
 * Where a notification leads when not to its idea: a playbook prompt to the playbook's editor
 * with the implemented idea chosen as the cause; thanks to the insight that was handled well.
 */
export function notificationPath(n: { kind: NotificationKind; ideaId: string | null; eventId?: string | null; insightId?: string | null }) {
	if (n.kind === 'playbook' && n.eventId) return `/moments/${n.eventId}/edit${n.ideaId ? `?idea=${n.ideaId}` : ''}`
	if (n.kind === 'thanks' && n.insightId) return `/insights/${n.insightId}#handled-well`
	if (n.kind === 'blind-spot' && n.eventId) return `/moments/${n.eventId}`
	if (n.kind === 'spike' && n.eventId) return `/moments/${n.eventId}#spike`
	if (n.kind === 'relapse' && n.eventId) return `/moments/${n.eventId}#fixes`
	if (n.kind === 'emerging') return '/admin/emerging'
	return null
}
