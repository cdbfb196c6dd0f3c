import crypto from 'node:crypto'
import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { getEnv } from '#app/utils/env.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'

// Without SESSION_SECRET (the demo), a per-process secret signs the flash cookie:
// a restart only drops a toast that was in flight.
const secret = getEnv().SESSION_SECRET ?? crypto.randomBytes(32).toString('hex')

const flashStorage = createCookieSessionStorage({
	cookie: {
		name: 'voce_flash',
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: getEnv().NODE_ENV === 'production',
		secrets: [secret],
	},
})

export type Toast = {
	kind: 'success' | 'error'
	/** A catalog key, translated when shown so a language switch shows in the new language. */
	message: MessageKey
	values?: Record<string, string | number>
}

/** A receipt code for an anonymous submission, shown once on the next page. */
export type ReceiptFlash = { code: string; kind: 'idea' | 'insight' }
/** A new office board's token, shown once to the admin who created it. */
/** A secret an admin sees once (an office board's or a SCIM client's token), for the page of its kind. */
export type ShownOnceFlash = { kind: 'board' | 'scim'; name: string; token: string }
type Flash = { toast?: Toast; setupLink?: { userId: string; url: string }; receipt?: ReceiptFlash; shownOnce?: ShownOnceFlash }

// The flash cookie is signed, not encrypted: a receipt code (the one way back to an anonymous
// item) and a new board token travel in it sealed with AES-256-GCM, so a proxy or a browser's cookie store never sees it.
const receiptKey = crypto.createHash('sha256').update(`voce-receipt-flash:${secret}`).digest()

function seal(code: string) {
	const iv = crypto.randomBytes(12)
	const cipher = crypto.createCipheriv('aes-256-gcm', receiptKey, iv)
	const sealed = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()])
	return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

function unseal(value: unknown): string | null {
	if (typeof value !== 'string') return null
	try {
		const bytes = Buffer.from(value, 'base64url')
		const decipher = crypto.createDecipheriv('aes-256-gcm', receiptKey, bytes.subarray(0, 12))
		decipher.setAuthTag(bytes.subarray(12, 28))
		return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
	} catch {
		return null
	}
}

function openReceipt(stored: unknown): ReceiptFlash | undefined {
	const { sealed, kind } = (stored ?? {}) as { sealed?: unknown; kind?: ReceiptFlash['kind'] }
	const code = unseal(sealed)
	return code && kind ? { code, kind } : undefined
}

function openShownOnce(stored: unknown): ShownOnceFlash | undefined {
	const { sealed, name, kind } = (stored ?? {}) as { sealed?: unknown; name?: unknown; kind?: unknown }
	const token = unseal(sealed)
	return token && typeof name === 'string' && (kind === 'board' || kind === 'scim') ? { token, name, kind } : undefined
}

export async function readFlash(request: Request) {
	const session = await flashStorage.getSession(request.headers.get('Cookie'))
	const flash: Flash = {
		toast: session.get('toast') as Toast | undefined,
		setupLink: session.get('setupLink') as Flash['setupLink'],
		receipt: openReceipt(session.get('receipt')),
		shownOnce: openShownOnce(session.get('shownOnce')),
	}
	const hasFlash = Boolean(flash.toast || flash.setupLink || flash.receipt || flash.shownOnce)
	const setCookie = hasFlash ? await flashStorage.destroySession(session) : null
	return { flash, setCookie }
}

export async function flashCookie(flash: Flash) {
	const session = await flashStorage.getSession()
	if (flash.toast) session.flash('toast', flash.toast)
	if (flash.setupLink) session.flash('setupLink', flash.setupLink)
	if (flash.receipt) session.flash('receipt', { sealed: seal(flash.receipt.code), kind: flash.receipt.kind })
	if (flash.shownOnce)
		session.flash('shownOnce', { sealed: seal(flash.shownOnce.token), name: flash.shownOnce.name, kind: flash.shownOnce.kind })
	return flashStorage.commitSession(session)
}

export async function redirectWithFlash(url: string, flash: Flash, init?: ResponseInit) {
	const headers = new Headers(init?.headers)
	headers.append('Set-Cookie', await flashCookie(flash))
	return redirect(url, { ...init, headers })
}

export async function redirectWithToast(url: string, toast: Toast, init?: ResponseInit) {
	return redirectWithFlash(url, { toast }, init)
}
