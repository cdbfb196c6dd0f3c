import crypto from 'node:crypto'
import fs from 'node:fs'
import proxyaddr from 'proxy-addr'
import { z } from 'zod'

const booleanString = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')

/**
 * Which proxies' X-Forwarded-* headers to believe: unset (none: Voce is reached directly), a hop
 * count (1: one proxy in front), or addresses and subnets (`loopback`, `10.0.0.0/8`, …).
 * Believing every sender (`true`) would let any client choose its own address, so it is refused.
 */
const trustProxy = z
	.string()
	.optional()
	.transform((value, ctx): false | number | string[] => {
		if (value === undefined || value === 'false' || value === '0') return false
		if (/^\d+$/.test(value)) return Number(value)
		const list = value
			.split(',')
			.map((part) => part.trim())
			.filter(Boolean)
		try {
			if (value === 'true' || !list.length) throw new Error()
			proxyaddr.compile(list)
			return list
		} catch {
			ctx.addIssue({
				code: 'custom',
				message: 'must be a hop count (e.g. 1) or proxy addresses and subnets (e.g. loopback,10.0.0.0/8); never true',
			})
			return z.NEVER
		}
	})

const ROLE_NAMES = ['employee', 'manager', 'leader', 'admin'] as const

/** `IdP group=role;another group=role`: which Voce role an SSO group gives (the highest wins). */
const roleMap = z
	.string()
	.optional()
	.transform((value, ctx): Array<[string, (typeof ROLE_NAMES)[number]]> => {
		if (!value) return []
		const pairs: Array<[string, (typeof ROLE_NAMES)[number]]> = []
		for (const part of value
			.split(';')
			.map((p) => p.trim())
			.filter(Boolean)) {
			const at = part.lastIndexOf('=')
			const group = part.slice(0, at).trim()
			const role = part.slice(at + 1).trim()
			const known = ROLE_NAMES.find((r) => r === role)
			if (at < 1 || !group || !known) {
				ctx.addIssue({ code: 'custom', message: `"${part}" must be group=role, the role one of ${ROLE_NAMES.join(', ')}` })
				return z.NEVER
			}
			pairs.push([group, known])
		}
		return pairs
	})

/** A PEM certificate or key given inline, or the path of a file that holds one; read once here. */
const pem = (label: 'CERTIFICATE' | 'PRIVATE KEY') =>
	z
		.string()
		.optional()
		.transform((value, ctx) => {
			if (!value) return undefined
			const text = value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n') : fs.existsSync(value) ? fs.readFileSync(value, 'utf8') : ''
			try {
				if (label === 'CERTIFICATE') new crypto.X509Certificate(text)
				else crypto.createPrivateKey(text)
				return text
			} catch {
				ctx.addIssue({ code: 'custom', message: `must be a PEM ${label.toLowerCase()}, inline or the path of a file holding one` })
				return z.NEVER
			}
		})

const loopback = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)

const schema = z
	.object({
		NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
		HOST: z.string().min(1).default('127.0.0.1'),
		PORT: z.coerce.number().int().min(1).max(65535).default(3000),
		DATABASE_PATH: z.string().min(1).default('data/voce.db'),
		SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
		TIME_ZONE: z
			.string()
			.default('UTC')
			.refine((zone) => {
				try {
					new Intl.DateTimeFormat('en', { timeZone: zone })
					return true
				} catch {
					return false
				}
			}, 'must be an IANA time zone such as Europe/Rome'),
		SEED_DEMO_DATA: booleanString.default(true),
		LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
		LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
		LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
		/** The address people use to reach Voce: links in e-mails, and an origin form posts may come from. */
		APP_URL: z.url().default('http://127.0.0.1:3000'),
		TRUST_PROXY: trustProxy,
		/** Largest request body read (bytes); a bigger one is refused with 413 before anything reads it. */
		MAX_BODY_BYTES: z.coerce
			.number()
			.int()
			.min(1024)
			.max(100 * 1024 * 1024)
			.default(1024 * 1024),
		/** Largest CSV an admin may upload at Admin → Import (bytes): a 20,000-person file is about 1.5 MB. */
		IMPORT_MAX_BYTES: z.coerce
			.number()
			.int()
			.min(1024)
			.max(200 * 1024 * 1024)
			.default(20 * 1024 * 1024),
		/** Most fields (or multipart parts) a form may have. */
		MAX_FORM_FIELDS: z.coerce.number().int().min(10).max(100_000).default(1000),
		/** e.g. smtp://user:pass@mail.example:587; without it e-mails are written to OUTBOX_DIR. */
		SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be a URL such as smtp://user:password@mail.example:587' }).optional(),
		MAIL_FROM: z.string().default('Voce <voce@localhost>'),
		OUTBOX_DIR: z.string().default('data/outbox'),
		/** Local hour (TIME_ZONE) after which the daily digest goes out. */
		DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
		SLA_DAYS: z.coerce.number().int().min(1).max(365).default(14),
		/** Breakdowns by group (departments, participation) are hidden below this many people. */
		MIN_GROUP_SIZE: z.coerce.number().int().min(2).max(1000).default(5),
		/** How long dashboard figures are reused before they are computed again (0: never reused). */
		DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
		LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
		BACKUP_DIR: z.string().min(1).default('data/backups'),
		/** How many timestamped backups `npm run backup` and the server keep; older ones are deleted. */
		BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
		/** The running server backs up when the newest backup is older than this (0: only `npm run backup`). */
		BACKUP_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(525_600).default(1440),
		// Single sign-on with OpenID Connect (docs/sso.md, decision 062).
		/** The IdP's issuer URL; discovery reads /.well-known/openid-configuration under it. */
		OIDC_ISSUER: z.url().optional(),
		OIDC_CLIENT_ID: z.string().min(1).optional(),
		OIDC_CLIENT_SECRET: z.string().min(1).optional(),
		OIDC_SCOPES: z.string().default('openid email profile'),
		/** The claims that carry a person's e-mail, name, department (a name or a path a/b/c) and groups. */
		OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
		OIDC_NAME_CLAIM: z.string().min(1).default('name'),
		OIDC_DEPARTMENT_CLAIM: z.string().min(1).optional(),
		OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
		/** What the login page calls the IdP: "Sign in with …". */
		SSO_NAME: z.string().min(1).max(60).default('your organisation account'),
		SSO_ROLE_MAP: roleMap,
		/** Whether the first SSO sign-in of an unknown person creates their account (else an admin creates it first). */
		SSO_CREATE_ACCOUNTS: booleanString.default(false),
		SSO_DEFAULT_ROLE: z.enum(ROLE_NAMES).default('employee'),
		// Single sign-on with SAML 2.0 (docs/sso.md, decision 063).
		/** The IdP's single sign-on URL (HTTP-Redirect binding) and the certificate its signatures are checked against. */
		SAML_IDP_SSO_URL: z.url().optional(),
		SAML_IDP_CERT: pem('CERTIFICATE'),
		/** The IdP's entity id; when set, a response from any other issuer is refused. */
		SAML_IDP_ENTITY_ID: z.string().min(1).optional(),
		/** Voce's entity id (the audience its assertions must name); default APP_URL/sso/saml/metadata. */
		SAML_SP_ENTITY_ID: z.string().min(1).optional(),
		/** With both, Voce signs its AuthnRequests and its metadata names the certificate. */
		SAML_SP_PRIVATE_KEY: pem('PRIVATE KEY'),
		SAML_SP_CERT: pem('CERTIFICATE'),
		/** The attributes that carry a person's e-mail (else the NameID), name, department and groups. */
		SAML_EMAIL_ATTRIBUTE: z.string().min(1).default('email'),
		SAML_NAME_ATTRIBUTE: z.string().min(1).default('name'),
		SAML_DEPARTMENT_ATTRIBUTE: z.string().min(1).optional(),
		SAML_GROUPS_ATTRIBUTE: z.string().min(1).default('groups'),
		/** Clocks may differ by this much when NotBefore and NotOnOrAfter are checked. */
		SAML_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
		/** on: passwords work; admins: only administrators' (break-glass, at /login?password); off: SSO only. */
		PASSWORD_LOGIN: z.enum(['on', 'admins', 'off']).default('on'),
	})
	.superRefine((env, ctx) => {
		const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
		if (env.OIDC_ISSUER) {
			if (!env.OIDC_CLIENT_ID) need('OIDC_CLIENT_ID', 'is needed with OIDC_ISSUER')
			if (!env.OIDC_CLIENT_SECRET) need('OIDC_CLIENT_SECRET', 'is needed with OIDC_ISSUER')
			if (new URL(env.OIDC_ISSUER).protocol !== 'https:' && !loopback(env.OIDC_ISSUER))
				need('OIDC_ISSUER', 'must be an https URL (http only on 127.0.0.1, for tests)')
			if (!env.OIDC_SCOPES.split(/\s+/).includes('openid')) need('OIDC_SCOPES', 'must include openid')
		}
		if (env.SAML_IDP_SSO_URL) {
			if (!env.SAML_IDP_CERT) need('SAML_IDP_CERT', 'is needed with SAML_IDP_SSO_URL')
			if (env.OIDC_ISSUER) need('SAML_IDP_SSO_URL', 'cannot be set with OIDC_ISSUER: choose one single sign-on protocol')
		}
		if (Boolean(env.SAML_SP_PRIVATE_KEY) !== Boolean(env.SAML_SP_CERT)) need('SAML_SP_CERT', 'and SAML_SP_PRIVATE_KEY go together')
		if (env.PASSWORD_LOGIN !== 'on' && !env.OIDC_ISSUER && !env.SAML_IDP_SSO_URL)
			need('PASSWORD_LOGIN', 'can only be admins or off with single sign-on set up (OIDC_ISSUER or SAML_IDP_SSO_URL)')
	})

export type Env = z.infer<typeof schema>

let cached: Env | undefined

/**
 * Reads and validates the configuration once; a bad variable stops start-up with its name.
 * A `.env` file in the working directory is read first (variables already set win); an
 * empty value counts as not set, so `.env.example` can list every variable.
 */
export function getEnv(): Env {
	if (cached) return cached
	if (process.env.NODE_ENV !== 'test' && fs.existsSync('.env')) process.loadEnvFile('.env')
	const values = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''))
	const result = schema.safeParse(values)
	if (!result.success) {
		const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
		throw new Error(`Invalid configuration in environment variables:\n${problems}`)
	}
	cached = result.data
	return cached
}

/** Tests change variables between cases; production reads them once. */
export function resetEnvCache() {
	cached = undefined
}
