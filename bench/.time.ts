process.env.DATABASE_PATH = '/tmp/prof/run.db'
process.env.LOG_LEVEL = 'silent'
const { listFeed } = await import('#app/models/idea.server.ts')
const { filterOptions } = await import('#app/utils/filters.server.ts')
const { listCampaigns } = await import('#app/models/campaign.server.ts')
const { listInsights } = await import('#app/models/insight.server.ts')
const { getDb } = await import('#db/index.ts')
const admin = getDb().$client.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").get() as { id: string }
const time = (label: string, fn: () => unknown, n = 200) => { for (let i = 0; i < 20; i++) fn(); const s = performance.now(); for (let i = 0; i < n; i++) fn(); console.log(label.padEnd(20), ((performance.now() - s) / n).toFixed(2), 'ms') }
time('listFeed trending', () => listFeed({ sort: 'trending', filters: {}, viewerId: admin.id, cursor: null }))
time('listFeed newest', () => listFeed({ sort: 'newest', filters: {}, viewerId: admin.id, cursor: null }))
time('filterOptions', () => filterOptions())
time('listCampaigns', () => listCampaigns())
time('listInsights', () => listInsights({}, admin.id, null))
console.log(JSON.stringify(listFeed({ sort: 'trending', filters: {}, viewerId: admin.id, cursor: null })).length, 'bytes of feed')
