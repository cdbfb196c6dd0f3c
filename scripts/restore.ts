// npm run restore -- FILE: puts a backup in place of DATABASE_PATH, with Voce stopped.
import path from 'node:path'
import { getEnv } from '#app/utils/env.server.ts'
import { restoreDatabase } from '#db/restore.ts'

const file = process.argv[2]
if (!file) {
	console.error('Usage: npm run restore -- path/to/backup.db   (stop Voce first)')
	process.exit(2)
}
try {
	const env = getEnv()
	const { restored, previous } = restoreDatabase({ file: path.resolve(file), target: env.DATABASE_PATH, backupDir: env.BACKUP_DIR })
	console.log(
		`Restored ${file} to ${env.DATABASE_PATH}: ${restored.users} people, ${restored.insights} insights, ${restored.ideas} ideas, ${restored.votes} votes.`,
	)
	if (previous) console.log(`The database as it was before is kept at ${previous}.`)
	console.log('Start Voce again; it applies any migrations newer than the backup.')
} catch (error) {
	console.error(`Restore refused: ${error instanceof Error ? error.message : String(error)}`)
	process.exit(1)
}
