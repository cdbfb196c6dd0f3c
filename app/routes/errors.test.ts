import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { errorText } from '#app/components/error-boundary.tsx'
import { en } from '#app/locales/en.ts'
import { setUserLocale } from '#app/models/user.server.ts'
import { loader as adminUserLoader } from '#app/routes/admin+/users.$userId.tsx'
import { loader as exportLoader } from '#app/routes/dashboard+/export.tsx'
import { loader as editLoader } from '#app/routes/ideas+/$ideaId_.edit.tsx'
import { action as ideaAction, loader as ideaLoader } from '#app/routes/ideas+/$ideaId.tsx'
import { action as insightAction } from '#app/routes/insights+/$insightId.tsx'
import { getT, type MessageKey } from '#app/utils/i18n.ts'
import { makeIdea, makeInsight, person } from '#tests/factories.ts'
import { context, demoUser, formRequest, getRequest, sessionCookieFor, settle, type Thrown } from '#tests/utils.ts'

const italian = getT('it')
const english = getT('en')
// Words an Italian sentence does not use, and most English sentences do.
const ENGLISH =
	/\b(the|this|that|these|your|you|is|are|not|does|do|of|there|which|what|only|outside|choose|fewer|people|page|found|could|allowed|say|has|have)\b/i

/** What the page shows for something a loader or action threw, as the error boundary renders it. */
async function shown(thrown: unknown) {
	if (thrown instanceof Response) {
		// A guard or a download: its text is the body, translated on the server.
		const body = await thrown.text()
		return errorText({ status: thrown.status, statusText: '', internal: false, data: body }, italian).body
	}
	const { data, init } = thrown as Thrown
	return errorText({ status: init?.status ?? 500, statusText: '', internal: false, data }, italian).body
}

function expectItalian(text: string, key?: string) {
	expect(text, key).not.toMatch(ENGLISH)
	expect(text.length, key).toBeGreaterThan(10)
}

/** Every catalog key the app's code passes to httpError, ensure or plainError, read from the source. */
function thrownKeys() {
	const root = path.resolve('app')
	const keys = new Set<string>()
	for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
		if (!/\.(ts|tsx)$/.test(file) || file.includes('.test.')) continue
		const source = fs.readFileSync(path.join(root, file), 'utf8')
		for (const call of source.matchAll(/\b(?:httpError|ensure|plainError)\(([^)]*(?:\([^)]*\)[^)]*)*)\)/g)) {
			for (const [, key] of call[1]!.matchAll(/'((?:errors|http)\.[A-Za-z.]+)'/g)) keys.add(key!)
		}
	}
	// Keys chosen at run time (the dashboard's scope refusals) are errors.* keys too: take them all.
	for (const key of Object.keys(en.errors)) keys.add(`errors.${key}`)
	for (const key of Object.keys(en.http)) keys.add(`http.${key}`)
	return [...keys]
}

test('every 4xx message the app throws reads in Italian for an Italian reader, never in English', () => {
	const keys = thrownKeys()
	expect(keys).toContain('errors.ideaNotFound')
	expect(keys).toContain('errors.outsideModerationScope')
	for (const key of keys) {
		const values = { tables: 'summary, stages', size: 5 }
		const text = errorText({ status: 400, statusText: '', internal: false, data: { message: key, values } }, italian).body
		expect(text, key).not.toBe(english(key as MessageKey, values))
		expectItalian(text, key)
	}
})

test('real refusals — unknown idea, unknown action, someone else’s idea, own insight, no permission, a bad download — reach an Italian user in Italian', async () => {
	const employee = demoUser('employee')
	setUserLocale(employee.id, 'it')
	const cookie = await sessionCookieFor(employee.id)
	const colleague = person('luca.romano')
	const ideaId = makeIdea(colleague)
	const insightId = makeInsight(employee)
	const refusals = [
		await settle(() => ideaLoader({ request: getRequest('/ideas/nope', cookie), context, params: { ideaId: 'nope' } })),
		await settle(() => ideaAction({ request: formRequest(`/ideas/${ideaId}`, { intent: 'dance' }, cookie), context, params: { ideaId } })),
		await settle(() => editLoader({ request: getRequest(`/ideas/${ideaId}/edit`, cookie), context, params: { ideaId } })),
		await settle(() =>
			insightAction({ request: formRequest(`/insights/${insightId}`, { intent: 'see' }, cookie), context, params: { insightId } }),
		),
		await settle(() =>
			adminUserLoader({ request: getRequest(`/admin/users/${colleague.id}`, cookie), context, params: { userId: colleague.id } }),
		),
	]
	const manager = demoUser('manager')
	setUserLocale(manager.id, 'it')
	const managerCookie = await sessionCookieFor(manager.id)
	refusals.push(
		await settle(() => exportLoader({ request: getRequest('/dashboard/export?table=nope', managerCookie), context, params: {} })),
	)
	const statuses = refusals.map((r) => (r instanceof Response ? r.status : (r as Thrown).init?.status))
	expect(statuses).toEqual([404, 400, 403, 400, 403, 400])
	for (const refusal of refusals) expectItalian(await shown(refusal))
	expect(await shown(refusals[0])).toBe(italian('errors.ideaNotFound'))
})
