import { runMigrations } from '#db/migrate.ts'
import { seedDemoData, seedTaxonomy } from '#db/seed.ts'
import { getEnv } from './env.server.ts'

/** Start-up: pending migrations, default taxonomy, and the demo company on an empty database. */
export async function prepareDatabase() {
	runMigrations()
	if (getEnv().SEED_DEMO_DATA) {
		if (await seedDemoData()) console.log('Empty database: demo data added (see README for logins).')
	} else {
		seedTaxonomy()
	}
}
