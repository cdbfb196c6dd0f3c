import { ROLES } from '#app/models/user.ts'
import {
	type AnySQLiteColumn,
	blob,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core'

const id = () =>
	text('id')
		.primaryKey()
		.$defaultFn(() => crypto.randomUUID())
const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date())
// Taxonomy and departments are retired, not deleted, once something refers to them.
const retiredAt = () => integer('retired_at', { mode: 'timestamp_ms' })




export const departments = sqliteTable(
	'departments',
	{
		id: id(),
		name: text('name').notNull(),
		parentId: text('parent_id').references((): AnySQLiteColumn => departments.id),
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
		deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('users_email_unique').on(t.email),
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
		nameIt: text('name_it'),
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
		nameIt: text('name_it'),
		defaultStageId: text('default_stage_id')
			.notNull()
			.references(() => journeyStages.id),
		retiredAt: retiredAt(),
		createdAt: createdAt(),
	},
	(t) => [index('critical_events_default_stage_id_idx').on(t.defaultStageId)],
)

export const channels = sqliteTable('channels', {
	id: id(),
	name: text('name').notNull(),
	nameIt: text('name_it'),
	retiredAt: retiredAt(),
	createdAt: createdAt(),
})

