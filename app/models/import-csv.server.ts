/**
 * Reading the CSV files of an import (decision 065): a file becomes rows with their line numbers,
 * or the problem that stops it. Server-only: csv-parse needs Node's Buffer.
 */
import { parse } from 'csv-parse/sync'
import { MAX_IMPORT_ROWS, type DepartmentRow, type ImportKind, type Parsed, type PersonRow, type Problem } from '#app/models/import.ts'
import { ROLES, type Role } from '#app/utils/permissions.ts'

/** Each column by its English or Italian header, any case, with or without spaces and underscores. */
const HEADERS: Record<ImportKind, Record<string, string[]>> = {
	people: {
		email: ['email', 'e-mail', 'mail', 'indirizzo e-mail'],
		name: ['name', 'full name', 'display name', 'nome', 'nome e cognome'],
		department: ['department', 'department path', 'reparto', 'dipartimento'],
		role: ['role', 'ruolo'],
		manager: ['manager', 'is manager', 'responsabile'],
		active: ['active', 'attivo'],
	},
	departments: {
		path: ['path', 'department', 'department path', 'percorso', 'reparto'],
		customerFacing: ['customer facing', 'customerfacing', 'meets customers', 'a contatto con i clienti'],
	},
}

const normal = (header: string) =>
	header
		.trim()
		.toLowerCase()
		.replace(/[_\s]+/g, ' ')

const YES = new Set(['yes', 'y', 'true', '1', 'sì', 'si', 'x'])
const NO = new Set(['no', 'n', 'false', '0', ''])
const ROLE_NAMES: Record<string, Role> = {
	employee: 'employee',
	dipendente: 'employee',
	manager: 'manager',
	responsabile: 'manager',
	leader: 'leader',
	dirigente: 'leader',
	admin: 'admin',
	administrator: 'admin',
	amministratore: 'admin',
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type Records =
	{ problem: Problem } | { columns: Map<string, number>; body: Array<{ line: number; cell: (name: string) => string | undefined }> }

function records(text: string, kind: ImportKind): Records {
	let table: string[][]
	try {
		// Excel in Italy writes semicolons: the delimiter is whichever the header line uses.
		const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'))
		const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
		table = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][]
	} catch (error) {
		const line = (error as { lines?: number }).lines
		return { problem: { key: 'import.errors.notCsv', values: { line: line ?? 1 } } }
	}
	const [header, ...body] = table
	if (!header || !body.length) return { problem: { key: 'import.errors.empty' } }
	if (body.length > MAX_IMPORT_ROWS) return { problem: { key: 'import.errors.tooManyRows', values: { max: MAX_IMPORT_ROWS } } }
	const columns = new Map<string, number>()
	header.forEach((cell, index) => {
		const name = Object.entries(HEADERS[kind]).find(([, aliases]) => aliases.includes(normal(cell)))?.[0]
		if (name && !columns.has(name)) columns.set(name, index)
	})
	const required = kind === 'people' ? 'email' : 'path'
	if (!columns.has(required)) return { problem: { key: 'import.errors.noColumn', values: { column: required } } }
	// Line numbers as a spreadsheet shows them: the header is line 1.
	return {
		columns,
		body: body.map((cells, i) => ({
			line: i + 2,
			cell: (name: string) => (columns.has(name) ? (cells[columns.get(name)!] ?? '').trim() : undefined),
		})),
	}
}

function yesNo(value: string | undefined, column: string, problems: Problem[]) {
	if (value === undefined || value === '') return undefined
	const folded = value.toLowerCase()
	if (YES.has(folded)) return true
	if (NO.has(folded)) return false
	problems.push({ key: 'import.errors.yesNo', values: { column, value } })
	return undefined
}

/** The people of a CSV file, each with the problems of its own line. */
export function parsePeople(text: string): Parsed<PersonRow> {
	const read = records(text, 'people')
	if ('problem' in read) return { rows: [], problem: read.problem }
	const seen = new Map<string, number>()
	const rows = read.body.map(({ line, cell }): PersonRow => {
		const problems: Problem[] = []
		const email = (cell('email') ?? '').toLowerCase()
		if (!email) problems.push({ key: 'import.errors.emailMissing' })
		else if (!EMAIL.test(email) || email.length > 254) problems.push({ key: 'import.errors.emailInvalid', values: { value: email } })
		else if (seen.has(email)) problems.push({ key: 'import.errors.emailRepeated', values: { line: seen.get(email)! } })
		else seen.set(email, line)
		const name = cell('name') || null
		if (name && name.length > 120) problems.push({ key: 'import.errors.nameTooLong' })
		const rawRole = cell('role')
		let role: Role | undefined
		if (rawRole) {
			role = ROLE_NAMES[rawRole.toLowerCase()]
			if (!role) problems.push({ key: 'import.errors.roleUnknown', values: { value: rawRole, roles: ROLES.join(', ') } })
		}
		if (!role && yesNo(cell('manager'), 'manager', problems)) role = 'manager'
		const rawDepartment = cell('department')
		return {
			line,
			email,
			name,
			department: rawDepartment === undefined || rawDepartment === '' ? undefined : rawDepartment === '-' ? null : rawDepartment,
			role,
			active: yesNo(cell('active'), 'active', problems),
			problems,
		}
	})
	return { rows, problem: null }
}

/** The departments of a CSV file: a path from the top ("Banca Aurora/Customer Care/Contact Centre"). */
export function parseDepartments(text: string): Parsed<DepartmentRow> {
	const read = records(text, 'departments')
	if ('problem' in read) return { rows: [], problem: read.problem }
	const seen = new Map<string, number>()
	const rows = read.body.map(({ line, cell }): DepartmentRow => {
		const problems: Problem[] = []
		const path = (cell('path') ?? '')
			.split('/')
			.map((part) => part.trim())
			.filter(Boolean)
		const key = path.map((p) => p.toLowerCase()).join('/')
		if (!path.length) problems.push({ key: 'import.errors.pathMissing' })
		else if (path.some((part) => part.length > 120)) problems.push({ key: 'import.errors.nameTooLong' })
		else if (seen.has(key)) problems.push({ key: 'import.errors.pathRepeated', values: { line: seen.get(key)! } })
		else seen.set(key, line)
		return { line, path, customerFacing: yesNo(cell('customerFacing'), 'customer_facing', problems), problems }
	})
	return { rows, problem: null }
}
