import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import {
	createScimGroup,
	createScimUser,
	getScimGroup,
	getScimUser,
	listScimGroups,
	listScimUsers,
	patchScimGroup,
	removeScimGroup,
	updateScimUser,
	validateScimToken,
	type ScimGroupRow,
	type ScimUserRow,
} from '#app/models/scim.server.ts'
import {
	applyUserPatch,
	errorBody,
	groupPatch,
	paging,
	parseFilter,
	SCHEMAS,
	ScimError,
	userFromResource,
	type UserFields,
} from '#app/models/scim.ts'
import { getClientIp } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'

// SCIM 2.0 at /scim/v2 (RFC 7644; decision 064): Users and Groups for the organisation's directory
// (Entra ID, Okta), with a bearer token an admin created. JSON in and out; every refusal a SCIM
// error with its scimType, never an HTML page or a 500.

const JSON_TYPE = 'application/scim+json'
/** Requests per token per minute, and failed sign-ins per IP per minute. */
export const SCIM_LIMITS = { perToken: 600, failuresPerIp: 20 } as const
let limiters: { token: RateLimiterMemory; failures: RateLimiterMemory } | undefined
const limits = () =>
	(limiters ??= {
		token: new RateLimiterMemory({ keyPrefix: 'scim-token', points: SCIM_LIMITS.perToken, duration: 60 }),
		failures: new RateLimiterMemory({ keyPrefix: 'scim-failures', points: SCIM_LIMITS.failuresPerIp, duration: 60 }),
	})
export function resetScimLimits() {
	limiters = undefined
}

const reply = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
	new Response(body === null ? null : JSON.stringify(body), {
		status,
		headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', ...headers },
	})

const base = () => `${new URL(getEnv().APP_URL).origin}/scim/v2`

function toUser(row: ScimUserRow) {
	return {
		schemas: [SCHEMAS.user, SCHEMAS.enterprise],
		id: row.id,
		...(row.externalId ? { externalId: row.externalId } : {}),
		userName: row.email,
		displayName: row.name,
		name: { formatted: row.name },
		emails: [{ value: row.email, type: 'work', primary: true }],
		active: !row.deactivatedAt,
		...(row.departmentId
			? { groups: [{ value: row.departmentId, display: row.departmentName, $ref: `${base()}/Groups/${row.departmentId}` }] }
			: {}),
		[SCHEMAS.enterprise]: { department: row.departmentName ?? undefined },
		meta: {
			resourceType: 'User',
			created: row.createdAt.toISOString(),
			lastModified: row.createdAt.toISOString(),
			location: `${base()}/Users/${row.id}`,
		},
	}
}

function toGroup(row: ScimGroupRow) {
	return {
		schemas: [SCHEMAS.group],
		id: row.id,
		displayName: row.name,
		...(row.members ? { members: row.members.map((m) => ({ value: m.id, display: m.name, $ref: `${base()}/Users/${m.id}` })) } : {}),
		meta: {
			resourceType: 'Group',
			created: row.createdAt.toISOString(),
			lastModified: row.createdAt.toISOString(),
			location: `${base()}/Groups/${row.id}`,
		},
	}
}

const list = <T,>(resources: T[], total: number, startIndex: number) => ({
	schemas: [SCHEMAS.list],
	totalResults: total,
	startIndex,
	itemsPerPage: resources.length,
	Resources: resources,
})

/** The token's actor, or a SCIM 401 (or 429 for an IP that keeps failing). */
async function authenticate(request: Request, ip: string) {
	const header = request.headers.get('Authorization') ?? ''
	const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
	const found = token ? validateScimToken(token) : null
	if (!found) {
		const blocked = await limits()
			.failures.consume(ip)
			.then(
				() => false,
				() => true,
			)
		if (blocked) throw new ScimError(429, 'Too many failed requests from this address; wait a minute', 'tooMany')
		throw new ScimError(401, 'A valid bearer token is needed: an administrator creates one under Admin → SCIM provisioning')
	}
	const allowed = await limits()
		.token.consume(found.id)
		.then(
			() => true,
			() => false,
		)
	if (!allowed) throw new ScimError(429, `More than ${SCIM_LIMITS.perToken} requests a minute with this token; slow down`, 'tooMany')
	return found.actorId
}

async function readJson(request: Request) {
	try {
		return (await request.json()) as unknown
	} catch {
		throw new ScimError(400, 'The body is not valid JSON', 'invalidSyntax')
	}
}

async function handle(request: Request, path: string, ip: string): Promise<Response> {
	const actorId = await authenticate(request, ip)
	const [resource, id, ...rest] = path.split('/').filter(Boolean)
	if (rest.length) throw new ScimError(404, `No such endpoint: /scim/v2/${path}`)
	const method = request.method.toUpperCase()
	const params = new URL(request.url).searchParams

	if (resource === 'ServiceProviderConfig' && method === 'GET') return reply(SERVICE_PROVIDER_CONFIG)
	if (resource === 'ResourceTypes' && method === 'GET') return reply(list(RESOURCE_TYPES, RESOURCE_TYPES.length, 1))
	if (resource === 'Schemas' && method === 'GET') return reply(list(SCHEMA_DEFINITIONS, SCHEMA_DEFINITIONS.length, 1))

	if (resource === 'Users') {
		if (!id && method === 'GET') {
			const { startIndex, count } = paging(params)
			const { total, rows } = listScimUsers(parseFilter(params.get('filter'), 'user'), startIndex, count)
			return reply(list(rows.map(toUser), total, startIndex))
		}
		if (!id && method === 'POST') {
			const created = createScimUser(userFromResource(await readJson(request)), actorId)
			return reply(toUser(getScimUser(created)!), 201, { Location: `${base()}/Users/${created}` })
		}
		const user = id ? getScimUser(id) : null
		if (!user) throw new ScimError(404, `No User ${id ?? ''}`)
		const current: UserFields = { email: user.email, name: user.name, externalId: user.externalId, active: !user.deactivatedAt }
		if (method === 'GET') return reply(toUser(user))
		if (method === 'PUT') updateScimUser(user.id, userFromResource(await readJson(request)), actorId)
		else if (method === 'PATCH') updateScimUser(user.id, applyUserPatch(current, await readJson(request)), actorId)
		// Voce never deletes people: their insights and ideas stay. DELETE deactivates.
		else if (method === 'DELETE') {
			updateScimUser(user.id, { ...current, active: false }, actorId)
			return reply(null, 204)
		} else throw new ScimError(405, `${method} is not allowed on a User`)
		return reply(toUser(getScimUser(user.id)!))
	}

	if (resource === 'Groups') {
		const withMembers = !(params.get('excludedAttributes') ?? '').split(',').some((a) => a.trim().toLowerCase() === 'members')
		if (!id && method === 'GET') {
			const { startIndex, count } = paging(params)
			const { total, rows } = listScimGroups(parseFilter(params.get('filter'), 'group'), startIndex, count, withMembers)
			return reply(list(rows.map(toGroup), total, startIndex))
		}
		if (!id && method === 'POST') {
			const body = await readJson(request)
			const change = groupPatch({ Operations: [{ op: 'add', value: body }] })
			if (!change.displayName) throw new ScimError(400, 'A Group needs a displayName', 'invalidValue')
			const created = createScimGroup(change.displayName, change.add, actorId)
			return reply(toGroup(getScimGroup(created)!), 201, { Location: `${base()}/Groups/${created}` })
		}
		const group = id ? getScimGroup(id, false) : null
		if (!group) throw new ScimError(404, `No Group ${id ?? ''}`)
		if (method === 'GET') return reply(toGroup(getScimGroup(group.id, withMembers)!))
		if (method === 'PATCH') patchScimGroup(group.id, groupPatch(await readJson(request)), actorId)
		else if (method === 'PUT') {
			const body = await readJson(request)
			const change = groupPatch({ Operations: [{ op: 'replace', value: body }] })
			const members = (body as { members?: unknown }).members
			patchScimGroup(
				group.id,
				{ displayName: change.displayName, add: [], remove: [], replace: members === undefined ? undefined : change.add },
				actorId,
			)
		} else if (method === 'DELETE') {
			removeScimGroup(group.id, actorId)
			return reply(null, 204)
		} else throw new ScimError(405, `${method} is not allowed on a Group`)
		return reply(toGroup(getScimGroup(group.id, true)!))
	}
	throw new ScimError(404, `No such endpoint: /scim/v2/${path}`)
}

async function respond(request: Request, path: string, ip: string) {
	try {
		return await handle(request, path, ip)
	} catch (error) {
		if (error instanceof ScimError) {
			return reply(errorBody(error), error.status, error.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="Voce SCIM"' } : {})
		}
		logger().error({ err: error }, 'SCIM request failed')
		return reply(errorBody(new ScimError(500, 'Voce could not complete this request')), 500)
	}
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	return respond(request, params['*'] ?? '', getClientIp(context))
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	return respond(request, params['*'] ?? '', getClientIp(context))
}

const SERVICE_PROVIDER_CONFIG = {
	schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
	patch: { supported: true },
	bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
	filter: { supported: true, maxResults: 200 },
	changePassword: { supported: false },
	sort: { supported: false },
	etag: { supported: false },
	authenticationSchemes: [
		{ type: 'oauthbearertoken', name: 'Bearer token', description: 'A token an administrator creates in Voce', primary: true },
	],
	meta: { resourceType: 'ServiceProviderConfig' },
}

const RESOURCE_TYPES = [
	{
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
		id: 'User',
		name: 'User',
		endpoint: '/Users',
		schema: SCHEMAS.user,
		schemaExtensions: [{ schema: SCHEMAS.enterprise, required: false }],
		meta: { resourceType: 'ResourceType' },
	},
	{
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
		id: 'Group',
		name: 'Group',
		endpoint: '/Groups',
		schema: SCHEMAS.group,
		meta: { resourceType: 'ResourceType' },
	},
]

const attribute = (name: string, extra: Record<string, unknown> = {}) => ({
	name,
	type: 'string',
	multiValued: false,
	required: false,
	caseExact: false,
	mutability: 'readWrite',
	returned: 'default',
	uniqueness: 'none',
	...extra,
})

const SCHEMA_DEFINITIONS = [
	{
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
		id: SCHEMAS.user,
		name: 'User',
		attributes: [
			attribute('userName', { required: true, uniqueness: 'server', description: 'The e-mail address Voce signs the person in by' }),
			attribute('externalId', { caseExact: true }),
			attribute('displayName'),
			attribute('name', { type: 'complex', subAttributes: [attribute('formatted'), attribute('givenName'), attribute('familyName')] }),
			attribute('emails', {
				type: 'complex',
				multiValued: true,
				subAttributes: [attribute('value'), attribute('type'), attribute('primary', { type: 'boolean' })],
			}),
			attribute('active', { type: 'boolean', description: 'false deactivates the account and ends its sessions' }),
			attribute('groups', {
				type: 'complex',
				multiValued: true,
				mutability: 'readOnly',
				subAttributes: [attribute('value'), attribute('display')],
			}),
		],
		meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${SCHEMAS.user}` },
	},
	{
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
		id: SCHEMAS.enterprise,
		name: 'EnterpriseUser',
		attributes: [attribute('department', { description: 'A department by name, or by its path from the top' })],
		meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${SCHEMAS.enterprise}` },
	},
	{
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
		id: SCHEMAS.group,
		name: 'Group',
		attributes: [
			attribute('displayName', { required: true, description: 'A department' }),
			attribute('members', { type: 'complex', multiValued: true, subAttributes: [attribute('value'), attribute('display')] }),
		],
		meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${SCHEMAS.group}` },
	},
]
