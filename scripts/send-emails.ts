// Sends the e-mails that are due now (the server also does this every minute).
import { deliverEmails } from '#app/models/email.server.ts'

const { sent } = await deliverEmails()
console.log(`E-mails sent: ${sent}`)
