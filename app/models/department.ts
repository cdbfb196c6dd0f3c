import { z } from 'zod'
import { NameSchema } from './user.ts'

export type DepartmentRow = { id: string; name: string; parentId: string | null; retiredAt: Date | null }

export const DepartmentSchema = z.object({
	name: NameSchema,
	parentId: z.string().trim().optional(),
})

/** Depth-first order with each department's depth, for indented lists and pickers. */
export function toTree<T extends DepartmentRow>(rows: T[]): Array<T & { depth: number }> {
	const byParent = new Map<string | null, T[]>()
	const ids = new Set(rows.map((r) => r.id))
	for (const row of rows) {
		const key = row.parentId && ids.has(row.parentId) ? row.parentId : null
		byParent.set(key, [...(byParent.get(key) ?? []), row])
	}
	const out: Array<T & { depth: number }> = []
	const visit = (parent: string | null, depth: number) => {
		const children = (byParent.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))
		for (const child of children) {
			out.push({ ...child, depth })
			visit(child.id, depth + 1)
		}
	}
	visit(null, 0)
	return out
}

