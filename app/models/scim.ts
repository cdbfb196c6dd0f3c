/**
 * SCIM 2.0 (RFC 7643/7644) as Voce speaks it (decision 064): Users are accounts (userName is the
 * e-mail address, `active: false` deactivates, DELETE too: Voce never deletes people), Groups are
 * departments (a person is a member of their one department). Pure: what a request body means
 * and what a filter asks; the model layer reads and writes.
 */
export const SCHEMAS = {
	user: 'urn:ietf:params:scim:schemas:core:2.0:User',
	group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
	enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
	list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
	patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
	error: 'urn:ietf:params:scim:api:messages:2.0:Error',
} as const

export type ScimType =
	'invalidFilter' | 'invalidSyntax' | 'invalidValue' | 'invalidPath' | 'uniqueness' | 'mutability' | 'noTarget' | 'tooMany'

/** A refusal as SCIM says it: an HTTP status, a scimType where the RFC has one, and a detail. */
export class ScimError extends Error {
	constructor(
		public status: number,
		public detail: string,
		public scimType?: ScimType,
	) {
		super(detail)
	}
}

export function errorBody(error: ScimError) {
	return {
		schemas: [SCHEMAS.error],
		status: String(error.status),
		...(error.scimType ? { scimType: error.scimType } : {}),
		detail: error.detail,
	}
}

/** The attributes a filter may compare, by resource. */
const FILTERABLE = {
	user: new Map([
		['username', 'userName'],
		['externalid', 'externalId'],
		['emails.value', 'email'],
		['emails', 'email'],
		['id', 'id'],
	]),
	group: new Map([
		['displayname', 'displayName'],
		['externalid', 'externalId'],
		['id', 'id'],
	]),
} as const

export type Filter = { attribute: string; value: string }

/**
 * `attribute eq "value"`: the filters identity providers send (userName, externalId, displayName,
 * emails). Anything else is refused with invalidFilter; the value is only ever a bound parameter.
 */
export function parseFilter(filter: string | null, resource: 'user' | 'group'): Filter | null {
	if (!filter?.trim()) return null
	const match = /^\s*([\w.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter)
	const attribute = match ? FILTERABLE[resource].get(match[1]!.toLowerCase()) : undefined
	if (!match || !attribute)
		throw new ScimError(
			400,
			`Voce understands filters of the form attribute eq "value" on ${[...new Set(FILTERABLE[resource].values())].join(', ')}`,
			'invalidFilter',
		)
	return { attribute, value: match[2]!.replace(/\\(.)/g, '$1') }
}

/** startIndex (1-based) and count, within bounds. */
export function paging(params: URLSearchParams, max = 200) {
	const number = (name: string, fallback: number) => {
		const raw = params.get(name)
		if (raw === null) return fallback
		const value = Number(raw)
		if (!Number.isInteger(value)) throw new ScimError(400, `${name} must be a whole number`, 'invalidValue')
		return value
	}
	return { startIndex: Math.max(1, number('startIndex', 1)), count: Math.min(max, Math.max(0, number('count', 100))) }
}

export type UserFields = {
	email: string
	name: string
	externalId: string | null
	active: boolean
	/** The department named by the enterprise extension, when the body says one (undefined: not said). */
	department?: string | null
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null)
/** "True", "false", true: Entra ID sends booleans as strings in PATCH. */
function bool(value: unknown, path: string) {
	if (typeof value === 'boolean') return value
	if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true'
	throw new ScimError(400, `${path} must be true or false`, 'invalidValue')
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function emailOf(resource: Json) {
	const userName = str(resource.userName)
	if (userName && EMAIL.test(userName)) return userName.toLowerCase()
	const emails = Array.isArray(resource.emails) ? resource.emails.filter(isObject) : []
	const primary = emails.find((e) => e.primary === true) ?? emails.find((e) => e.type === 'work') ?? emails[0]
	const value = primary ? str(primary.value) : null
	if (value && EMAIL.test(value)) return value.toLowerCase()
	throw new ScimError(400, 'userName (or a work e-mail) must be an e-mail address: Voce signs people in by it', 'invalidValue')
}

function nameOf(resource: Json, fallback: string) {
	const name = isObject(resource.name) ? resource.name : {}
	const joined = [str(name.givenName), str(name.familyName)].filter(Boolean).join(' ')
	return (str(resource.displayName) ?? str(name.formatted) ?? (joined || null) ?? fallback).slice(0, 120)
}

/** A whole User resource (POST, PUT). Attributes Voce does not keep are ignored, as RFC 7643 allows. */
export function userFromResource(body: unknown): UserFields {
	if (!isObject(body)) throw new ScimError(400, 'The body must be a JSON object', 'invalidSyntax')
	const email = emailOf(body)
	const enterprise = isObject(body[SCHEMAS.enterprise]) ? (body[SCHEMAS.enterprise] as Json) : null
	return {
		email,
		name: nameOf(body, email.split('@')[0]!),
		externalId: str(body.externalId),
		active: body.active === undefined ? true : bool(body.active, 'active'),
		...(enterprise && 'department' in enterprise ? { department: str(enterprise.department) } : {}),
	}
}

/**
 * A User's PATCH operations (add, replace, remove) applied to its current fields: with a path
 * (`active`, `userName`, `displayName`, `name.givenName`, `emails[type eq "work"].value`, the
 * enterprise department…) or without one (an object of attributes, as Okta sends). Paths Voce does
 * not keep are ignored, as identity providers send many.
 */
export function applyUserPatch(current: UserFields, body: unknown): UserFields {
	if (!isObject(body) || !Array.isArray(body.Operations)) throw new ScimError(400, 'A PATCH needs an Operations list', 'invalidSyntax')
	const next: UserFields = { ...current }
	let given: string | null = null
	let family: string | null = null
	const set = (path: string, value: unknown, remove: boolean) => {
		const key = path.toLowerCase()
		if (key === 'active') next.active = remove ? false : bool(value, 'active')
		else if (key === 'username' || key.startsWith('emails')) {
			if (remove) throw new ScimError(400, `${path} cannot be removed`, 'mutability')
			const email = str(value)?.toLowerCase()
			if (!email || !EMAIL.test(email)) throw new ScimError(400, `${path} must be an e-mail address`, 'invalidValue')
			next.email = email
		} else if (key === 'displayname' || key === 'name.formatted') {
			if (!remove && str(value)) next.name = str(value)!.slice(0, 120)
		} else if (key === 'name.givenname') given = remove ? null : str(value)
		else if (key === 'name.familyname') family = remove ? null : str(value)
		else if (key === 'externalid') next.externalId = remove ? null : str(value)
		else if (key === `${SCHEMAS.enterprise}:department`.toLowerCase()) next.department = remove ? null : str(value)
		else if (key === 'name' && isObject(value)) {
			if (str(value.givenName)) given = str(value.givenName)
			if (str(value.familyName)) family = str(value.familyName)
			if (str(value.formatted)) next.name = str(value.formatted)!.slice(0, 120)
		} else if (key === SCHEMAS.enterprise.toLowerCase() && isObject(value) && 'department' in value) next.department = str(value.department)
	}
	for (const operation of body.Operations) {
		if (!isObject(operation)) throw new ScimError(400, 'Each operation must be an object', 'invalidSyntax')
		const op = String(operation.op ?? '').toLowerCase()
		if (!['add', 'replace', 'remove'].includes(op)) throw new ScimError(400, `Unknown op "${String(operation.op)}"`, 'invalidSyntax')
		const path = str(operation.path)
		if (path) set(path, operation.value, op === 'remove')
		else if (isObject(operation.value)) for (const [key, value] of Object.entries(operation.value)) set(key, value, op === 'remove')
		else throw new ScimError(400, 'An operation without a path needs an object value', 'invalidValue')
	}
	if (given || family) next.name = [given, family].filter(Boolean).join(' ').slice(0, 120)
	return next
}

/** A Group's PATCH: a new name, and members added, removed or replaced. */
export function groupPatch(body: unknown) {
	if (!isObject(body) || !Array.isArray(body.Operations)) throw new ScimError(400, 'A PATCH needs an Operations list', 'invalidSyntax')
	const change: { displayName?: string; add: string[]; remove: string[]; replace?: string[] } = { add: [], remove: [] }
	const ids = (value: unknown) =>
		(Array.isArray(value) ? value : value === undefined ? [] : [value])
			.map((member) => (isObject(member) ? str(member.value) : str(member)))
			.filter((id): id is string => Boolean(id))
	for (const operation of body.Operations) {
		if (!isObject(operation)) throw new ScimError(400, 'Each operation must be an object', 'invalidSyntax')
		const op = String(operation.op ?? '').toLowerCase()
		const original = str(operation.path)
		const path = original?.toLowerCase() ?? null
		// members[value eq "id"]: one member named in the path, as Entra ID removes them.
		const inPath = original ? /^members\[value eq "([^"]+)"\]$/i.exec(original)?.[1] : undefined
		if (op === 'remove' && (path === 'members' || inPath)) change.remove.push(...(inPath ? [inPath] : ids(operation.value)))
		else if ((op === 'add' || op === 'replace') && path === 'members') {
			if (op === 'replace') change.replace = ids(operation.value)
			else change.add.push(...ids(operation.value))
		} else if ((op === 'add' || op === 'replace') && path === 'displayname') change.displayName = str(operation.value) ?? undefined
		else if ((op === 'add' || op === 'replace') && !path && isObject(operation.value)) {
			if (str(operation.value.displayName)) change.displayName = str(operation.value.displayName)!
			if ('members' in operation.value) change.add.push(...ids(operation.value.members))
		} else if (!['add', 'replace', 'remove'].includes(op)) throw new ScimError(400, `Unknown op "${String(operation.op)}"`, 'invalidSyntax')
	}
	return change
}
