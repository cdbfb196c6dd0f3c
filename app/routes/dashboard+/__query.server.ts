import {
	dashboardScope,
	departmentComparison,
	figures,
	headcount,
	heatmap,
	largeEnough,
	periodOf,
	previousPeriod,
	weeklySeries,
} from '#app/models/dashboard.server.ts'
import { DEFAULT_WEEKS, PERIOD_WEEKS } from '#app/models/dashboard.ts'
import { listDepartments, subtreeIds } from '#app/models/department.server.ts'
import { departmentChoices, toTree, type DepartmentRow } from '#app/models/department.ts'
import { spikesIn } from '#app/models/signals.server.ts'
import { type SessionUser } from '#app/models/user.ts'
import { createTtlCache } from '#app/utils/cache.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { httpError } from '#app/utils/http.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { hasPermission } from '#app/utils/permissions.ts'
import { isoWeek, isWeekLabel } from '#app/utils/time.ts'

/**
 * Reads the dashboard's period and department from the query string for this person.
 * Unknown values fall back to the defaults; a department outside a manager's scope is a 403.
 */
function accessOf(url: URL, user: SessionUser) {
	return dashboardScope(user, url.searchParams.get('department') || null, (p) => hasPermission(user.role, p))
}

/** Why the asked-for department is refused, or null when the dashboard may show it. */
export function scopeRefusal(url: URL, user: SessionUser): MessageKey | null {
	return accessOf(url, user) ? null : scopeDenied(user)
}

const scopeDenied = (user: SessionUser): MessageKey => (user.departmentId ? 'errors.departmentOutOfScope' : 'errors.noDepartmentScope')

/** The dashboard's period, scope and filters from its URL; a department outside the person's scope is a 403. */
export function dashboardQuery(url: URL, user: SessionUser, now = new Date()) {
	const params = url.searchParams
	const weeks = PERIOD_WEEKS.find((w) => String(w) === params.get('weeks')) ?? DEFAULT_WEEKS
	const current = isoWeek(now, getEnv().TIME_ZONE)
	const requestedEnd = params.get('end') ?? ''
	// Labels of the same form sort in time order; a future week means "up to now".
	const end = isWeekLabel(requestedEnd) && requestedEnd < current ? requestedEnd : current
	const access = accessOf(url, user)
	if (!access) httpError(403, scopeDenied(user))
	const period = periodOf(end, weeks, now)
	const people = headcount(access.scope)
	const tree = toTree(listDepartments())
	// The department select offers what this person may look at: everything, or their subtree.
	const allowed = access.root ? new Set(subtreeIds(access.root)) : null
	return {
		weeks,
		end,
		current,
		period,
		previous: previousPeriod(period, now),
		scope: access.scope,
		departmentId: access.departmentId,
		people,
		tooSmall: !largeEnough(access.scope),
		...departmentList(tree, allowed, access.departmentId),
		/** The parameters to carry into links (cells, exports, events). */
		search: new URLSearchParams({
			weeks: String(weeks),
			end,
			...(access.departmentId ? { department: access.departmentId } : {}),
		}).toString(),
	}
}

/** The department select: what this person may look at, around the chosen department. */
function departmentList(tree: ReturnType<typeof toTree<DepartmentRow>>, allowed: Set<string> | null, selectedId: string | null) {
	const { choices, partial } = departmentChoices(
		tree.filter((d) => !allowed || allowed.has(d.id)),
		selectedId,
	)
	return { departments: choices.map(({ id, name, depth }) => ({ id, name, depth })), departmentsPartial: partial }
}

export type DashboardQuery = ReturnType<typeof dashboardQuery>

const cache = createTtlCache()

/**
 * Everything the dashboard page and its CSVs show for one scope and period, or null for a
 * group under the minimum size (the figure functions refuse it). The figures are aggregates
 * over months of data, so they are reused for DASHBOARD_CACHE_SECONDS (the page shows when
 * they were computed) instead of being recomputed per request.
 */
export function dashboardData(q: DashboardQuery) {
	const key = [q.departmentId ?? '*', q.weeks, q.end].join('|')
	const { value, computedAt } = cache.get(key, getEnv().DASHBOARD_CACHE_SECONDS * 1000, () => {
		const current = figures(q.scope, q.period)
		const previous = figures(q.scope, q.previous)
		const series = weeklySeries(q.scope, q.period)
		const heat = heatmap(q.scope, q.period)
		if (!current || !previous || !series || !heat) return null
		// Spikes are about now: shown while the period runs to the current week.
		const spikes = q.end === q.current ? (spikesIn(q.scope) ?? []) : null
		return { current, previous, series, heat, spikes, comparison: departmentComparison(q.departmentId, q.period) }
	})
	return value && { ...value, computedAt: new Date(computedAt) }
}
