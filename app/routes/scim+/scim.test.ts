import { and, eq } from 'drizzle-orm'
import { beforeEach, expect, test } from 'vitest'
import { listDepartments } from '#app/models/department.server.ts'
import { createScimToken, revokeScimToken } from '#app/models/scim.server.ts'
import { getUserById } from '#app/models/user.server.ts'
import { action, loader, resetScimLimits, SCIM_LIMITS } from '#app/routes/scim+/v2.$.tsx'
import { createSession, validateSessionToken } from '#app/utils/session.server.ts'
import { getDb } from '#db/index.ts'
import { auditLog, users } from '#db/schema.ts'
import { BASE, context, demoUser } from '#tests/utils.ts'

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
let token: string

beforeEach(() => {
	resetScimLimits()
	token = createScimToken('Entra ID provisioning', demoUser('admin').id).token
})

type Scim = { status: number; body: Record<string, unknown> & { Resources?: Array<Record<string, unknown>> } }

/** One SCIM request as the directory sends it: JSON, a bearer token. */
async function scim(
	method: string,
	path: string,
	body?: unknown,
	{ bearer = token, raw, ip = '203.0.113.7' }: { bearer?: string | null; raw?: string; ip?: string } = {},
): Promise<Scim> {
	const headers = new Headers({ 'Content-Type': 'application/scim+json' })
	if (bearer) headers.set('Authorization', `Bearer ${bearer}`)
	const request = new Request(`${BASE}/scim/v2/${path}`, {
		method,
		headers,
		body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
	})
	const args = { request, context: { ...context, clientIp: ip }, params: { '*': path.split('?')[0]! } }
	const response = method === 'GET' ? await loader(args) : await action(args)
	expect(response.headers.get('Content-Type')).toBe('application/scim+json')
	const text = await response.text()
	return { status: response.status, body: text ? (JSON.parse(text) as Scim['body']) : {} }
}

// The body Microsoft Entra ID sends to create a user (its default attribute mappings).
const entraUser = (userName: string, externalId: string) => ({
	schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
	externalId,
	userName,
	active: true,
	displayName: 'Serena Bianchi',
	title: 'Contact centre agent',
	emails: [{ primary: true, type: 'work', value: userName }],
	name: { formatted: 'Serena Bianchi', familyName: 'Bianchi', givenName: 'Serena' },
	phoneNumbers: [{ type: 'work', value: '+39 02 1234567' }],
	[ENTERPRISE]: { department: 'Contact Centre Bari', employeeNumber: '4711' },
})

test('the Entra ID flow: look up by userName, create, find by externalId, deactivate by PATCH (sessions end at once), reactivate', async () => {
	const email = 'serena.bianchi@aurora-bank.example'
	const none = await scim('GET', `Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`)
	expect(none.status).toBe(200)
	expect(none.body).toMatchObject({ totalResults: 0, Resources: [] })

	const created = await scim('POST', 'Users', entraUser(email, 'e7f1-4711'))
	expect(created.status).toBe(201)
	const id = created.body.id as string
	expect(created.body).toMatchObject({ userName: email, displayName: 'Serena Bianchi', active: true, externalId: 'e7f1-4711' })
	expect(created.body[ENTERPRISE]).toEqual({ department: 'Contact Centre Bari' })
	const user = getUserById(id)!
	expect(listDepartments().find((d) => d.id === user.departmentId)?.name).toBe('Contact Centre Bari')
	expect(user.role).toBe('employee')

	const found = await scim('GET', `Users?filter=${encodeURIComponent('externalId eq "e7f1-4711"')}`)
	expect(found.body.totalResults).toBe(1)
	expect(found.body.Resources![0]!.id).toBe(id)

	const session = createSession(id)
	const off = await scim('PATCH', `Users/${id}`, {
		schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
		Operations: [
			{ op: 'Replace', path: 'displayName', value: 'Serena Bianchi-Rossi' },
			{ op: 'Replace', path: 'active', value: 'False' },
		],
	})
	expect(off.status).toBe(200)
	expect(off.body).toMatchObject({ active: false, displayName: 'Serena Bianchi-Rossi' })
	expect(validateSessionToken(session.token)).toBeNull()
	expect(getUserById(id)!.deactivatedAt).not.toBeNull()

	const on = await scim('PATCH', `Users/${id}`, { Operations: [{ op: 'Replace', path: 'active', value: 'True' }] })
	expect(on.body.active).toBe(true)
	const logged = getDb()
		.select({ action: auditLog.action, detail: auditLog.detail, actorId: auditLog.actorId })
		.from(auditLog)
		.where(eq(auditLog.targetId, id))
		.all()
	expect(logged.map((l) => l.action)).toEqual(expect.arrayContaining(['user.create', 'user.deactivate', 'user.reactivate']))
	expect(logged.every((l) => l.actorId === demoUser('admin').id && JSON.parse(l.detail!).via === 'scim')).toBe(true)
})

test('the Okta flow: PATCH without a path, PUT the whole user, DELETE deactivates and keeps the person', async () => {
	const created = await scim('POST', 'Users', {
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
		userName: 'pietro.sala@aurora-bank.example',
		name: { givenName: 'Pietro', familyName: 'Sala' },
		emails: [{ primary: true, value: 'pietro.sala@aurora-bank.example', type: 'work' }],
		active: true,
	})
	const id = created.body.id as string
	expect(created.body.displayName).toBe('Pietro Sala')
	const off = await scim('PATCH', `Users/${id}`, {
		schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
		Operations: [{ op: 'replace', value: { active: false } }],
	})
	expect(off.body.active).toBe(false)
	const put = await scim('PUT', `Users/${id}`, {
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
		id,
		userName: 'pietro.sala@aurora-bank.example',
		name: { givenName: 'Pietro', familyName: 'Sala Conti' },
		active: true,
	})
	expect(put.body).toMatchObject({ active: true, displayName: 'Pietro Sala Conti' })
	expect((await scim('DELETE', `Users/${id}`)).status).toBe(204)
	const kept = getDb().select().from(users).where(eq(users.id, id)).get()!
	expect(kept.deactivatedAt).not.toBeNull()
	expect((await scim('GET', `Users/${id}`)).body.active).toBe(false)
})

test('groups are departments: create one with a member, add and remove members as Entra ID does, rename, list without members', async () => {
	const employee = demoUser('employee')
	const group = await scim('POST', 'Groups', {
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
		displayName: 'Digital Claims',
		members: [{ value: employee.id }],
	})
	expect(group.status).toBe(201)
	const groupId = group.body.id as string
	expect(group.body.members).toEqual([expect.objectContaining({ value: employee.id })])
	expect(getUserById(employee.id)!.departmentId).toBe(groupId)

	const manager = demoUser('manager')
	await scim('PATCH', `Groups/${groupId}`, {
		schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
		Operations: [{ op: 'Add', path: 'members', value: [{ value: manager.id }] }],
	})
	expect(getUserById(manager.id)!.departmentId).toBe(groupId)
	await scim('PATCH', `Groups/${groupId}`, { Operations: [{ op: 'Remove', path: `members[value eq "${employee.id}"]` }] })
	expect(getUserById(employee.id)!.departmentId).toBeNull()
	await scim('PATCH', `Groups/${groupId}`, { Operations: [{ op: 'Replace', path: 'displayName', value: 'Digital Claims Team' }] })
	const byName = await scim('GET', `Groups?filter=${encodeURIComponent('displayName eq "Digital Claims Team"')}&excludedAttributes=members`)
	expect(byName.body.totalResults).toBe(1)
	expect(byName.body.Resources![0]).not.toHaveProperty('members')
	expect((await scim('GET', `Groups/${groupId}`)).body.members).toEqual([expect.objectContaining({ value: manager.id })])
	expect((await scim('DELETE', `Groups/${groupId}`)).status).toBe(204)
	expect((await scim('GET', `Groups/${groupId}`)).status).toBe(404)
	// The people stay.
	expect(getUserById(manager.id)!.deactivatedAt).toBeNull()
})

test('malformed JSON, a taken userName, a bad value and unknown endpoints get SCIM errors; unknown attributes are ignored', async () => {
	const broken = await scim('POST', 'Users', undefined, { raw: '{"userName": ' })
	expect(broken).toMatchObject({
		status: 400,
		body: { scimType: 'invalidSyntax', schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] },
	})
	const taken = await scim('POST', 'Users', entraUser(demoUser('employee').email, 'x-1'))
	expect(taken).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } })
	const notAnAddress = await scim('POST', 'Users', { userName: 'not-an-address' })
	expect(notAnAddress).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } })
	const noSuchDepartment = await scim('POST', 'Users', {
		...entraUser('x@aurora-bank.example', 'x-2'),
		[ENTERPRISE]: { department: 'Atlantis' },
	})
	expect(noSuchDepartment).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } })
	const unknown = await scim('POST', 'Users', {
		...entraUser('ugo.neri@aurora-bank.example', 'x-3'),
		nickName: 'Ugo',
		'urn:example:custom': { shoeSize: 44 },
	})
	expect(unknown.status).toBe(201)
	const patchUnknown = await scim('PATCH', `Users/${unknown.body.id as string}`, {
		Operations: [{ op: 'replace', path: 'preferredLanguage', value: 'it-IT' }],
	})
	expect(patchUnknown.status).toBe(200)
	expect((await scim('PATCH', `Users/${unknown.body.id as string}`, { Operations: [{ op: 'explode' }] })).body.scimType).toBe(
		'invalidSyntax',
	)
	expect((await scim('GET', 'Users/not-an-id')).status).toBe(404)
	expect((await scim('GET', 'Elephants')).status).toBe(404)
})

test('a filter is an attribute eq a value, never SQL: injection attempts are refused or match nothing', async () => {
	const injected = await scim('GET', `Users?filter=${encodeURIComponent(`userName eq "x" or 1=1`)}`)
	expect(injected).toMatchObject({ status: 400, body: { scimType: 'invalidFilter' } })
	const quoted = await scim('GET', `Users?filter=${encodeURIComponent(`userName eq "x\\" OR \\"1\\"=\\"1"`)}`)
	expect(quoted.status).toBe(200)
	expect(quoted.body.totalResults).toBe(0)
	expect((await scim('GET', `Users?filter=${encodeURIComponent('password eq "x"')}`)).body.scimType).toBe('invalidFilter')
	const page = await scim('GET', 'Users?startIndex=2&count=3')
	expect(page.body).toMatchObject({ startIndex: 2, itemsPerPage: 3 })
	expect(page.body.totalResults as number).toBeGreaterThan(40)
})

test('no token, a wrong one or a revoked one gets 401; an address that keeps failing and a token that floods get 429', async () => {
	expect((await scim('GET', 'Users', undefined, { bearer: null })).status).toBe(401)
	const wrong = await scim('GET', 'Users', undefined, { bearer: 'abc.def' })
	expect(wrong.status).toBe(401)
	const revoked = createScimToken('Old connector', demoUser('admin').id)
	revokeScimToken(revoked.id, demoUser('admin').id)
	expect((await scim('GET', 'Users', undefined, { bearer: revoked.token })).status).toBe(401)
	for (let i = 0; i < SCIM_LIMITS.failuresPerIp; i++) await scim('GET', 'Users', undefined, { bearer: 'abc.def', ip: '198.51.100.77' })
	expect((await scim('GET', 'Users', undefined, { bearer: 'abc.def', ip: '198.51.100.77' })).status).toBe(429)
	for (let i = 0; i < SCIM_LIMITS.perToken; i++) await scim('GET', 'ServiceProviderConfig')
	expect((await scim('GET', 'ServiceProviderConfig')).body).toMatchObject({ status: '429', scimType: 'tooMany' })
	const tokenLog = getDb()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.action, 'scim.token-create'), eq(auditLog.actorId, demoUser('admin').id)))
		.all()
	expect(tokenLog.length).toBeGreaterThan(0)
})

test('the discovery endpoints describe what Voce supports', async () => {
	const config = await scim('GET', 'ServiceProviderConfig')
	expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } })
	const types = await scim('GET', 'ResourceTypes')
	expect(types.body.Resources!.map((r) => r.id)).toEqual(['User', 'Group'])
	const schemas = await scim('GET', 'Schemas')
	expect(schemas.body.totalResults).toBe(3)
})

test('an admin creates a token that is shown once, and revokes it; nobody else may', async () => {
	const { action: pageAction, loader: pageLoader } = await import('#app/routes/admin+/scim.tsx')
	const { formRequest, getRequest, sessionCookieFor, settle, statusOf } = await import('#tests/utils.ts')
	const admin = await sessionCookieFor(demoUser('admin').id)
	const refused = await settle(() =>
		pageAction({ request: formRequest('/admin/scim', { intent: 'create', name: '' }, admin), context, params: {} }),
	)
	expect(statusOf(refused)).toBe(400)
	const created = (await pageAction({
		request: formRequest('/admin/scim', { intent: 'create', name: 'Okta' }, admin),
		context,
		params: {},
	})) as Response
	const flash = created.headers.get('Set-Cookie')!.split(';')[0]!
	const page = (await pageLoader({ request: getRequest('/admin/scim', `${admin}; ${flash}`), context, params: {} })) as {
		fresh: { token: string; name: string }
		tokens: Array<{ id: string; name: string }>
	}
	expect(page.fresh.name).toBe('Okta')
	expect((await scim('GET', 'ServiceProviderConfig', undefined, { bearer: page.fresh.token })).status).toBe(200)
	// Shown once: the next look has no token.
	expect(((await pageLoader({ request: getRequest('/admin/scim', admin), context, params: {} })) as { fresh: unknown }).fresh).toBeNull()
	const id = page.tokens.find((t) => t.name === 'Okta')!.id
	await pageAction({ request: formRequest('/admin/scim', { intent: 'revoke', id }, admin), context, params: {} })
	expect((await scim('GET', 'ServiceProviderConfig', undefined, { bearer: page.fresh.token })).status).toBe(401)
	const manager = await sessionCookieFor(demoUser('manager').id)
	expect(statusOf(await settle(() => pageLoader({ request: getRequest('/admin/scim', manager), context, params: {} })))).toBe(403)
})
