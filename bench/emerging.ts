// Quality figures for the emerging moments (decision 060), on the labelled insights in
// tests/fixtures/tag-suggestions.json. Each run hides one moment of truth, as if the organisation
// did not track it yet: some of its insights are logged without a moment over four weeks, among
// untagged insights of the known moments (people who did not tag), while the rest of the known
// moments' insights are tagged. A moment is found when a group offered is mostly its insights.
// Runs with no hidden moment count the groups offered out of nothing. Part of `npm run bench`.
import fs from 'node:fs'
import path from 'node:path'
import { background, EMERGING, emergingGroups, type EmergingDoc } from '#app/models/emerging.ts'
import { seededRandom } from '#tests/simulate.ts'

type Item = { lang: 'en' | 'it'; event: string; text: string }
type NewItem = { lang: 'en' | 'it'; moment: string; text: string }
const RUNS_PER_MOMENT = 10
/** How many of the hidden moment's insights are logged in the window, and what share of the known moments' insights are left untagged. */
const HIDDEN = 12
const UNTAGGED_SHARE = 0.2
/** A group belongs to the hidden moment when at least this share of it is. */
const PURE = 0.7

export function emergingQuality() {
	const fixtures = path.join(import.meta.dirname, '..', 'tests', 'fixtures')
	const items = (JSON.parse(fs.readFileSync(path.join(fixtures, 'tag-suggestions.json'), 'utf8')) as { items: Item[] }).items
	const moments = [...new Set(items.map((i) => i.event))]
	const random = seededRandom(60)
	const shuffle = <T>(list: T[]) =>
		list
			.map((x) => ({ x, r: random() }))
			.sort((a, b) => a.r - b.r)
			.map(({ x }) => x)

	const fresh = (JSON.parse(fs.readFileSync(path.join(fixtures, 'emerging-moments.json'), 'utf8')) as { items: NewItem[] }).items
	const freshMoments = [...new Set(fresh.map((i) => i.moment))]

	/** One run: `hiddenItems` untagged in the window among the untagged share of the known moments, the rest of those tagged. */
	function run(hidden: string | null, hiddenItems: Item[]) {
		const known = items.filter((i) => i.event !== hidden)
		const untagged = known.filter(() => random() < UNTAGGED_SHARE)
		const tagged = known.filter((i) => !untagged.includes(i))
		const docs: Array<EmergingDoc & { event: string | null }> = [...hiddenItems, ...untagged].map((item, n) => ({
			id: String(n),
			text: item.text,
			day: Math.floor(random() * EMERGING.windowDays),
			event: hiddenItems.includes(item) ? (hidden ?? 'new') : null,
		}))
		const groups = emergingGroups(docs, background(tagged.map((i) => i.text)))
		const target = new Set(docs.filter((d) => d.event).map((d) => d.id))
		const ofHidden = groups.filter((g) => g.ids.filter((id) => target.has(id)).length >= g.ids.length * PURE)
		const covered = ofHidden.reduce((sum, g) => sum + g.ids.filter((id) => target.has(id)).length, 0)
		const members = ofHidden.reduce((sum, g) => sum + g.ids.length, 0)
		return {
			found: ofHidden.length > 0,
			covered,
			members,
			falseGroups: groups.length - ofHidden.length,
			labels: ofHidden.map((g) => g.label),
		}
	}

	const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0)
	function summary(moment: string, pick: () => { hidden: string | null; items: Item[] }) {
		const runs = Array.from({ length: RUNS_PER_MOMENT }, () => {
			const { hidden, items: hiddenItems } = pick()
			return { ...run(hidden, hiddenItems), size: hiddenItems.length }
		})
		const members = runs.reduce((s, r) => s + r.members, 0)
		return {
			moment,
			found: runs.filter((r) => r.found).length / runs.length,
			coverage: runs.reduce((s, r) => s + r.covered, 0) / runs.reduce((s, r) => s + r.size, 0),
			purity: members ? runs.reduce((s, r) => s + r.covered, 0) / members : null,
			falseGroups: runs.reduce((s, r) => s + r.falseGroups, 0) / runs.length,
			label: runs.find((r) => r.labels.length)?.labels[0] ?? '',
		}
	}
	const overall = (rows: Array<ReturnType<typeof summary>>) => ({
		found: mean(rows.map((m) => m.found)),
		coverage: mean(rows.map((m) => m.coverage)),
		purity: mean(rows.flatMap((m) => (m.purity === null ? [] : [m.purity]))),
		falseGroups: mean(rows.map((m) => m.falseGroups)),
	})
	// New moments: all 14 insights of one, every known moment's insights as the organisation has them.
	const newMoments = freshMoments.map((moment) =>
		summary(moment, () => ({ hidden: null, items: fresh.filter((i) => i.moment === moment).map((i) => ({ ...i, event: moment })) })),
	)
	// Known moments hidden: 12 of the 30 insights of one default moment, its other insights gone.
	const knownHidden = moments.map((moment) =>
		summary(moment, () => ({ hidden: moment, items: shuffle(items.filter((i) => i.event === moment)).slice(0, HIDDEN) })),
	)
	const nothing = Array.from({ length: moments.length * RUNS_PER_MOMENT }, () => run(null, []))
	return {
		items: items.length,
		fresh: fresh.length,
		runs: RUNS_PER_MOMENT,
		hidden: HIDDEN,
		untaggedShare: UNTAGGED_SHARE,
		newMoments: { ...overall(newMoments), perMoment: newMoments },
		knownHidden: { ...overall(knownHidden), perMoment: knownHidden },
		falseGroupsFromNothing: mean(nothing.map((r) => r.falseGroups)),
	}
}

const pct = (x: number) => `${Math.round(x * 100)}%`

export function printEmergingQuality(q = emergingQuality()) {
	const row = (m: { moment: string; found: number; coverage: number; purity: number | null; label: string }) =>
		console.log(
			`    ${m.moment.padEnd(42)} found ${pct(m.found).padStart(4)}  coverage ${pct(m.coverage).padStart(4)}  purity ${m.purity === null ? '   –' : pct(m.purity).padStart(4)}  ${m.label ? `“${m.label}”` : ''}`,
		)
	console.log(
		`Emerging moments (${q.runs} runs each; ${pct(q.untaggedShare)} of the ${q.items} labelled insights of the known moments left untagged, the rest tagged):`,
	)
	const n = q.newMoments
	console.log(
		`  new moments (${q.fresh} insights, tests/fixtures/emerging-moments.json): offered ${pct(n.found)} of runs (target ≥ 80%), purity ${pct(n.purity)} (target ≥ 80%), coverage ${pct(n.coverage)}`,
	)
	n.perMoment.forEach(row)
	const k = q.knownHidden
	console.log(
		`  a default moment hidden (${q.hidden} of its 30 insights, half Italian, written to differ): offered ${pct(k.found)} of runs, purity ${pct(k.purity)}, coverage ${pct(k.coverage)}`,
	)
	k.perMoment.forEach(row)
	console.log(
		`  groups offered that are not the moment: ${n.falseGroups.toFixed(2)} per run beside a new one, ${q.falseGroupsFromNothing.toFixed(2)} per run with nothing new (target ≤ 0.5)`,
	)
	return q
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) printEmergingQuality()
