import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { type TranslatedNames } from '#app/locales/index.ts'
import { audit } from '#app/models/audit.server.ts'
import { cachedReference, referenceChanged } from '#app/models/reference-data.server.ts'
import { deleteOrRetire, restore } from '#app/models/retire.server.ts'
import { type TaxonomyEntry, type TaxonomyKind } from '#app/models/taxonomy.ts'
import { getDb, writeTransaction, type Tx } from '#db/index.ts'
import { channels, criticalEvents, departments, journeyStages, users } from '#db/schema.ts'

const tables = { stages: journeyStages, events: criticalEvents, channels } as const

function notRetired(kind: TaxonomyKind, includeRetired: boolean) {
	return includeRetired ? undefined : isNull(tables[kind].retiredAt)
}

export function listStages({ includeRetired = false } = {}): TaxonomyEntry[] {
	const t = journeyStages
	return getDb()
		.select({ id: t.id, name: t.name, names: t.names, retiredAt: t.retiredAt })
		.from(t)
		.where(notRetired('stages', includeRetired))
		.orderBy(asc(t.position))
		.all()
}

export function listEvents({ includeRetired = false } = {}): Array<TaxonomyEntry & { defaultStageId: string; keywords: string[] | null }> {
	const t = criticalEvents
	return getDb()
		.select({
			id: t.id,
			name: t.name,
			names: t.names,
			retiredAt: t.retiredAt,
			defaultStageId: t.defaultStageId,
			ownerDepartmentId: t.ownerDepartmentId,
			ownerUserId: t.ownerUserId,
			keywords: t.keywords,
		})
		.from(t)
		.where(notRetired('events', includeRetired))
		.orderBy(asc(t.name))
		.all()
}

export function listChannels({ includeRetired = false } = {}): TaxonomyEntry[] {
	const t = channels
	return getDb()
		.select({ id: t.id, name: t.name, names: t.names, retiredAt: t.retiredAt })
		.from(t)
		.where(notRetired('channels', includeRetired))
		.orderBy(asc(t.name))
		.all()
}

export function listEntries(kind: TaxonomyKind, options?: { includeRetired?: boolean }) {
	if (kind === 'stages') return listStages(options)
	if (kind === 'events') return listEvents(options)
	return listChannels(options)
}

export function entryNameTaken(kind: TaxonomyKind, name: string, exceptId?: string) {
	const t = tables[kind]
	const row = getDb()
		.select({ id: t.id })
		.from(t)
		.where(sql`lower(${t.name}) = lower(${name})`)
		.all()
	return row.some((r) => r.id !== exceptId)
}

export function stageExists(id: string) {
	return Boolean(
		getDb()
			.select({ id: journeyStages.id })
			.from(journeyStages)
			.where(and(eq(journeyStages.id, id), isNull(journeyStages.retiredAt)))
			.get(),
	)
}

type EntryInput = {
	name: string
	names: TranslatedNames
	defaultStageId?: string
	/** Events only: null clears the owner. */
	ownerDepartmentId?: string | null
	ownerUserId?: string | null
	/** Events only: the keywords of the tag suggestions. */
	keywords?: string[]
}

/** An event's owning department and person, by name, for the pages that show them. */
export function eventOwner(eventId: string) {
	const row = getDb()
		.select({
			departmentId: criticalEvents.ownerDepartmentId,
			departmentName: departments.name,
			userId: criticalEvents.ownerUserId,
			userName: users.name,
			userEmail: users.email,
		})
		.from(criticalEvents)
		.leftJoin(departments, eq(departments.id, criticalEvents.ownerDepartmentId))
		.leftJoin(users, eq(users.id, criticalEvents.ownerUserId))
		.where(eq(criticalEvents.id, eventId))
		.get()
	return row && (row.departmentId || row.userId) ? row : null
}

/**
 * The events a person owns: named as the owner, or owned by their department or one above
 * it (`departmentIds`: theirs and its ancestors).
 */
export function ownedEvents(userId: string, departmentIds: string[]) {
	const t = criticalEvents
	return getDb()
		.select({ id: t.id, name: t.name, names: t.names, defaultStageId: t.defaultStageId, ownerUserId: t.ownerUserId })
		.from(t)
		.where(
			and(
				isNull(t.retiredAt),
				departmentIds.length ? or(eq(t.ownerUserId, userId), inArray(t.ownerDepartmentId, departmentIds)) : eq(t.ownerUserId, userId),
			),
		)
		.orderBy(asc(t.name))
		.all()
}

/** The active person with this e-mail address, for an event's owner. */
export function activeUserIdByEmail(email: string) {
	return (
		getDb()
			.select({ id: users.id })
			.from(users)
			.where(and(eq(users.email, email), isNull(users.deactivatedAt)))
			.get()?.id ?? null
	)
}

const TARGET = { stages: 'stage', events: 'event', channels: 'channel' } as const

function nameOf(tx: Tx, kind: TaxonomyKind, id: string) {
	const t = tables[kind]
	return tx.select({ name: t.name }).from(t).where(eq(t.id, id)).get()?.name ?? null
}

/** Adds an entry; the audit log records who added it and its name. */
export function createEntry(kind: TaxonomyKind, input: EntryInput, actorId: string) {
	referenceChanged()
	return writeTransaction((tx) => insertEntry(tx, kind, input, actorId))
}

/** Adds an entry within a write transaction (the caller calls `referenceChanged`). */
export function insertEntry(tx: Tx, kind: TaxonomyKind, input: EntryInput, actorId: string) {
	const base = { name: input.name, names: input.names }
	let created: { id: string }
	if (kind === 'stages') {
		const { max } = tx
			.select({ max: sql<number>`coalesce(max(${journeyStages.position}), 0)` })
			.from(journeyStages)
			.get()!
		created = tx
			.insert(journeyStages)
			.values({ ...base, position: max + 1 })
			.returning({ id: journeyStages.id })
			.get()
	} else if (kind === 'events') {
		if (!input.defaultStageId) throw new Error('A critical event needs a default stage')
		created = tx
			.insert(criticalEvents)
			.values({
				...base,
				defaultStageId: input.defaultStageId,
				ownerDepartmentId: input.ownerDepartmentId ?? null,
				ownerUserId: input.ownerUserId ?? null,
				keywords: input.keywords ?? null,
			})
			.returning({ id: criticalEvents.id })
			.get()
	} else created = tx.insert(channels).values(base).returning({ id: channels.id }).get()
	audit(tx, actorId, 'taxonomy.create', { type: TARGET[kind], id: created.id }, { name: input.name })
	return created
}

export function updateEntry(kind: TaxonomyKind, id: string, input: EntryInput, actorId: string) {
	referenceChanged()
	const base = { name: input.name, names: input.names }
	return writeTransaction((tx) => {
		const before = nameOf(tx, kind, id)
		const t = tables[kind]
		const owners =
			kind === 'events'
				? tx
						.select({ department: criticalEvents.ownerDepartmentId, owner: criticalEvents.ownerUserId })
						.from(criticalEvents)
						.where(eq(criticalEvents.id, id))
						.get()
				: undefined
		const values =
			kind === 'events'
				? {
						...base,
						...(input.defaultStageId ? { defaultStageId: input.defaultStageId } : {}),
						ownerDepartmentId: input.ownerDepartmentId ?? null,
						ownerUserId: input.ownerUserId ?? null,
						...(input.keywords ? { keywords: input.keywords } : {}),
					}
				: base
		if (!tx.update(t).set(values).where(eq(t.id, id)).run().changes) return false
		const change = (from: string | null | undefined, to: string | null | undefined) =>
			owners && (from ?? null) !== (to ?? null) ? { from: from ?? null, to: to ?? null } : undefined
		const department = change(owners?.department, input.ownerDepartmentId)
		const owner = change(owners?.owner, input.ownerUserId)
		audit(
			tx,
			actorId,
			'taxonomy.update',
			{ type: TARGET[kind], id },
			{
				name: before === input.name ? input.name : { from: before, to: input.name },
				...(department ? { department } : {}),
				...(owner ? { owner } : {}),
			},
		)
		return true
	})
}

/** Swaps a stage with its neighbour; both rows change in one transaction. */
export function moveStage(id: string, direction: 'up' | 'down', actorId: string) {
	referenceChanged()
	return writeTransaction((tx) => {
		const current = tx
			.select({ id: journeyStages.id, position: journeyStages.position, name: journeyStages.name })
			.from(journeyStages)
			.where(eq(journeyStages.id, id))
			.get()
		if (!current) return false
		const neighbour = tx
			.select({ id: journeyStages.id, position: journeyStages.position })
			.from(journeyStages)
			.where(direction === 'up' ? lt(journeyStages.position, current.position) : gt(journeyStages.position, current.position))
			.orderBy(direction === 'up' ? desc(journeyStages.position) : asc(journeyStages.position))
			.limit(1)
			.get()
		if (!neighbour) return false
		tx.update(journeyStages).set({ position: neighbour.position }).where(eq(journeyStages.id, current.id)).run()
		tx.update(journeyStages).set({ position: current.position }).where(eq(journeyStages.id, neighbour.id)).run()
		audit(tx, actorId, 'taxonomy.move', { type: 'stage', id }, { name: current.name, direction })
		return true
	})
}

export function removeEntry(kind: TaxonomyKind, id: string, actorId: string) {
	referenceChanged()
	return writeTransaction((tx) => {
		const name = nameOf(tx, kind, id)
		const outcome = deleteOrRetire(tx, tables[kind], id)
		if (outcome !== 'not-found') audit(tx, actorId, 'taxonomy.remove', { type: TARGET[kind], id }, { name, outcome })
		return outcome
	})
}

export function restoreEntry(kind: TaxonomyKind, id: string, actorId: string) {
	referenceChanged()
	return writeTransaction((tx) => {
		const restored = restore(tx, tables[kind], id)
		if (restored) audit(tx, actorId, 'taxonomy.restore', { type: TARGET[kind], id }, { name: nameOf(tx, kind, id) })
		return restored
	})
}

/** What the capture forms offer: active stages (in journey order), events and channels. */
export function captureTaxonomy() {
	return cachedReference('capture-taxonomy', () => ({ stages: listStages(), events: listEvents(), channels: listChannels() }))
}
