import { listDepartments } from '#app/models/department.server.ts'
import { departmentChoices, toTree } from '#app/models/department.ts'
import { type FeedFilters } from '#app/models/idea.server.ts'
import { FEED_SORTS, IDEA_STATUSES, type FeedSort, type IdeaStatus } from '#app/models/idea.ts'
import { type InsightFilters } from '#app/models/insight.server.ts'
import { PERIODS, type Period } from '#app/models/insight.ts'
import { cachedReference } from '#app/models/reference-data.server.ts'
import { captureTaxonomy } from '#app/models/taxonomy.server.ts'

/** A query-string value if it is one of `list`, else nothing: unknown values are ignored, not refused. */
export const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
	list.includes(value as T) ? (value as T) : undefined
/** An id-like query-string value of at most 64 characters, else nothing. */
export const shortText = (value: string | null) => (value && value.length <= 64 ? value : undefined)

/** Filters from the query string; unknown values are ignored rather than refused. */
export function insightFiltersFrom(params: URLSearchParams): InsightFilters {
	return {
		stageId: shortText(params.get('stage')),
		eventId: shortText(params.get('event')),
		channelId: shortText(params.get('channel')),
		departmentId: shortText(params.get('department')),
		period: oneOf<Period>(PERIODS, params.get('period')),
		mine: params.get('mine') === '1',
	}
}

export function feedFiltersFrom(params: URLSearchParams): FeedFilters {
	return {
		...insightFiltersFrom(params),
		status: oneOf<IdeaStatus>(IDEA_STATUSES, params.get('status')),
		campaignId: shortText(params.get('campaign')),
	}
}

export function feedSortFrom(params: URLSearchParams): FeedSort {
	return oneOf<FeedSort>(FEED_SORTS, params.get('sort')) ?? 'trending'
}

/** The lists the filter selects offer; a large company's departments around the chosen one. */
export function filterOptions(departmentId?: string | null) {
	const tree = cachedReference('department-tree', () =>
		toTree(listDepartments()).map(({ id, name, depth, parentId }) => ({ id, name, depth, parentId })),
	)
	const all = cachedReference('department-options', () => tree.map(({ id, name, depth }) => ({ id, name, depth })))
	const { choices, partial } = departmentChoices(tree, departmentId)
	return {
		...captureTaxonomy(),
		departments: partial ? choices.map(({ id, name, depth }) => ({ id, name, depth })) : all,
		departmentsPartial: partial,
	}
}
