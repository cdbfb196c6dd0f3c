import { expect, test } from 'vitest'
import { z } from 'zod'
import { parseForm } from '#app/utils/form.server.ts'

const form = (pairs: Array<[string, string]>) => {
	const data = new FormData()
	for (const [name, value] of pairs) data.append(name, value)
	return data
}

test('a field the schema takes once keeps its first value when it arrives repeated; list fields keep all', () => {
	const schema = z.object({ body: z.string(), stageIds: z.array(z.string()).default([]) })
	const submission = parseForm(
		form([
			['body', 'first'],
			['body', 'second'],
			['stageIds', 'a'],
			['stageIds', 'b'],
		]),
		{ schema },
	)
	expect(submission.status).toBe('success')
	expect(submission.status === 'success' && submission.value).toEqual({ body: 'first', stageIds: ['a', 'b'] })
	// What goes back to the page is one string too (a list there crashed the render).
	expect(submission.reply().initialValue).toEqual({ body: 'first', stageIds: ['a', 'b'] })
})

test('list fields are found through transforms, defaults and unions of intents', () => {
	const schema = z.discriminatedUnion('intent', [
		z.object({ intent: z.literal('assign'), ideaIds: z.array(z.string()).optional(), owner: z.string() }),
		z.object({ intent: z.literal('note'), note: z.string() }).transform((v) => ({ ...v, trimmed: v.note.trim() })),
	])
	const submission = parseForm(
		form([
			['intent', 'assign'],
			['intent', 'note'],
			['ideaIds', 'x'],
			['ideaIds', 'y'],
			['owner', 'a'],
			['owner', 'b'],
		]),
		{ schema },
	)
	expect(submission.status === 'success' && submission.value).toEqual({ intent: 'assign', ideaIds: ['x', 'y'], owner: 'a' })
})
