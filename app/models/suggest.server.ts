import { and, desc, isNotNull, isNull } from 'drizzle-orm'
import { cachedReference, referenceVersion } from '#app/models/reference-data.server.ts'
import { channelFromText, rankLabels, trainNaiveBayes, type NaiveBayes } from '#app/models/suggest.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'
import { DEFAULT_KEYWORDS } from '#app/models/taxonomy.ts'
import { getDb } from '#db/index.ts'
import { insights } from '#db/schema.ts'

// The tag suggestions' model (decision 059): trained on the organisation's own tagged insights,
// the newest TRAINING_LIMIT of them, kept in memory, trained again every MAX_AGE_MS (the server's
// quarter-hour loop does it ahead of need) and as soon as an admin changes the taxonomy.

const TRAINING_LIMIT = 20_000
const MAX_AGE_MS = 6 * 3_600_000

let current: { model: NaiveBayes; version: number; trainedAt: number } | null = null

function train(now: number) {
	const rows = getDb()
		.select({ text: insights.body, label: insights.eventId })
		.from(insights)
		.where(and(isNotNull(insights.eventId), isNull(insights.hiddenAt)))
		.orderBy(desc(insights.createdAt))
		.limit(TRAINING_LIMIT)
		.all()
	return { model: trainNaiveBayes(rows.map((r) => ({ text: r.text, label: r.label! }))), version: referenceVersion(), trainedAt: now }
}

/** The current model, trained again when it is older than MAX_AGE_MS or the taxonomy changed since. */
export function tagModel(now = Date.now()) {
	if (!current || current.version !== referenceVersion() || now - current.trainedAt > MAX_AGE_MS) current = train(now)
	return current
}

/** Forgets the model (tests, and a restore of the database). */
export function resetTagModel() {
	current = null
}

/** Each active moment's keywords: its own list, or the default list for its name. */
function eventKeywords() {
	return cachedReference(
		'event-keywords',
		() => new Map(captureTaxonomy().events.map((e) => [e.id, e.keywords ?? DEFAULT_KEYWORDS[e.name] ?? []])),
	)
}

export type TagSuggestion = { events: Array<{ id: string; stageId: string }>; channelId: string | null }

/** The three likeliest moments of truth (each with its usual stage) and the channel the text names. */
export function suggestTags(text: string): TagSuggestion {
	const { events, channels } = captureTaxonomy()
	const byId = new Map(events.map((e) => [e.id, e]))
	const ranked = text.trim().length < 8 ? [] : rankLabels(text, tagModel().model, eventKeywords())
	const channel = channelFromText(text)
	return {
		events: ranked.flatMap(({ label }) => {
			const event = byId.get(label)
			return event ? [{ id: event.id, stageId: event.defaultStageId }] : []
		}),
		channelId: (channel && channels.find((c) => c.name === channel)?.id) ?? null,
	}
}
