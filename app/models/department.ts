import { z } from 'zod'
import { NameSchema } from '#app/models/user.ts'

export type DepartmentRow = { id: string; name: string; parentId: string | null; customerFacing?: boolean; retiredAt: Date | null }

export const DepartmentSchema = z.object({
	name: NameSchema,
	parentId: z.string().trim().optional(),
	customerFacing: z.boolean().default(false),
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

/** How many departments a filter lists before it shows only the top levels. */
export const DEPARTMENT_CHOICES = 80

/**
 * The departments a filter's list offers: all of them in a small company; in a large one
 * (the reference company has 297) the top levels that fit in DEPARTMENT_CHOICES, and below
 * them the chosen department's own line: its ancestors, their children and its children.
 * Choosing a department and applying the filter then lists its teams, one level at a time.
 * `tree` is in toTree's order; `partial` says that some departments are not listed yet.
 */
export function departmentChoices<T extends { id: string; parentId: string | null; depth: number }>(
	tree: T[],
	selectedId?: string | null,
	limit = DEPARTMENT_CHOICES,
) {
	if (tree.length <= limit) return { choices: tree, partial: false }
	let cutoff = 0
	while (tree.filter((d) => d.depth <= cutoff + 1).length <= limit) cutoff++
	const byId = new Map(tree.map((d) => [d.id, d]))
	const line = new Set<string>()
	for (
		let node = selectedId ? byId.get(selectedId) : undefined;
		node && !line.has(node.id);
		node = node.parentId ? byId.get(node.parentId) : undefined
	) {
		line.add(node.id)
	}
	const choices = tree.filter((d) => d.depth <= cutoff || line.has(d.id) || (d.parentId !== null && line.has(d.parentId)))
	return { choices, partial: true }
}
