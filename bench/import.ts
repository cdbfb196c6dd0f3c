// `npm run bench:import`: how long a 20,000-person CSV takes to preview and import (issue 20:
// "imports in seconds"), on a fresh demo database in a temporary file. Part of `npm run bench`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROWS = 20_000
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voce-import-'))
process.env.DATABASE_PATH = path.join(dir, 'voce.db')
process.env.LOG_LEVEL = 'silent'
process.env.OUTBOX_DIR = path.join(dir, 'outbox')

const { runMigrations } = await import('#db/migrate.ts')
const { seedDemoData } = await import('#db/seed.ts')
const { getDb, closeDb } = await import('#db/index.ts')
const { users } = await import('#db/schema.ts')
const { listDepartments } = await import('#app/models/department.server.ts')
const { applyImport, createImport, getImport, planImport } = await import('#app/models/import.server.ts')
const { eq } = await import('drizzle-orm')

try {
	runMigrations()
	await seedDemoData()
	const admin = getDb().select({ id: users.id }).from(users).where(eq(users.role, 'admin')).get()!.id
	const departments = listDepartments().map((d) => d.name)
	const roles = ['employee', 'employee', 'employee', 'manager', 'leader']
	const lines = ['email,name,department,role,active']
	for (let i = 0; i < ROWS; i++)
		lines.push(`person${i}@aurora-bank.example,Person ${i},${departments[i % departments.length]},${roles[i % roles.length]},yes`)
	const csv = lines.join('\n')

	let start = performance.now()
	const id = createImport('people', csv, false, admin)
	const plan = planImport(getImport(id)!, admin)
	const previewMs = Math.round(performance.now() - start)
	start = performance.now()
	const result = applyImport(id, false, admin)
	const importMs = Math.round(performance.now() - start)
	if (result.outcome !== 'done' || result.counts.created !== ROWS)
		throw new Error(`The import did not create ${ROWS} people: ${JSON.stringify(result)}`)
	console.log(
		`CSV import: ${ROWS.toLocaleString('en')} people (${(csv.length / 1024 / 1024).toFixed(1)} MB, ${plan.errors.length} lines with problems) previewed in ${(previewMs / 1000).toFixed(2)} s and imported in ${(importMs / 1000).toFixed(2)} s, one transaction with an audit entry each (target: seconds)`,
	)
} finally {
	closeDb()
	fs.rmSync(dir, { recursive: true, force: true })
}
