import { type Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type input, type output, type ZodType } from 'zod'

type Def = { type: string; in?: Node; innerType?: Node; shape?: Record<string, Node>; options?: Node[]; left?: Node; right?: Node }
type Node = { _zod: { def: Def } }

/** The schema inside wrappers that do not change its shape (optional, default, a transform's input…). */
function unwrap(node: Node): Node {
	const def = node._zod.def
	const inner = def.type === 'pipe' ? def.in : def.innerType
	return inner ? unwrap(inner) : node
}

/** Top-level fields a schema takes as lists, through objects, unions and intersections. */
function arrayFields(node: Node, out = new Set<string>()): Set<string> {
	const def = unwrap(node)._zod.def
	if (def.type === 'object') {
		for (const [name, field] of Object.entries(def.shape ?? {})) if (unwrap(field)._zod.def.type === 'array') out.add(name)
	}
	for (const option of def.options ?? []) arrayFields(option, out)
	for (const side of [def.left, def.right]) if (side) arrayFields(side, out)
	return out
}

const listFields = new WeakMap<ZodType, Set<string>>()

/** The fields a schema takes as lists; cached per schema object. */
function listFieldsOf(schema: ZodType) {
	let fields = listFields.get(schema)
	if (!fields) {
		fields = arrayFields(schema as unknown as Node)
		listFields.set(schema, fields)
	}
	return fields
}

/** The form with each field that the schema takes once cut to its first value. */
function firstValues(formData: FormData, schema: ZodType) {
	const lists = listFieldsOf(schema)
	const once = new FormData()
	const seen = new Set<string>()
	for (const [name, value] of formData) {
		if (lists.has(name) || !seen.has(name)) once.append(name, value)
		seen.add(name)
	}
	return once
}

/**
 * parseWithZod for a posted form, where a field the schema takes once may arrive repeated
 * (a hand-made request: `body` twice). Every such field keeps its first value, for every form
 * alike, so validation, the values sent back and the page that shows them see one string.
 */
export function parseForm<S extends ZodType>(
	formData: FormData,
	options: { schema: S; async?: false },
): Submission<input<S>, string[], output<S>>
export function parseForm<S extends ZodType>(
	formData: FormData,
	options: { schema: S; async: true },
): Promise<Submission<input<S>, string[], output<S>>>
export function parseForm<S extends ZodType>(formData: FormData, options: { schema: S; async?: boolean }) {
	const once = firstValues(formData, options.schema)
	return options.async ? parseWithZod(once, { schema: options.schema, async: true }) : parseWithZod(once, { schema: options.schema })
}
