// npm run backup: a consistent copy of the live database, checked, timestamped, rotated.
import { getEnv } from '#app/utils/env.server.ts'
import { backupDatabase } from '#db/backup.ts'

try {
	const env = getEnv()
	const result = backupDatabase({ source: env.DATABASE_PATH, dir: env.BACKUP_DIR, keep: env.BACKUP_KEEP })
	const removed = result.removed.length ? `; removed ${result.removed.length} older (keeping ${env.BACKUP_KEEP})` : ''
	console.log(`Backup written: ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB, integrity ok, ${result.ms} ms)${removed}`)
} catch (error) {
	console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
	process.exit(1)
}
