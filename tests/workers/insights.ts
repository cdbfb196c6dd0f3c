// Insights and "I see this too" from a process and connection of its own, as a running server would write them.
import { createInsight, setRecurrence } from '#app/models/insight.server.ts'
import { listChannels, listStages } from '#app/models/taxonomy.server.ts'

const { authorId, seerId, count, signalAfter } = JSON.parse(process.argv[2]!) as {
	authorId: string
	seerId: string
	count: number
	signalAfter: number
}
const channelId = listChannels()[0]!.id
const stageId = listStages()[0]!.id
for (let i = 0; i < count; i++) {
	const { id } = createInsight(
		{ id: authorId, departmentId: null },
		{
			body: `Written during a backup, number ${i}.`,
			channelId,
			stageId,
			eventId: null,
			emotion: 3,
			occurredAt: new Date(),
			anonymous: false,
		},
	)
	setRecurrence(id, seerId, true)
	if (i === signalAfter) process.send?.('writing')
}
process.send?.('done', () => process.exit(0))
