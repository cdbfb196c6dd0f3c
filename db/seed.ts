import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { DEFAULT_CHANNELS, DEFAULT_EVENTS, DEFAULT_STAGES } from '#app/models/taxonomy.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { type Role } from '#app/utils/permissions.ts'
import { getDb, type DB } from './index.ts'
import { runMigrations } from './migrate.ts'
import { channels, criticalEvents, departments, journeyStages, users } from './schema.ts'
import { seedDemoActivity } from './seed-activity.ts'
import { seedDemoHistory } from './seed-history.ts'
import { seedDemoBoard, seedDemoEmerging, seedDemoPlaybooks, seedDemoStories } from './seed-moments.ts'

export const DEMO_PASSWORD = 'aurora-demo-2026'

/** One login per role, listed in the README and used by the end-to-end tests. */
export const DEMO_LOGINS = {
	employee: 'giulia.rossi@aurora-bank.example',
	manager: 'marco.ferri@aurora-bank.example',
	leader: 'elena.marino@aurora-bank.example',
	admin: 'paolo.greco@aurora-bank.example',
} as const satisfies Record<Role, string>

/** The default journey stages, critical events and channels of PRODUCT.md, when none exist. */
export function seedTaxonomy(db: DB = getDb()) {
	if ((db.select({ n: count() }).from(journeyStages).get()?.n ?? 0) > 0) return
	db.transaction((tx) => {
		const stageIds = new Map<string, string>()
		DEFAULT_STAGES.forEach(([name, names], index) => {
			const row = tx
				.insert(journeyStages)
				.values({ name, names, position: index + 1 })
				.returning({ id: journeyStages.id })
				.get()
			stageIds.set(name, row.id)
		})
		for (const [name, names, stage] of DEFAULT_EVENTS) {
			tx.insert(criticalEvents)
				.values({ name, names, defaultStageId: stageIds.get(stage)! })
				.run()
		}
		for (const [name, names] of DEFAULT_CHANNELS) tx.insert(channels).values({ name, names }).run()
	})
}

type DeptSpec = { name: string; children?: DeptSpec[] }
const ORG: DeptSpec = {
	name: 'Banca Aurora',
	children: [
		{ name: 'Executive Office' },
		{
			name: 'Retail Banking',
			children: [
				{
					name: 'Branch Network',
					children: [{ name: 'Milano Centro branch' }, { name: 'Roma Prati branch' }, { name: 'Torino Lingotto branch' }],
				},
				{ name: 'Cards & Payments' },
				{ name: 'Lending' },
			],
		},
		{
			name: 'Customer Care',
			children: [
				{ name: 'Contact Centre', children: [{ name: 'Contact Centre Milano' }, { name: 'Contact Centre Bari' }] },
				{ name: 'Social & Chat' },
			],
		},
		{ name: 'Digital Channels' },
		{ name: 'Operations', children: [{ name: 'Fraud & Disputes' }] },
	],
}

// The departments that meet customers, and so everything below them (decision 055).
const CUSTOMER_FACING = new Set(['Branch Network', 'Customer Care'])

// [critical event, owning department, owner's e-mail local part]
const OWNERS: Array<[string, string, string | null]> = [
	['Card lost or stolen', 'Cards & Payments', 'ilaria.martinelli'],
	['Payment declined', 'Cards & Payments', null],
	['Account locked or fraud alert', 'Fraud & Disputes', 'federica.lombardi'],
	['Loan or mortgage refused', 'Lending', null],
	['Product failure when most needed', 'Digital Channels', 'giada.coppola'],
]

// [name, e-mail local part, role, department]
const PEOPLE: Array<[string, string, Role, string]> = [
	['Giulia Rossi', 'giulia.rossi', 'employee', 'Contact Centre Milano'],
	['Marco Ferri', 'marco.ferri', 'manager', 'Contact Centre'],
	['Elena Marino', 'elena.marino', 'leader', 'Executive Office'],
	['Paolo Greco', 'paolo.greco', 'admin', 'Operations'],
	['Luca Romano', 'luca.romano', 'employee', 'Contact Centre Milano'],
	['Sara Colombo', 'sara.colombo', 'employee', 'Contact Centre Milano'],
	['Davide Ricci', 'davide.ricci', 'employee', 'Contact Centre Milano'],
	['Chiara Bruno', 'chiara.bruno', 'employee', 'Contact Centre Milano'],
	['Matteo Gallo', 'matteo.gallo', 'employee', 'Contact Centre Bari'],
	['Francesca Conti', 'francesca.conti', 'employee', 'Contact Centre Bari'],
	['Antonio De Luca', 'antonio.deluca', 'employee', 'Contact Centre Bari'],
	['Valentina Costa', 'valentina.costa', 'employee', 'Contact Centre Bari'],
	['Simone Giordano', 'simone.giordano', 'manager', 'Contact Centre Bari'],
	['Martina Mancini', 'martina.mancini', 'employee', 'Social & Chat'],
	['Alessandro Rizzo', 'alessandro.rizzo', 'employee', 'Social & Chat'],
	['Federica Lombardi', 'federica.lombardi', 'manager', 'Customer Care'],
	['Andrea Moretti', 'andrea.moretti', 'employee', 'Milano Centro branch'],
	['Laura Barbieri', 'laura.barbieri', 'employee', 'Milano Centro branch'],
	['Stefano Fontana', 'stefano.fontana', 'manager', 'Milano Centro branch'],
	['Silvia Santoro', 'silvia.santoro', 'employee', 'Roma Prati branch'],
	['Roberto Mariani', 'roberto.mariani', 'employee', 'Roma Prati branch'],
	['Elisa Rinaldi', 'elisa.rinaldi', 'employee', 'Roma Prati branch'],
	['Giorgio Caruso', 'giorgio.caruso', 'manager', 'Roma Prati branch'],
	['Anna Ferrara', 'anna.ferrara', 'employee', 'Torino Lingotto branch'],
	['Fabio Galli', 'fabio.galli', 'employee', 'Torino Lingotto branch'],
	['Paola Martini', 'paola.martini', 'employee', 'Torino Lingotto branch'],
	['Riccardo Leone', 'riccardo.leone', 'manager', 'Branch Network'],
	['Serena Longo', 'serena.longo', 'employee', 'Cards & Payments'],
	['Emanuele Gentile', 'emanuele.gentile', 'employee', 'Cards & Payments'],
	['Ilaria Martinelli', 'ilaria.martinelli', 'manager', 'Cards & Payments'],
	['Nicola Vitale', 'nicola.vitale', 'employee', 'Lending'],
	['Beatrice Lombardo', 'beatrice.lombardo', 'employee', 'Lending'],
	['Tommaso Serra', 'tommaso.serra', 'employee', 'Digital Channels'],
	['Giada Coppola', 'giada.coppola', 'manager', 'Digital Channels'],
	['Lorenzo De Santis', 'lorenzo.desantis', 'employee', 'Fraud & Disputes'],
	['Camilla D’Angelo', 'camilla.dangelo', 'employee', 'Fraud & Disputes'],
	['Pietro Marchetti', 'pietro.marchetti', 'leader', 'Retail Banking'],
	['Marta Parisi', 'marta.parisi', 'leader', 'Customer Care'],
	['Claudio Villa', 'claudio.villa', 'admin', 'Digital Channels'],
	['Irene Conte', 'irene.conte', 'employee', 'Contact Centre Milano'],
	['Gabriele Ferraro', 'gabriele.ferraro', 'employee', 'Contact Centre Bari'],
]
// Realistic edge cases: someone who left, someone invited who has not set a password yet.
const DEACTIVATED = new Set(['gabriele.ferraro'])
const PENDING_SETUP = new Set(['irene.conte'])

export async function seedDemoData(db: DB = getDb()) {
	seedTaxonomy(db)
	if ((db.select({ n: count() }).from(users).get()?.n ?? 0) > 0) return false
	// One hash for every demo account keeps the seed fast; real accounts each get their own.
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	db.transaction((tx) => {
		const deptIds = new Map<string, string>()
		const insert = (spec: DeptSpec, parentId: string | null) => {
			const row = tx
				.insert(departments)
				.values({ name: spec.name, parentId, customerFacing: CUSTOMER_FACING.has(spec.name) })
				.returning({ id: departments.id })
				.get()
			deptIds.set(spec.name, row.id)
			for (const child of spec.children ?? []) insert(child, row.id)
		}
		insert(ORG, null)
		for (const [name, local, role, dept] of PEOPLE) {
			tx.insert(users)
				.values({
					name,
					email: `${local}@aurora-bank.example`,
					role,
					departmentId: deptIds.get(dept)!,
					passwordHash: PENDING_SETUP.has(local) ? null : passwordHash,
					deactivatedAt: DEACTIVATED.has(local) ? new Date() : null,
				})
				.run()
		}
		// Who owns each moment of truth (decision 052).
		const person = (local: string) =>
			tx
				.select({ id: users.id })
				.from(users)
				.where(eq(users.email, `${local}@aurora-bank.example`))
				.get()!.id
		for (const [event, dept, local] of OWNERS) {
			tx.update(criticalEvents)
				.set({ ownerDepartmentId: deptIds.get(dept)!, ownerUserId: local ? person(local) : null })
				.where(eq(criticalEvents.name, event))
				.run()
		}
	})
	seedDemoHistory(db)
	seedDemoActivity(db)
	seedDemoPlaybooks(db)
	seedDemoStories(db)
	seedDemoBoard(db)
	seedDemoEmerging(db)
	return true
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
	runMigrations()
	const seeded = await seedDemoData()
	console.log(seeded ? 'Demo data added.' : 'The database already has users; demo data not added.')
}
