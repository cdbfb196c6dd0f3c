import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { listAudit } from '#app/models/audit.server.ts'
import { auditFactText } from '#app/models/audit.ts'
import { action as editAction, loader as editLoader } from '#app/routes/campaigns+/$campaignId_.edit.tsx'
import { action as newAction } from '#app/routes/campaigns+/new.tsx'
import { action as ideaAction, loader as ideaLoader } from '#app/routes/ideas+/$ideaId.tsx'
import { loader as triageLoader } from '#app/routes/triage+/_index.tsx'
import { getT } from '#app/utils/i18n.ts'
import { getDb } from '#db/index.ts'
import { campaigns, ideas } from '#db/schema.ts'
import { makeIdea, person } from '#tests/factories.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

const en = getT('en')
const campaignFields = {
	title: 'How do we keep travellers paying abroad?',
	description: 'Ideas for customers whose cards stop working abroad.',
	sponsor: 'Elena Marino',
	startsOn: '2026-01-01',
	endsOn: '2036-12-31',
}

test('a campaign scores its ideas on its own weighted criteria; the queue sorts by that score; editing them is logged and rescores', async () => {
	const manager = demoUser('manager')
	const cookie = await sessionCookieFor(manager.id)
	const created = (await newAction({
		request: formRequest(
			'/campaigns/new',
			{
				...campaignFields,
				'criteria[0].name': 'Customer impact',
				'criteria[0].weight': '3',
				'criteria[1].name': 'Cost',
				'criteria[1].weight': '1',
				'criteria[1].lowerIsBetter': 'on',
				'criteria[2].name': '',
				'criteria[2].weight': '1',
			},
			cookie,
		),
		context,
		params: {},
	})) as Response
	expect(created.status).toBe(302)
	const campaignId = created.headers.get('Location')!.split('/').pop()!
	const stored = getDb().select().from(campaigns).where(eq(campaigns.id, campaignId)).get()!
	expect(stored.criteria?.map(({ name, weight, lowerIsBetter }) => ({ name, weight, lowerIsBetter }))).toEqual([
		{ name: 'Customer impact', weight: 3, lowerIsBetter: false },
		{ name: 'Cost', weight: 1, lowerIsBetter: true },
	])
	const [impact, cost] = stored.criteria!.map((c) => c.id)

	// Two ideas in the campaign (by Contact Centre people, in the manager's scope), one outside it.
	const cheap = makeIdea(person('giulia.rossi'), { title: 'Cheap and helpful', campaignId })
	const dear = makeIdea(person('luca.romano'), { title: 'Helpful but dear', campaignId })
	const plain = makeIdea(person('giulia.rossi'), { title: 'Outside any campaign' })
	const evaluate = (ideaId: string, fields: Record<string, string>) =>
		settle(() =>
			ideaAction({
				request: formRequest(`/ideas/${ideaId}`, { intent: 'evaluate', owner: '', ...fields }, cookie),
				context,
				params: { ideaId },
			}),
		)

	// The panel offers the campaign's criteria, not impact and effort.
	const page = (await ideaLoader({ request: getRequest(`/ideas/${cheap}`, cookie), context, params: { ideaId: cheap } })) as unknown as {
		triage: { evaluation: { criteria: Array<{ name: string }>; campaign: string | null; score: number | null } }
	}
	expect(page.triage.evaluation.criteria.map((c) => c.name)).toEqual(['Customer impact', 'Cost'])
	expect(page.triage.evaluation.campaign).toBe(campaignFields.title)
	expect(page.triage.evaluation.score).toBeNull()

	// Impact and effort are no criteria of this campaign: refused, nothing stored.
	expect(statusOf(await evaluate(cheap, { 'scores.impact': '5' }))).toBe(400)
	expect(statusOf(await evaluate(cheap, { [`scores.${impact}`]: '7' }))).toBe(400)
	expect(getDb().select({ scores: ideas.scores }).from(ideas).where(eq(ideas.id, cheap)).get()?.scores).toBeNull()

	expect(statusOf(await evaluate(cheap, { [`scores.${impact}`]: '4', [`scores.${cost}`]: '1' }))).toBe(302)
	expect(statusOf(await evaluate(dear, { [`scores.${impact}`]: '5', [`scores.${cost}`]: '5' }))).toBe(302)
	// Half scored: no weighted score yet.
	expect(statusOf(await evaluate(plain, { 'scores.impact': '5', 'scores.effort': '' }))).toBe(302)
	const scoreOf = (id: string) => getDb().select({ score: ideas.score }).from(ideas).where(eq(ideas.id, id)).get()!.score
	// (3 × 4 + 1 × 5) ÷ 4 and (3 × 5 + 1 × 1) ÷ 4.
	expect(scoreOf(cheap)).toBe(4.25)
	expect(scoreOf(dear)).toBe(4)
	expect(scoreOf(plain)).toBeNull()

	const queue = async () =>
		(
			(await triageLoader({
				request: getRequest(`/triage?sort=score&campaign=${campaignId}`, cookie),
				context,
				params: {},
			})) as unknown as {
				queue: { rows: Array<{ title: string; score: number | null }> }
			}
		).queue.rows.map((r) => [r.title, r.score])
	expect(await queue()).toEqual([
		['Cheap and helpful', 4.25],
		['Helpful but dear', 4],
	])

	// Another manager cannot edit the campaign; a leader can. Cost now weighs as much as impact.
	const otherManager = await sessionCookieFor(person('stefano.fontana').id)
	expect(
		statusOf(
			await settle(() =>
				editLoader({ request: getRequest(`/campaigns/${campaignId}/edit`, otherManager), context, params: { campaignId } }),
			),
		),
	).toBe(403)
	const edit = (fields: Record<string, string>, as: string) =>
		settle(() =>
			editAction({
				request: formRequest(`/campaigns/${campaignId}/edit`, { ...campaignFields, ...fields }, as),
				context,
				params: { campaignId },
			}),
		)
	const reweighed = {
		'criteria[0].id': impact!,
		'criteria[0].name': 'Customer impact',
		'criteria[0].weight': '1',
		'criteria[1].id': cost!,
		'criteria[1].name': 'Cost',
		'criteria[1].weight': '3',
		'criteria[1].lowerIsBetter': 'on',
	}
	expect(statusOf(await edit(reweighed, otherManager))).toBe(403)
	// A bad row comes back with what was typed and nothing changes.
	const bad = (await edit(
		{ ...reweighed, 'criteria[1].name': 'customer IMPACT' },
		await sessionCookieFor(demoUser('leader').id),
	)) as unknown as {
		data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }
		init: { status: number }
	}
	expect(bad.init.status).toBe(400)
	expect(bad.data.result.error['criteria[1].name']).toEqual(['campaigns.criterionTwice'])
	expect(scoreOf(cheap)).toBe(4.25)

	const saved = (await edit(reweighed, await sessionCookieFor(demoUser('leader').id))) as Response
	expect(saved.status).toBe(302)
	// (1 × 4 + 3 × 5) ÷ 4 and (1 × 5 + 3 × 1) ÷ 4: the cheap one stays ahead, by more.
	expect(scoreOf(cheap)).toBe(4.75)
	expect(scoreOf(dear)).toBe(2)
	const entry = listAudit({ action: 'campaign.update' }).rows[0]!
	expect(entry).toMatchObject({ actorName: demoUser('leader').name, target: { type: 'campaign', name: campaignFields.title } })
	expect(entry.facts.map((f) => auditFactText(f, en))).toEqual([
		'Criteria: Customer impact ×3, Cost ×1 (lower is better) → Customer impact ×1, Cost ×3 (lower is better)',
	])
	// The manager's scores are logged by criterion name.
	const scored = listAudit({ action: 'idea.evaluate' }).rows.find((r) => r.target.name === 'Helpful but dear')!
	expect(scored.facts.map((f) => auditFactText(f, en))).toEqual(['Scores: Customer impact –, Cost – → Customer impact 5, Cost 5'])
})
