// npm run signals:run: the signal run the server makes every quarter hour, once, now. Announces
// moments that started a spike episode and fixes that slid back (decisions 057, 058); running it
// twice tells nobody twice. The e-mails go out with the next delivery (npm run email:send).
import { runSignals } from '#app/models/signals.server.ts'
import { closeDb } from '#db/index.ts'

const { spikes, relapsed, told } = runSignals()
console.log(`Spikes announced: ${spikes}; relapsed fixes told: ${relapsed}; notifications: ${told}`)
closeDb()
