import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm'
import { audit } from '#app/models/audit.server.ts'
import { campaignState } from '#app/models/campaign.ts'
import { STATUS } from '#app/models/idea.ts'
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
}

export function createCampaign(input: CampaignInput, createdBy: string) {
	return writeTransaction((tx) => {
		const created = tx
			.insert(campaigns)
			.values({ ...input, createdBy })
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
