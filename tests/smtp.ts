import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll } from 'vitest'
import { resetEnvCache } from '#app/utils/env.server.ts'

export type Received = { to: string[]; subject: string; text: string; html: string }

/** A real SMTP server on loopback: what arrives is what a mail server would get, in `inbox`. Stop it with close(). */
export async function startSmtp(inbox: Received[] = []) {
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					inbox.push({
						to: session.envelope.rcptTo.map((r) => r.address),
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						html: typeof mail.html === 'string' ? mail.html : '',
					})
					callback()
				})
				.catch(callback)
		},
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.server.address() as { port: number }
	return {
		inbox,
		url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}

const MAIL_ENV = {
	TIME_ZONE: 'Europe/Rome',
	DIGEST_HOUR: '8',
	APP_URL: 'https://voce.aurora-bank.example',
}

/**
 * For a test file that sends e-mail: a real SMTP server for the whole file, Voce pointed at it,
 * the organisation in Rome with the digest hour at 8; everything put back afterwards.
 */
export function withSmtpServer(inbox: Received[]) {
	let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined
	beforeAll(async () => {
		smtp = await startSmtp(inbox)
		Object.assign(process.env, MAIL_ENV, { SMTP_URL: smtp.url })
		resetEnvCache()
	})
	afterAll(async () => {
		for (const key of ['SMTP_URL', ...Object.keys(MAIL_ENV)]) delete process.env[key]
		resetEnvCache()
		await smtp?.close()
	})
}
