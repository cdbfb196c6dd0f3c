// npm run signals:run: the signal run the server makes every quarter hour, once, now. Announces
// moments that started a spike episode, fixes that slid back, and new emerging moments to admins
// (decisions 057, 058, 060); running it
// twice tells nobody twice. The e-mails go out with the next delivery (npm run email:send).
import { runSignals } from '#app/models/signals.server.ts'
import { closeDb } from '#db/index.ts'

const { spikes, relapsed, emerged, told } = runSignals()
console.log(`Spikes announced: ${spikes}; relapsed fixes told: ${relapsed}; emerging moments told: ${emerged}; notifications: ${told}`)
closeDb()
