import { expect, test } from 'vitest'
import { departmentChoices, toTree, type DepartmentRow } from '#app/models/department.ts'

// A company shaped like the reference one: 1 + 8 divisions + 48 areas + 240 teams.
const rows: DepartmentRow[] = [{ id: 'co', name: 'Company', parentId: null, retiredAt: null }]
for (let d = 0; d < 8; d++) {
	rows.push({ id: `d${d}`, name: `Division ${d}`, parentId: 'co', retiredAt: null })
	for (let a = 0; a < 6; a++) {
		rows.push({ id: `d${d}a${a}`, name: `Area ${d}.${a}`, parentId: `d${d}`, retiredAt: null })
		for (let t = 0; t < 5; t++) rows.push({ id: `d${d}a${a}t${t}`, name: `Team ${d}.${a}.${t}`, parentId: `d${d}a${a}`, retiredAt: null })
	}
}
const tree = toTree(rows)

test('a small company lists every department', () => {
	const small = tree.filter((d) => d.depth <= 2)
	expect(departmentChoices(small)).toEqual({ choices: small, partial: false })
})

test('a large company lists the top levels, then the teams of the chosen department, in tree order', () => {
	const top = departmentChoices(tree)
	expect(top.partial).toBe(true)
	expect(top.choices.length).toBe(57)
	expect(top.choices.every((d) => d.depth <= 2)).toBe(true)

	const area = departmentChoices(tree, 'd3a2').choices.map((d) => d.id)
	expect(area.length).toBe(62)
	expect(area.slice(area.indexOf('d3a2'), area.indexOf('d3a2') + 7)).toEqual([
		'd3a2',
		'd3a2t0',
		'd3a2t1',
		'd3a2t2',
		'd3a2t3',
		'd3a2t4',
		'd3a3',
	])

	// A chosen team keeps its siblings listed, so one can move across without going back up.
	const team = departmentChoices(tree, 'd3a2t4').choices.map((d) => d.id)
	expect(team).toEqual(area)
	// An unknown id lists the top levels only.
	expect(departmentChoices(tree, 'nope').choices.length).toBe(57)
})
