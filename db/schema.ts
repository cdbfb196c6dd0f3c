import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { LOCALES, type TranslatedNames } from '#app/locales/index.ts'
import { AUDIT_ACTIONS, AUDIT_TARGETS } from '#app/models/audit.ts'
import { type Criterion, type Scores } from '#app/models/evaluation.ts'
import { IDEA_STATUSES } from '#app/models/idea.ts'
import { CONTENT_KINDS, REPORT_OUTCOMES } from '#app/models/moderation.ts'
import { NOTIFICATION_KINDS } from '#app/models/notification.ts'
import { type PlaybookContent } from '#app/models/playbook.ts'
import { EMAIL_DIGESTS, MOMENTS_DIGESTS } from '#app/models/user.ts'
import { ROLES } from '#app/utils/permissions.ts'

const id = () =>
	text('id')
		.primaryKey()
		.$defaultFn(() => crypto.randomUUID())
const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date())
// Taxonomy and departments are retired, not deleted, once something refers to them.
/** A taxonomy name in the other languages, as JSON ({"it": "…"}); the default-language name is `name`. */
const names = () =>
	text('names', { mode: 'json' })
		.$type<TranslatedNames>()
		.notNull()
		.default(sql`'{}'`)
const retiredAt = () => integer('retired_at', { mode: 'timestamp_ms' })

export const departments = sqliteTable(
	'departments',
	{
		id: id(),
		name: text('name').notNull(),
		parentId: text('parent_id').references((): AnySQLiteColumn => departments.id),
		/** Meets customers (a branch, a contact centre), and so does everything below it: their people get the weekly moments digest only if they ask. */
		customerFacing: integer('customer_facing', { mode: 'boolean' }).notNull().default(false),
		retiredAt: retiredAt(),
		createdAt: createdAt(),
	},
	(t) => [index('departments_parent_id_idx').on(t.parentId)],
)

export const users = sqliteTable(
	'users',
	{
		id: id(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash'),
		role: text('role', { enum: ROLES }).notNull().default('employee'),
		departmentId: text('department_id').references(() => departments.id),
		locale: text('locale'),
		emailDigest: text('email_digest', { enum: EMAIL_DIGESTS }).notNull().default('daily'),
		digestSentAt: integer('digest_sent_at', { mode: 'timestamp_ms' }),
		/** The weekly moments-of-truth digest: on, off, or as the department's default (decision 055). */
		momentsDigest: text('moments_digest', { enum: MOMENTS_DIGESTS }).notNull().default('default'),
		momentsDigestSentAt: integer('moments_digest_sent_at', { mode: 'timestamp_ms' }),
		deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
		/** The id the organisation's directory gives the person, when SCIM provisions them (decision 064). */
		externalId: text('external_id'),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('users_email_unique').on(t.email),
		uniqueIndex('users_external_id_unique').on(t.externalId),
		index('users_department_id_idx').on(t.departmentId),
		index('users_name_idx').on(t.name),
	],
)

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('sessions_user_id_idx').on(t.userId)],
)

// One-time links an admin hands to a new user to set (or reset) a password.
export const passwordSetups = sqliteTable(
	'password_setups',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('password_setups_user_id_idx').on(t.userId)],
)

export const journeyStages = sqliteTable(
	'journey_stages',
	{
		id: id(),
		name: text('name').notNull(),
		names: names(),
		position: integer('position').notNull(),
		retiredAt: retiredAt(),
		createdAt: createdAt(),
	},
	(t) => [index('journey_stages_position_idx').on(t.position)],
)

export const criticalEvents = sqliteTable(
	'critical_events',
	{
		id: id(),
		name: text('name').notNull(),
		names: names(),
		defaultStageId: text('default_stage_id')
			.notNull()
			.references(() => journeyStages.id),
		/** Who owns the problem (decision 052): a department and, optionally, a person in it. */
		ownerDepartmentId: text('owner_department_id').references(() => departments.id),
		ownerUserId: text('owner_user_id').references(() => users.id),
		/** When its owners were told it is a blind spot; cleared when it is no longer one, so the next episode tells them again. */
		blindSpotSince: integer('blind_spot_since', { mode: 'timestamp_ms' }),
		/** Spike alerts (decision 057): since when the moment is in a spike episode (null: not in one), and when the last one ended. */
		spikeSince: integer('spike_since', { mode: 'timestamp_ms' }),
		spikeEndedAt: integer('spike_ended_at', { mode: 'timestamp_ms' }),
		/** Keywords that suggest this moment while someone types (decision 059); null: the default list for its name, if any. */
		keywords: text('keywords', { mode: 'json' }).$type<string[]>(),
		retiredAt: retiredAt(),
		createdAt: createdAt(),
	},
	(t) => [
		index('critical_events_default_stage_id_idx').on(t.defaultStageId),
		index('critical_events_owner_department_id_idx').on(t.ownerDepartmentId),
		index('critical_events_owner_user_id_idx').on(t.ownerUserId),
	],
)

export const channels = sqliteTable('channels', {
	id: id(),
	name: text('name').notNull(),
	names: names(),
	retiredAt: retiredAt(),
	createdAt: createdAt(),
})

const userRef = (name: string) => text(name).references(() => users.id)

export const campaigns = sqliteTable(
	'campaigns',
	{
		id: id(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		sponsor: text('sponsor').notNull(),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
		stageId: text('stage_id').references(() => journeyStages.id),
		eventId: text('event_id').references(() => criticalEvents.id),
		/** What its ideas are scored on, as JSON; null scores them on impact and effort (app/models/evaluation.ts). */
		criteria: text('criteria', { mode: 'json' }).$type<Criterion[]>(),
		createdBy: userRef('created_by').notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		index('campaigns_ends_at_idx').on(t.endsAt),
		index('campaigns_stage_id_idx').on(t.stageId),
		index('campaigns_event_id_idx').on(t.eventId),
		index('campaigns_created_by_idx').on(t.createdBy),
	],
)

// An anonymous insight or idea has no author_id and its department is coarsened to
// a group of at least MIN_GROUP_SIZE (configuration) people: nothing in the row leads back to a person.
export const insights = sqliteTable(
	'insights',
	{
		id: id(),
		body: text('body').notNull(),
		channelId: text('channel_id')
			.notNull()
			.references(() => channels.id),
		stageId: text('stage_id')
			.notNull()
			.references(() => journeyStages.id),
		eventId: text('event_id').references(() => criticalEvents.id),
		/** The customer's emotion at the worst point of the moment (1 calm … 5 distressed): its peak. */
		emotion: integer('emotion').notNull(),
		/** How the customer felt at the end (1 … 5), when known; the author may add it later. No time is kept of that. */
		endEmotion: integer('end_emotion'),
		/** Whether it was resolved at first contact, when the author said. */
		resolvedFirstContact: integer('resolved_first_contact', { mode: 'boolean' }),
		/** How long the customer waited for a solution, in minutes, when the author said. */
		waitMinutes: integer('wait_minutes'),
		occurredAt: integer('occurred_at', { mode: 'timestamp_ms' }).notNull(),
		authorId: userRef('author_id'),
		anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
		departmentId: text('department_id').references(() => departments.id),
		recurrenceCount: integer('recurrence_count').notNull().default(0),
		/** How many colleagues marked the moment "handled well" (kept with insight_thanks, decision 054). */
		thanksCount: integer('thanks_count').notNull().default(0),
		hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
		hiddenReason: text('hidden_reason'),
		createdAt: createdAt(),
	},
	(t) => [
		index('insights_created_at_idx').on(t.createdAt, t.id),
		// The playbook's case histories: only the few insights someone thanked.
		index('insights_thanked_idx')
			.on(t.eventId, t.thanksCount, t.createdAt)
			.where(sql`${t.thanksCount} > 0`),
		index('insights_channel_id_idx').on(t.channelId),
		index('insights_stage_id_idx').on(t.stageId, t.createdAt),
		index('insights_event_id_idx').on(t.eventId, t.createdAt),
		index('insights_author_id_idx').on(t.authorId, t.createdAt),
		index('insights_department_id_idx').on(t.departmentId, t.createdAt),
		// Covers every dashboard query on a period's insights: no table row is read.
		index('insights_dashboard_idx').on(
			t.createdAt,
			t.hiddenAt,
			t.departmentId,
			t.stageId,
			t.eventId,
			t.anonymous,
			t.recurrenceCount,
			t.emotion,
			t.endEmotion,
			t.resolvedFirstContact,
		),
	],
)

/**
 * "Handled well": a colleague's or manager's thanks for how a moment was handled, with a short
 * note; one per person per insight. The author is never recorded here (an anonymous insight
 * can be thanked and stays anonymous).
 */
export const insightThanks = sqliteTable(
	'insight_thanks',
	{
		insightId: text('insight_id')
			.notNull()
			.references(() => insights.id, { onDelete: 'cascade' }),
		userId: userRef('user_id').notNull(),
		note: text('note').notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		primaryKey({ columns: [t.insightId, t.userId] }),
		index('insight_thanks_user_id_idx').on(t.userId),
		index('insight_thanks_insight_id_idx').on(t.insightId, t.createdAt),
	],
)

/**
 * Untagged insights an admin looked at as a candidate moment of truth and judged not one
 * (decision 060): the emerging moments leave them out. Who and when is in the audit log.
 */
export const emergingDismissals = sqliteTable('emerging_dismissals', {
	insightId: text('insight_id')
		.primaryKey()
		.references(() => insights.id, { onDelete: 'cascade' }),
})

/**
 * SAML assertions already used to sign in, kept until they expire so a replay is refused
 * (decision 063). Only the assertion's id, never who it named.
 */
export const samlAssertions = sqliteTable('saml_assertions', {
	id: text('id').primaryKey(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
})

/** "I see this too": one per person per insight. */
export const insightRecurrences = sqliteTable(
	'insight_recurrences',
	{
		insightId: text('insight_id')
			.notNull()
			.references(() => insights.id, { onDelete: 'cascade' }),
		userId: userRef('user_id').notNull(),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.insightId, t.userId] }), index('insight_recurrences_user_id_idx').on(t.userId)],
)

export const ideas = sqliteTable(
	'ideas',
	{
		id: id(),
		title: text('title').notNull(),
		problem: text('problem').notNull(),
		proposal: text('proposal').notNull(),
		benefit: text('benefit').notNull(),
		authorId: userRef('author_id'),
		anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
		departmentId: text('department_id').references(() => departments.id),
		campaignId: text('campaign_id').references(() => campaigns.id),
		status: text('status', { enum: IDEA_STATUSES }).notNull().default('submitted'),
		voteCount: integer('vote_count').notNull().default(0),
		commentCount: integer('comment_count').notNull().default(0),
		// log Σ e^((t − epoch)/τ) over the submission and every vote: see app/models/idea.ts.
		trendScore: real('trend_score').notNull(),
		/** Set when a manager first acts on the idea; from then on the author cannot edit it. */
		firstActionAt: integer('first_action_at', { mode: 'timestamp_ms' }),
		/** Accepted, declined or merged: the decision that time-to-decision measures. */
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		/** Implemented, declined or merged: when the idea left the backlog. */
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		/** When its owner (or the managers of its scope) were told it passed the SLA unanswered: once. */
		slaNotifiedAt: integer('sla_notified_at', { mode: 'timestamp_ms' }),
		/** When its moments' owners were told the fix slid back to the old rate (decision 058): once. */
		relapseToldAt: integer('relapse_told_at', { mode: 'timestamp_ms' }),
		/** A manager's 1–5 score per criterion ({"impact": 4, "effort": 2}), as JSON. */
		scores: text('scores', { mode: 'json' }).$type<Scores>(),
		/** The weighted score over its criteria (1–5), null until each is scored: the queue sorts by it. */
		score: real('score'),
		ownerId: userRef('owner_id'),
		mergedIntoId: text('merged_into_id').references((): AnySQLiteColumn => ideas.id),
		hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
		hiddenReason: text('hidden_reason'),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		// Each feed order (newest, trending, top) walks its own index: (key, created_at, id).
		index('ideas_created_at_idx').on(t.createdAt, t.id),
		index('ideas_trend_idx').on(t.trendScore, t.createdAt, t.id),
		index('ideas_votes_idx').on(t.voteCount, t.createdAt, t.id),
		index('ideas_status_idx').on(t.status, t.createdAt),
		index('ideas_author_id_idx').on(t.authorId, t.createdAt),
		index('ideas_department_id_idx').on(t.departmentId),
		index('ideas_campaign_id_idx').on(t.campaignId, t.createdAt),
		index('ideas_owner_id_idx').on(t.ownerId),
		index('ideas_score_idx').on(t.score),
		index('ideas_merged_into_id_idx').on(t.mergedIntoId),
		// The dashboard counts responses, decisions and closures that fall in a period.
		index('ideas_first_action_at_idx').on(t.firstActionAt),
		index('ideas_decided_at_idx').on(t.decidedAt),
		index('ideas_closed_at_idx').on(t.closedAt),
		// The minute loop's look for ideas past the SLA: only the unanswered ones not yet reported.
		index('ideas_sla_due_idx')
			.on(t.createdAt)
			.where(sql`${t.firstActionAt} IS NULL AND ${t.slaNotifiedAt} IS NULL AND ${t.hiddenAt} IS NULL`),
		// Covers the dashboard's scans of ideas by submission time (counts, SLA, backlog, heatmap).
		index('ideas_dashboard_idx').on(t.createdAt, t.hiddenAt, t.departmentId, t.status, t.anonymous, t.decidedAt, t.closedAt, t.id),
	],
)

export const ideaStages = sqliteTable(
	'idea_stages',
	{
		ideaId: text('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		stageId: text('stage_id')
			.notNull()
			.references(() => journeyStages.id),
	},
	(t) => [primaryKey({ columns: [t.ideaId, t.stageId] }), index('idea_stages_stage_id_idx').on(t.stageId)],
)

export const ideaEvents = sqliteTable(
	'idea_events',
	{
		ideaId: text('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		eventId: text('event_id')
			.notNull()
			.references(() => criticalEvents.id),
	},
	(t) => [primaryKey({ columns: [t.ideaId, t.eventId] }), index('idea_events_event_id_idx').on(t.eventId)],
)

/** Insights linked to an idea as its evidence. */
export const ideaInsights = sqliteTable(
	'idea_insights',
	{
		ideaId: text('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		insightId: text('insight_id')
			.notNull()
			.references(() => insights.id),
	},
	(t) => [primaryKey({ columns: [t.ideaId, t.insightId] }), index('idea_insights_insight_id_idx').on(t.insightId)],
)

export const votes = sqliteTable(
	'votes',
	{
		ideaId: text('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		userId: userRef('user_id').notNull(),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index('votes_user_id_idx').on(t.userId, t.createdAt)],
)

export const comments = sqliteTable(
	'comments',
	{
		id: id(),
		ideaId: text('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		authorId: userRef('author_id').notNull(),
		body: text('body').notNull(),
		createdAt: createdAt(),
		editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
		hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
		hiddenReason: text('hidden_reason'),
	},
	(t) => [index('comments_idea_id_idx').on(t.ideaId, t.createdAt), index('comments_author_id_idx').on(t.authorId)],
)

/** `active = false` remembers an unfollow, so voting again does not re-follow. */
export const follows = sqliteTable(
	'follows',
	{
		ideaId: text('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		userId: userRef('user_id').notNull(),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index('follows_user_id_idx').on(t.userId, t.active)],
)

export const notifications = sqliteTable(
	'notifications',
	{
		id: id(),
		userId: userRef('user_id').notNull(),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		ideaId: text('idea_id').references(() => ideas.id, { onDelete: 'cascade' }),
		commentId: text('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
		/** For thanks: the (named) insight that was handled well. */
		insightId: text('insight_id').references(() => insights.id, { onDelete: 'cascade' }),
		/** For a playbook prompt: the moment of truth whose playbook may need an update. */
		eventId: text('event_id').references(() => criticalEvents.id),
		actorId: userRef('actor_id'),
		/** A snapshot of what the person is told, e.g. a moderator's reason. */
		note: text('note'),
		/** For a status change: the status the idea moved to then (the idea's own may have moved on since). */
		toStatus: text('to_status', { enum: IDEA_STATUSES }),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		/** Set once the notification went out by e-mail, so nothing is sent twice. */
		emailedAt: integer('emailed_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [
		index('notifications_user_id_idx').on(t.userId, t.readAt, t.createdAt),
		// The minute loop's e-mail run: only what is neither sent nor read.
		index('notifications_unsent_idx')
			.on(t.createdAt)
			.where(sql`${t.emailedAt} IS NULL AND ${t.readAt} IS NULL`),
		index('notifications_idea_id_idx').on(t.ideaId),
		index('notifications_comment_id_idx').on(t.commentId),
		index('notifications_actor_id_idx').on(t.actorId),
		index('notifications_event_id_idx').on(t.eventId),
		index('notifications_insight_id_idx').on(t.insightId),
	],
)

/**
 * An employee's report of an idea, insight or comment to the moderators, with their reason:
 * one per person and item. Resolved when a moderator hides the item or keeps it; the reporter
 * is told which.
 */
export const reports = sqliteTable(
	'reports',
	{
		id: id(),
		kind: text('kind', { enum: CONTENT_KINDS }).notNull(),
		targetId: text('target_id').notNull(),
		reporterId: userRef('reporter_id').notNull(),
		reason: text('reason').notNull(),
		createdAt: createdAt(),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		outcome: text('outcome', { enum: REPORT_OUTCOMES }),
	},
	(t) => [
		uniqueIndex('reports_target_reporter_unique').on(t.kind, t.targetId, t.reporterId),
		index('reports_open_idx').on(t.resolvedAt, t.createdAt),
		index('reports_reporter_id_idx').on(t.reporterId),
	],
)

/**
 * The office board's sign-in (decision 056): a read-only, revocable token for a wall screen,
 * showing one department (and everything below it) or, with none, the whole company. Only the
 * SHA-256 of its secret is kept, as for sessions.
 */
/**
 * A CSV file of people or departments an admin uploaded, kept between its preview and the
 * admin's confirmation (decision 065); deleted when imported or cancelled, or after a day.
 */
export const imports = sqliteTable('imports', {
	id: id(),
	kind: text('kind', { enum: ['people', 'departments'] }).notNull(),
	csv: text('csv').notNull(),
	/** People only: deactivate active people the file does not list. */
	deactivateMissing: integer('deactivate_missing', { mode: 'boolean' }).notNull().default(false),
	createdBy: userRef('created_by').notNull(),
	createdAt: createdAt(),
})

/** Bearer tokens of the organisation's SCIM client (decision 064): shown once, stored hashed, revocable. */
export const scimTokens = sqliteTable(
	'scim_tokens',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		createdBy: userRef('created_by').notNull(),
		createdAt: createdAt(),
		/** The day it was last used: kept to the day, like sessions. */
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
	},
	(t) => [index('scim_tokens_created_by_idx').on(t.createdBy)],
)

export const boardTokens = sqliteTable(
	'board_tokens',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		departmentId: text('department_id').references(() => departments.id),
		locale: text('locale', { enum: LOCALES }).notNull(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		createdBy: userRef('created_by').notNull(),
		createdAt: createdAt(),
		/** The day it was last shown: kept to the day, like sessions. */
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
	},
	(t) => [index('board_tokens_department_id_idx').on(t.departmentId), index('board_tokens_created_by_idx').on(t.createdBy)],
)

// The only way back to an anonymous item: the SHA-256 of a code only its author holds.
// No timestamp, so the row cannot be matched to a session or an activity mark.
export const receipts = sqliteTable(
	'receipts',
	{
		codeHash: text('code_hash').primaryKey(),
		ideaId: text('idea_id').references(() => ideas.id, { onDelete: 'cascade' }),
		insightId: text('insight_id').references(() => insights.id, { onDelete: 'cascade' }),
	},
	(t) => [index('receipts_idea_id_idx').on(t.ideaId), index('receipts_insight_id_idx').on(t.insightId)],
)

/**
 * Participation without linking: one row per person per ISO week in which they logged,
 * submitted, voted or commented, anonymous contributions included.
 */
export const activityWeeks = sqliteTable(
	'activity_weeks',
	{
		userId: userRef('user_id').notNull(),
		week: text('week').notNull(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.week] }), index('activity_weeks_week_idx').on(t.week)],
)

/** The idea's public timeline: every status change and public update, by a named manager. */
export const ideaUpdates = sqliteTable(
	'idea_updates',
	{
		id: id(),
		ideaId: text('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		actorId: userRef('actor_id').notNull(),
		fromStatus: text('from_status', { enum: IDEA_STATUSES }),
		toStatus: text('to_status', { enum: IDEA_STATUSES }),
		note: text('note'),
		createdAt: createdAt(),
	},
	(t) => [index('idea_updates_idea_id_idx').on(t.ideaId, t.createdAt), index('idea_updates_actor_id_idx').on(t.actorId)],
)

/** Who did what to whom, for admins. Anonymous authors are never recorded here. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: id(),
		actorId: userRef('actor_id').notNull(),
		action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
		targetType: text('target_type', { enum: AUDIT_TARGETS }).notNull(),
		targetId: text('target_id').notNull(),
		detail: text('detail'),
		createdAt: createdAt(),
	},
	(t) => [index('audit_log_created_at_idx').on(t.createdAt), index('audit_log_actor_id_idx').on(t.actorId)],
)

/**
 * A living playbook: how the company handles a critical event now, in one language. Every
 * change is a new row with the next version number (decision 053); none is ever rewritten, so
 * older versions stay readable and comparable. The unique index refuses a second writer who
 * saved from the same version.
 */
export const playbookVersions = sqliteTable(
	'playbook_versions',
	{
		id: id(),
		eventId: text('event_id')
			.notNull()
			.references(() => criticalEvents.id),
		locale: text('locale', { enum: LOCALES }).notNull(),
		version: integer('version').notNull(),
		content: text('content', { mode: 'json' }).$type<PlaybookContent>().notNull(),
		/** What changed and why, in the writer's words. */
		note: text('note').notNull(),
		authorId: userRef('author_id').notNull(),
		/** The implemented idea that caused the change, if one did. */
		ideaId: text('idea_id').references(() => ideas.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('playbook_versions_event_locale_version_unique').on(t.eventId, t.locale, t.version),
		index('playbook_versions_author_id_idx').on(t.authorId),
		index('playbook_versions_idea_id_idx').on(t.ideaId),
	],
)
