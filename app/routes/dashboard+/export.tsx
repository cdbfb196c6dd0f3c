import { Readable } from 'node:stream'
import { type LoaderFunctionArgs } from '@remix-run/node'
import { stringify } from 'csv-stringify'
import { AGE_BUCKETS, metricChange, METRICS, NO_EVENT, rateValue, type MetricFormat, type Rate } from '#app/models/dashboard.ts'
import { listEvents, listStages } from '#app/models/taxonomy.server.ts'
import { dashboardData, dashboardQuery, scopeRefusal } from '#app/routes/dashboard+/__query.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { plainError } from '#app/utils/http.server.ts'
import { getT, localizedName } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'

const TABLES = ['summary', 'trends', 'heatmap', 'departments'] as const
type Table = (typeof TABLES)[number]
type Cell = string | number | null

// Numbers are written the same in every language (a dot for decimals, no grouping) so any
// spreadsheet reads them; percentages as 0-100 with their unit in its own column.
const round = (value: number, digits = 2) => Number(value.toFixed(digits))
function csvNumber(format: MetricFormat, value: number | null): Cell {
	if (value === null) return null
	return format === 'percent' ? round(value * 100) : format === 'count' ? value : round(value)
}
/** A rate as a percentage, empty when its base is too small to show one. */
const csvRate = (rate: Rate | null) => csvNumber('percent', rateValue(rate))
const UNITS: Record<MetricFormat, string> = { percent: '%', decimal: 'per 100 per quarter', count: 'count', days: 'days' }

/** Each dashboard table as CSV: UTF-8 with a byte-order mark, streamed row by row. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:dashboard:scope')
	const url = new URL(request.url)
	const table = TABLES.find((name) => name === url.searchParams.get('table'))
	// A download shows its error text as it is: each is translated here.
	if (!table) throw await plainError(request, user, 400, 'errors.unknownTable', { tables: TABLES.join(', ') })
	const refusal = scopeRefusal(url, user)
	if (refusal) throw await plainError(request, user, 403, refusal)
	const q = dashboardQuery(url, user)
	const data = q.tooSmall ? null : dashboardData(q)
	if (!data) throw await plainError(request, user, 403, 'errors.groupTooSmall', { size: getEnv().MIN_GROUP_SIZE })
	const locale = await getLocale(request, user)
	const rows = rowsOf(table, data, getT(locale), locale)
	const csv = stringify({ bom: true, record_delimiter: 'windows' })
	// Rows are written as the stream is read, so a slow client never holds a whole file in memory.
	Readable.from(rows).pipe(csv)
	return new Response(Readable.toWeb(csv) as ReadableStream, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="voce-${table}-${q.end}-${q.weeks}w.csv"`,
			'Cache-Control': 'private, no-store',
		},
	})
}

function* rowsOf(
	table: Table,
	data: NonNullable<ReturnType<typeof dashboardData>>,
	t: ReturnType<typeof getT>,
	locale: Awaited<ReturnType<typeof getLocale>>,
): Generator<Cell[]> {
	if (table === 'summary') {
		const { current, previous } = data
		yield [
			t('dashboard.export.metric'),
			t('dashboard.export.unit'),
			t('dashboard.export.current'),
			t('dashboard.export.previous'),
			t('dashboard.export.change'),
		]
		for (const metric of METRICS) {
			const change = metricChange(metric, metric.value(current), metric.value(previous))
			yield [
				t(`dashboard.metrics.${metric.key}.label`),
				UNITS[metric.format],
				csvNumber(metric.format, metric.value(current)),
				csvNumber(metric.format, metric.value(previous)),
				change && csvNumber(metric.format, change.delta),
			]
		}
		for (const [i, bucket] of AGE_BUCKETS.entries()) {
			yield [
				`${t('dashboard.backlog.heading')}: ${t(`dashboard.backlog.buckets.${bucket}`)}`,
				'count',
				current.backlog[i]!,
				previous.backlog[i]!,
				current.backlog[i]! - previous.backlog[i]!,
			]
		}
		return
	}
	if (table === 'trends') {
		yield [
			t('dashboard.trends.week'),
			t('dashboard.trends.participants'),
			t('dashboard.trends.insights'),
			t('dashboard.trends.ideas'),
			t('dashboard.trends.decisions'),
		]
		for (const p of data.series) yield [p.week, p.participants, p.insights, p.ideas, p.decisions]
		return
	}
	if (table === 'heatmap') {
		const stages = new Map(listStages({ includeRetired: true }).map((s) => [s.id, localizedName(s, locale)]))
		const events = new Map(listEvents({ includeRetired: true }).map((e) => [e.id, localizedName(e, locale)]))
		yield [
			t('dashboard.export.stage'),
			t('dashboard.heatmap.event'),
			t('dashboard.heatmap.heat'),
			t('dashboard.export.insights'),
			t('dashboard.export.recurrences'),
			t('dashboard.export.emotion'),
			t('dashboard.export.ideas'),
			t('dashboard.export.acted'),
			t('dashboard.export.implemented'),
			t('dashboard.heatmap.blindSpot'),
			t('dashboard.export.recovery'),
			t('dashboard.export.recoveryBase'),
			t('dashboard.export.firstContact'),
			t('dashboard.export.firstContactBase'),
		]
		for (const c of [...data.heat].sort((a, b) => b.heat - a.heat)) {
			yield [
				stages.get(c.stageId) ?? c.stageId,
				c.eventId === NO_EVENT ? t('dashboard.heatmap.noEvent') : (events.get(c.eventId) ?? c.eventId),
				c.heat,
				c.insights,
				c.recurrences,
				c.emotion === null ? null : round(c.emotion),
				c.ideas,
				c.acted,
				c.implemented,
				c.blindSpot ? 'yes' : 'no',
				csvRate(c.recovery),
				c.recovery.whole,
				csvRate(c.firstContact),
				c.firstContact.whole,
			]
		}
		return
	}
	yield [
		t('dashboard.departments.name'),
		t('dashboard.departments.people'),
		`${t('dashboard.departments.participation')} (%)`,
		t('dashboard.departments.ideasPer100'),
		`${t('dashboard.departments.firstResponse')} (days)`,
		`${t('dashboard.departments.implementation')} (%)`,
		`${t('dashboard.departments.recovery')} (%)`,
		`${t('dashboard.departments.firstContact')} (%)`,
	]
	for (const row of data.comparison) {
		if (row.tooSmall) {
			yield [row.name, t('dashboard.tooSmall'), null, null, null, null, null, null]
			continue
		}
		yield [
			row.name,
			row.people,
			csvNumber('percent', row.participation),
			csvNumber('decimal', row.ideasPer100),
			csvNumber('days', row.firstResponseMedian),
			csvNumber('percent', row.implementationRate),
			csvRate(row.recovery),
			csvRate(row.firstContact),
		]
	}
}
