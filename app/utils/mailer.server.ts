import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { getEnv } from '#app/utils/env.server.ts'

/** A message: plain text always, and an HTML alternative when there is one. */
export type Mail = { to: string; subject: string; text: string; html?: string }

/**
 * Sends through SMTP_URL when it is set; otherwise the message is written as an .eml
 * file to OUTBOX_DIR, so a demo or a test machine never needs a mail server.
 */
export async function sendMail(mail: Mail) {
	const env = getEnv()
	const message = { from: env.MAIL_FROM, ...mail }
	if (env.SMTP_URL) {
		const transport = nodemailer.createTransport(env.SMTP_URL)
		try {
			await transport.sendMail(message)
		} finally {
			transport.close()
		}
		return
	}
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
	const info = await transport.sendMail(message)
	await fs.mkdir(env.OUTBOX_DIR, { recursive: true })
	const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}.eml`
	await fs.writeFile(path.join(env.OUTBOX_DIR, name), info.message as Buffer)
}
