import { getEnv } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { getDb } from '#db/index.ts'
import { runMigrations } from '#db/migrate.ts'
import { seedDemoData, seedTaxonomy } from '#db/seed.ts'

/** Start-up: pending migrations, default taxonomy, and the demo company on an empty database. */
export async function prepareDatabase() {
	const { applied, backup } = runMigrations(getDb(), { backupDir: getEnv().BACKUP_DIR })
	if (applied) logger().info({ applied, backup }, 'Migrations applied')
	if (getEnv().SEED_DEMO_DATA) {
		if (await seedDemoData()) logger().info('Empty database: demo data added (see README for logins).')
	} else {
		seedTaxonomy()
	}
}
