import { type IncomingMessage } from 'node:http'
import { type MessageKey } from '#app/utils/i18n.ts'

// Request bodies are read here, before Remix sees the request: Remix reads a whole body
// (request.formData()) with no limit of its own, and throws on one that is not a form.

export type BodyProblem = { status: 400 | 413 | 415 | 503; message: MessageKey }

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/** Bytes of request bodies being read right now, across requests. */
let inFlight = 0

/**
 * Reads a request body of at most `limit` bytes, refusing one whose Content-Length says more
 * before reading it, and a chunked one as soon as more has arrived. `memory` caps the bytes
 * held by all requests being read at once, so many bodies just under the limit cannot add up.
 */
export function readBody(
	req: IncomingMessage,
	{ limit, memory }: { limit: number; memory: number },
): Promise<{ body: Buffer } | { problem: BodyProblem }> {
	const declared = Number(req.headers['content-length'] ?? NaN)
	if (declared > limit) return Promise.resolve({ problem: { status: 413, message: 'http.bodyTooLarge' } })
	return new Promise((resolve) => {
		const chunks: Buffer[] = []
		let size = 0
		let settled = false
		const finish = (result: { body: Buffer } | { problem: BodyProblem }) => {
			if (settled) return
			settled = true
			inFlight -= size
			req.removeListener('data', onData)
			if ('problem' in result) req.pause()
			resolve(result)
		}
		const onData = (chunk: Buffer) => {
			size += chunk.length
			inFlight += chunk.length
			if (size > limit) return finish({ problem: { status: 413, message: 'http.bodyTooLarge' } })
			if (inFlight > memory) return finish({ problem: { status: 503, message: 'http.busy' } })
			chunks.push(chunk)
		}
		req.on('data', onData)
		req.once('end', () => finish({ body: Buffer.concat(chunks, size) }))
		req.once('error', () => finish({ problem: { status: 400, message: 'http.malformedBody' } }))
		// A client that goes away mid-body: its bytes must leave the in-flight count all the same.
		req.once('close', () => finish({ problem: { status: 400, message: 'http.malformedBody' } }))
	})
}

/**
 * A state-changing request must carry a form Voce can read: url-encoded or multipart with a
 * boundary, that parses, with at most `maxFields` fields. Parsing it here once costs well under
 * a millisecond for a form and spares every action a 500 on a body it cannot read.
 */
export async function checkForm(contentType: string | undefined, body: Buffer, maxFields: number): Promise<BodyProblem | null> {
	const type = contentType?.split(';')[0]?.trim().toLowerCase()
	if (!type || !FORM_TYPES.has(type)) return { status: 415, message: 'http.unsupportedType' }
	let fields = 0
	try {
		const form = await new Response(new Uint8Array(body), { headers: { 'Content-Type': contentType! } }).formData()
		for (const _ of form.keys()) if (++fields > maxFields) return { status: 413, message: 'http.tooManyFields' }
	} catch {
		return { status: 400, message: 'http.malformedBody' }
	}
	return null
}
