// Votes from a process and connection of its own, as a second server process would.
import { setVote } from '#app/models/idea.server.ts'

const { ideaId, userIds, attempts } = JSON.parse(process.argv[2]!) as { ideaId: string; userIds: string[]; attempts: number }
const errors: string[] = []
for (let i = 0; i < attempts; i++) {
	for (const userId of userIds) {
		try {
			setVote(ideaId, userId, true)
		} catch (error) {
			errors.push(String(error))
		}
	}
}
process.send?.(errors, () => process.exit(0))
