import { Readable } from 'node:stream'
import { type LoaderFunctionArgs } from '@remix-run/node'
import { stringify } from 'csv-stringify'
import { exportAudit } from '#app/models/audit.server.ts'
import { AUDIT_EXPORT_LIMIT, auditFactText } from '#app/models/audit.ts'
import { auditFiltersFrom } from '#app/routes/admin+/__audit.server.ts'
import { requirePermission } from '#app/utils/auth.server.ts'
import { getT } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'

/** The audit entries the page's filters match, as CSV in the reader's language (UTF-8 with a BOM). */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:audit:any')
	const { filters } = auditFiltersFrom(new URL(request.url).searchParams)
	const t = getT(await getLocale(request, user))
	const rows = exportAudit(filters, AUDIT_EXPORT_LIMIT)
	const csv = stringify({ bom: true, record_delimiter: 'windows' })
	Readable.from(
		(function* () {
			yield [t('audit.when'), t('audit.who'), t('audit.what'), t('audit.target'), t('audit.detail')]
			for (const row of rows) {
				yield [
					new Date(row.createdAt).toISOString(),
					row.actorName,
					t(`audit.actions.${row.action}`),
					`${t(`audit.targets.${row.target.type}`)}: ${row.target.name ?? row.target.id}`,
					row.facts.map((fact) => auditFactText(fact, t)).join('; '),
				]
			}
		})(),
	).pipe(csv)
	return new Response(Readable.toWeb(csv) as ReadableStream, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="voce-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
