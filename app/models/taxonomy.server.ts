import { and, asc, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm'
import { type TranslatedNames } from '#app/locales/index.ts'
import { cachedReference, referenceChanged } from '#app/models/reference-data.server.ts'
import { deleteOrRetire, restore } from '#app/models/retire.server.ts'
import { type TaxonomyEntry, type TaxonomyKind } from '#app/models/taxonomy.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { channels, criticalEvents, journeyStages } from '#db/schema.ts'

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

export function listEvents({ includeRetired = false } = {}): Array<TaxonomyEntry & { defaultStageId: string }> {
	const t = criticalEvents
	return getDb()
		.select({ id: t.id, name: t.name, names: t.names, retiredAt: t.retiredAt, defaultStageId: t.defaultStageId })
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

type EntryInput = { name: string; names: TranslatedNames; defaultStageId?: string }

export function createEntry(kind: TaxonomyKind, input: EntryInput) {
	referenceChanged()
	const db = getDb()
	const base = { name: input.name, names: input.names }
	if (kind === 'stages') {
		const { max } = db
			.select({ max: sql<number>`coalesce(max(${journeyStages.position}), 0)` })
			.from(journeyStages)
			.get()!
		return db
			.insert(journeyStages)
			.values({ ...base, position: max + 1 })
			.returning({ id: journeyStages.id })
			.get()
	}
	if (kind === 'events') {
		if (!input.defaultStageId) throw new Error('A critical event needs a default stage')
		return db
			.insert(criticalEvents)
			.values({ ...base, defaultStageId: input.defaultStageId })
			.returning({ id: criticalEvents.id })
			.get()
	}
	return db.insert(channels).values(base).returning({ id: channels.id }).get()
}

export function updateEntry(kind: TaxonomyKind, id: string, input: EntryInput) {
	referenceChanged()
	const db = getDb()
	const base = { name: input.name, names: input.names }
	if (kind === 'events') {
		const values = input.defaultStageId ? { ...base, defaultStageId: input.defaultStageId } : base
		return db.update(criticalEvents).set(values).where(eq(criticalEvents.id, id)).run().changes > 0
	}
	const t = tables[kind]
	return db.update(t).set(base).where(eq(t.id, id)).run().changes > 0
}

/** Swaps a stage with its neighbour; both rows change in one transaction. */
export function moveStage(id: string, direction: 'up' | 'down') {
	referenceChanged()
	return writeTransaction((tx) => {
		const current = tx
			.select({ id: journeyStages.id, position: journeyStages.position })
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
		return true
	})
}

export function removeEntry(kind: TaxonomyKind, id: string) {
	referenceChanged()
	return deleteOrRetire(tables[kind], id)
}

export function restoreEntry(kind: TaxonomyKind, id: string) {
	referenceChanged()
	return restore(tables[kind], id)
}

/** What the capture forms offer: active stages (in journey order), events and channels. */
export function captureTaxonomy() {
	return cachedReference('capture-taxonomy', () => ({ stages: listStages(), events: listEvents(), channels: listChannels() }))
}
