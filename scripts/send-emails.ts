// Reports ideas past the SLA and sends the e-mails that are due now (the server also does both every minute).
import { companyBlindSpots } from '#app/models/dashboard.server.ts'
import { deliverEmails } from '#app/models/email.server.ts'
import { notifyBlindSpots } from '#app/models/playbook.server.ts'
import { notifyOverdue } from '#app/models/triage.server.ts'
import { deliverMomentsDigest } from '#app/models/weekly.server.ts'

// From the command line the whole backlog goes at once; the server works it off a batch a minute.
const overdue = { ideas: 0, told: 0 }
for (let run = notifyOverdue(); ; run = notifyOverdue()) {
	overdue.ideas += run.ideas
	overdue.told += run.told
	if (!run.more) break
}
console.log(`Ideas past the SLA reported: ${overdue.ideas} (${overdue.told} notifications)`)
console.log(`Moment owners told of a new blind spot: ${notifyBlindSpots(companyBlindSpots())}`)
const { sent } = await deliverEmails()
console.log(`E-mails sent: ${sent}`)
const weekly = await deliverMomentsDigest()
console.log(`Weekly moments of truth e-mails sent: ${weekly.sent}`)
