import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm'
import { audit } from '#app/models/audit.server.ts'
import { type AuditDetail } from '#app/models/audit.ts'
import { campaignState } from '#app/models/campaign.ts'
import { criteriaOf, type Criterion } from '#app/models/evaluation.ts'
import { STATUS } from '#app/models/idea.ts'
import { rescoreCampaign } from '#app/models/triage.server.ts'
import { getDb, writeTransaction } from '#db/index.ts'
import { campaigns, criticalEvents, ideas, journeyStages, users } from '#db/schema.ts'

export type CampaignInput = {
	title: string
	description: string
	sponsor: string
	startsAt: Date
	endsAt: Date
	stageId: string | null
	eventId: string | null
	/** Rows from the form: an id for a criterion it had, null for a new one; empty for impact and effort. */
	criteria?: Array<Omit<Criterion, 'id'> & { id: string | null }>
}

/** Criteria as stored: each new one gets an id (a kept one keeps its own, so its scores stay); none means impact and effort. */
function storedCriteria(rows: CampaignInput['criteria'] = [], before: Criterion[] | null = null): Criterion[] | null {
	const known = new Set((before ?? []).map((c) => c.id))
	const list = rows.map((r) => ({ ...r, id: r.id && known.has(r.id) ? r.id : crypto.randomUUID().slice(0, 8) }))
	return list.length ? list : null
}

export function createCampaign(input: CampaignInput, createdBy: string) {
	return writeTransaction((tx) => {
		const created = tx
			.insert(campaigns)
			.values({ ...input, criteria: storedCriteria(input.criteria), createdBy })
			.returning({ id: campaigns.id })
			.get()
		audit(tx, createdBy, 'campaign.create', { type: 'campaign', id: created.id }, { title: input.title })
		return created
	})
}

const columns = {
	id: campaigns.id,
	title: campaigns.title,
	description: campaigns.description,
	sponsor: campaigns.sponsor,
	startsAt: campaigns.startsAt,
	endsAt: campaigns.endsAt,
	stage: { id: journeyStages.id, name: journeyStages.name, names: journeyStages.names },
	event: { id: criticalEvents.id, name: criticalEvents.name, names: criticalEvents.names },
	criteria: campaigns.criteria,
	createdBy: campaigns.createdBy,
	createdByName: users.name,
	ideaCount: sql<number>`(SELECT count(*) FROM ${ideas} i WHERE i.campaign_id = ${campaigns}.id AND i.hidden_at IS NULL AND i.status <> ${STATUS.merged})`,
}

function query() {
	return getDb()
		.select(columns)
		.from(campaigns)
		.leftJoin(journeyStages, eq(journeyStages.id, campaigns.stageId))
		.leftJoin(criticalEvents, eq(criticalEvents.id, campaigns.eventId))
		.leftJoin(users, eq(users.id, campaigns.createdBy))
}

/**
 * A campaign's question, dates, focus and criteria, changed. The log keeps each change from
 * → to (dates as the organisation's days, criteria as one line); when the criteria change,
 * every scored idea's weighted score is worked out again. Returns how many, or null if the
 * campaign does not exist.
 */
export function updateCampaign(
	id: string,
	input: CampaignInput,
	actorId: string,
	describe: { period: (startsAt: Date, endsAt: Date) => string; criteria: (list: readonly Criterion[]) => string },
	now = new Date(),
) {
	return writeTransaction((tx) => {
		const before = tx.select().from(campaigns).where(eq(campaigns.id, id)).get()
		if (!before) return null
		const criteria = storedCriteria(input.criteria, before.criteria)
		tx.update(campaigns)
			.set({ ...input, criteria })
			.where(eq(campaigns.id, id))
			.run()
		const detail: AuditDetail = {}
		for (const field of ['title', 'sponsor'] as const) {
			if (before[field] !== input[field]) detail[field] = { from: before[field], to: input[field] }
		}
		const period = [describe.period(before.startsAt, before.endsAt), describe.period(input.startsAt, input.endsAt)]
		if (period[0] !== period[1]) detail.period = { from: period[0]!, to: period[1]! }
		const line = [describe.criteria(criteriaOf(before.criteria)), describe.criteria(criteriaOf(criteria))]
		const criteriaChanged = line[0] !== line[1]
		if (criteriaChanged) detail.criteria = { from: line[0]!, to: line[1]! }
		if (before.description !== input.description) detail.note = input.description.slice(0, 280)
		audit(tx, actorId, 'campaign.update', { type: 'campaign', id }, detail, now)
		return criteriaChanged ? rescoreCampaign(tx, id, criteria) : 0
	})
}

/** Open first (ending soonest), then upcoming, then the closed ones, most recent first. */
export function listCampaigns(now = new Date()) {
	const rows = query().orderBy(desc(campaigns.endsAt)).all()
	const withState = rows.map((c) => ({ ...c, state: campaignState(c, now) }))
	return {
		open: withState.filter((c) => c.state === 'open').sort((a, b) => +a.endsAt - +b.endsAt),
		upcoming: withState.filter((c) => c.state === 'upcoming').sort((a, b) => +a.startsAt - +b.startsAt),
		closed: withState.filter((c) => c.state === 'closed'),
	}
}

export function getCampaign(id: string, now = new Date()) {
	const row = query().where(eq(campaigns.id, id)).get()
	return row ? { ...row, state: campaignState(row, now) } : null
}

/** Campaigns taking ideas right now, for the idea form. */
export function openCampaigns(now = new Date()) {
	return getDb()
		.select({ id: campaigns.id, title: campaigns.title })
		.from(campaigns)
		.where(and(lte(campaigns.startsAt, now), gt(campaigns.endsAt, now)))
		.orderBy(asc(campaigns.endsAt))
		.all()
}
