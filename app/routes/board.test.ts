import { afterEach, expect, test } from 'vitest'
import { listAudit } from '#app/models/audit.server.ts'
import { createBoardToken, listBoardTokens, revokeBoardToken } from '#app/models/board.server.ts'
import { createInsight } from '#app/models/insight.server.ts'
import { listChannels, listEvents } from '#app/models/taxonomy.server.ts'
import { action as boardsAction, loader as boardsLoader } from '#app/routes/admin+/boards.tsx'
import { action as boardAction, loader as boardLoader } from '#app/routes/board.tsx'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { resetLoginLimits } from '#app/utils/login-limit.server.ts'
import { person } from '#tests/factories.ts'
import { context, formRequest, getRequest, sessionCookieFor, settle, statusOf } from '#tests/utils.ts'

afterEach(() => {
	delete process.env.LOGIN_MAX_FAILURES_PER_IP
	resetEnvCache()
	resetLoginLimits()
})

const admin = () => person('paolo.greco')
const contactCentre = () => person('marco.ferri').departmentId!

/** Signs a screen in with the token; the cookie it gets back, or the answer when refused. */
async function signIn(token: string) {
	const result = await settle(() => boardAction({ request: formRequest('/board', { token }), context, params: {} }))
	const cookie = result instanceof Response ? result.headers.get('Set-Cookie')?.split(';')[0] : undefined
	return { result, cookie }
}

async function show(cookie?: string) {
	return (await boardLoader({ request: getRequest('/board', cookie), context, params: {} })) as Awaited<ReturnType<typeof boardLoader>>
}

test('a screen signs in with a board token, not a person, and shows its department’s moments; an anonymous author stays unnamed', async () => {
	const { token } = createBoardToken({ name: 'Contact Centre wall', departmentId: contactCentre(), locale: 'en' }, admin().id)
	// Someone in the contact centre logs an anonymous insight: on the wall, it has no author.
	const event = listEvents().find((e) => e.name === 'Card lost or stolen')!
	createInsight(person('chiara.bruno'), {
		body: 'Anonymous on the wall: customer abroad, card blocked in one minute.',
		channelId: listChannels()[0]!.id,
		stageId: event.defaultStageId,
		eventId: event.id,
		emotion: 5,
		occurredAt: new Date(),
		anonymous: true,
	})
	expect((await show()).board).toBeNull()
	const { result, cookie } = await signIn(`  ${token} `)
	expect(statusOf(result)).toBe(302)
	expect(cookie).toMatch(/^voce_board=/)
	const { board } = await show(cookie)
	expect(board).toMatchObject({ name: 'Contact Centre wall', departmentName: 'Contact Centre', tooSmall: false })
	if (!board || board.tooSmall) throw new Error('the board should show')
	expect(board.hottest.length).toBeGreaterThan(0)
	const anonymous = board.latest.find((i) => i.body.startsWith('Anonymous on the wall'))
	expect(anonymous).toMatchObject({ authorName: null, anonymous: true })
	expect(board.latest.some((i) => i.authorName !== null)).toBe(true)
	expect(board.step?.step).toBeTruthy()
	expect(board.story?.insight.body).toBeTruthy()
	// The last day it was shown is noted, for the admin list.
	expect(listBoardTokens().find((b) => b.name === 'Contact Centre wall')?.lastUsedAt).toBeTruthy()
})

test('a wrong token is refused and repeated tries from one address are held back; a revoked board signs its screen out', async () => {
	process.env.LOGIN_MAX_FAILURES_PER_IP = '3'
	resetEnvCache()
	resetLoginLimits()
	const { id, token } = createBoardToken({ name: 'Bari wall', departmentId: null, locale: 'it' }, admin().id)
	const wrong = (await signIn(`${token.split('.')[0]}.wrong`)).result as { data: { result: { error: Record<string, string[]> } } }
	expect(statusOf(wrong)).toBe(400)
	expect(wrong.data.result.error.token).toEqual(['board.tokenInvalid'])
	await signIn('nonsense')
	await signIn('nonsense.again')
	expect(statusOf((await signIn(token)).result)).toBe(429)
	resetLoginLimits()
	const { cookie } = await signIn(token)
	const { board } = await show(cookie)
	expect(board).toMatchObject({ departmentName: null, locale: 'it' })
	expect(revokeBoardToken(id, admin().id)).toBe(true)
	expect((await show(cookie)).board).toBeNull()
	expect(statusOf((await signIn(token)).result)).toBe(400)
})

test('a board of a group below the minimum size shows nothing', async () => {
	const lending = person('nicola.vitale').departmentId! // Lending: two people
	const { token } = createBoardToken({ name: 'Lending', departmentId: lending, locale: 'en' }, admin().id)
	const { cookie } = await signIn(token)
	expect((await show(cookie)).board).toMatchObject({ tooSmall: true })
})

test('only administrators create and revoke boards; the form says what is wrong; both are audited', async () => {
	const employee = await sessionCookieFor(person('giulia.rossi').id)
	expect(statusOf(await settle(() => boardsLoader({ request: getRequest('/admin/boards', employee), context, params: {} })))).toBe(403)
	expect(
		statusOf(
			await settle(() =>
				boardsAction({
					request: formRequest('/admin/boards', { intent: 'create', name: 'Mine', locale: 'en' }, employee),
					context,
					params: {},
				}),
			),
		),
	).toBe(403)
	const cookie = await sessionCookieFor(admin().id)
	const post = (fields: Record<string, string>) =>
		settle(() => boardsAction({ request: formRequest('/admin/boards', fields, cookie), context, params: {} }))
	const bad = (await post({ intent: 'create', name: ' ', departmentId: 'nope', locale: 'xx' })) as {
		data: { result: { error: Record<string, string[]> } }
	}
	expect(statusOf(bad)).toBe(400)
	expect(bad.data.result.error).toMatchObject({ name: ['validation.required'], locale: ['playbooks.unknownLanguage'] })
	const gone = (await post({ intent: 'create', name: 'Somewhere', departmentId: 'nope', locale: 'en' })) as {
		data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
	}
	expect(gone.data.result.error.departmentId).toEqual(['validation.unknownDepartment'])
	expect(gone.data.result.initialValue.name).toBe('Somewhere')
	const created = await post({ intent: 'create', name: 'Milano floor 2', departmentId: contactCentre(), locale: 'it' })
	expect(statusOf(created)).toBe(302)
	// The token comes once, sealed in the flash cookie, to the page it redirects to.
	const flash = (created as Response).headers.get('Set-Cookie')!.split(';')[0]!
	const page = (await boardsLoader({ request: getRequest('/admin/boards', `${cookie}; ${flash}`), context, params: {} })) as Awaited<
		ReturnType<typeof boardsLoader>
	>
	expect(page.fresh?.name).toBe('Milano floor 2')
	expect(page.fresh?.token).toMatch(/^[\w-]+\.[\w-]+$/)
	expect(flash).not.toContain(page.fresh!.token)
	const board = page.boards.find((b) => b.name === 'Milano floor 2')!
	expect(statusOf(await post({ intent: 'revoke', id: board.id }))).toBe(302)
	expect(statusOf(await post({ intent: 'revoke', id: board.id }))).toBe(404)
	expect(
		listAudit({ actorId: admin().id })
			.rows.filter((r) => r.target.id === board.id)
			.map((r) => r.action),
	).toEqual(['board.revoke', 'board.create'])
})
