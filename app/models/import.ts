/**
 * CSV imports of people and departments (issue 20; decision 065): what the pages and the model
 * share. The files are read in import-csv.server.ts.
 */
import { type MessageKey } from '#app/utils/i18n.ts'
import { type Role } from '#app/utils/permissions.ts'

export const IMPORT_KINDS = ['people', 'departments'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
export const MAX_IMPORT_ROWS = 50_000

export type Problem = { key: MessageKey; values?: Record<string, string | number> }

export type PersonRow = {
	line: number
	email: string
	name: string | null
	/** A department name or path; null: none; undefined: the column is absent or the cell blank (keep). */
	department: string | null | undefined
	role: Role | undefined
	active: boolean | undefined
	problems: Problem[]
}

export type DepartmentRow = { line: number; path: string[]; customerFacing: boolean | undefined; problems: Problem[] }

export type Parsed<T> = { rows: T[]; problem: null } | { rows: []; problem: Problem }
