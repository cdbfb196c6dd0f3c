import { eq } from 'drizzle-orm'
import { createIdea } from '#app/models/idea.server.ts'
import { createInsight } from '#app/models/insight.server.ts'
import { listChannels, listStages } from '#app/models/taxonomy.server.ts'
import { getDb } from '#db/index.ts'
import { users } from '#db/schema.ts'

/** A demo colleague by the part of their e-mail before the @ (e.g. "luca.romano"). */
export function person(local: string) {
	const user = getDb()
		.select()
		.from(users)
		.where(eq(users.email, `${local}@aurora-bank.example`))
		.get()
	if (!user) throw new Error(`No demo user ${local}`)
	return user
}

type Author = { id: string; departmentId: string | null }

/** An idea with sensible defaults; returns its id. */
export function makeIdea(author: Author, overrides: Partial<Parameters<typeof createIdea>[1]> = {}, now = new Date()) {
	return createIdea(
		author,
		{
			title: 'A test idea',
			problem: 'A problem worth fixing for customers.',
			proposal: 'A proposal that fixes it.',
			benefit: 'Happier customers.',
			stageIds: [listStages()[0]!.id],
			eventIds: [],
			insightIds: [],
			campaignId: null,
			anonymous: false,
			...overrides,
		},
		now,
	).id
}

/** An insight with sensible defaults; returns its id. */
export function makeInsight(author: Author, overrides: Partial<Parameters<typeof createInsight>[1]> = {}, now = new Date()) {
	return createInsight(
		author,
		{
			body: 'A customer had a hard time.',
			channelId: listChannels()[0]!.id,
			stageId: listStages()[0]!.id,
			eventId: null,
			emotion: 3,
			occurredAt: now,
			anonymous: false,
			...overrides,
		},
		now,
	).id
}
