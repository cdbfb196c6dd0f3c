import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

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
