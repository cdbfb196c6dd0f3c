import { Form, NavLink, useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { LOCALES, type Locale } from '#app/locales/index.ts'
import { type Toast } from '#app/utils/flash.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { hasPermission, type Permission } from '#app/utils/permissions.ts'
import { useLocale, useOptionalUser, useRootData, useT } from '#app/utils/root-data.ts'

type NavItem = { to: string; label: MessageKey; permission?: Permission; group?: 'manage' }

// Navigation per role: an item shows when the role has the permission its page checks.
// Items in the 'manage' group fold into one menu on a wide screen, so every role's header
// stays on one line from 1024 px up.
export const NAV_ITEMS: NavItem[] = [
	{ to: '/', label: 'nav.home' },
	{ to: '/insights', label: 'nav.insights', permission: 'read:insight:any' },
	{ to: '/ideas', label: 'nav.ideas', permission: 'read:idea:any' },
	{ to: '/campaigns', label: 'nav.campaigns', permission: 'read:campaign:any' },
	{ to: '/search', label: 'nav.search', permission: 'read:idea:any' },
	{ to: '/triage', label: 'nav.triage', permission: 'read:triage:scope', group: 'manage' },
	{ to: '/dashboard', label: 'nav.dashboard', permission: 'read:dashboard:scope', group: 'manage' },
	{ to: '/team', label: 'nav.team', permission: 'read:team:scope', group: 'manage' },
	{ to: '/admin', label: 'nav.admin', permission: 'read:user:any', group: 'manage' },
]

function navLinkClass({ isActive }: { isActive: boolean }) {
	return `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-brand-700 text-white' : 'text-brand-50 hover:bg-brand-700/60'}`
}

export function AppShell({ children, toast }: { children: React.ReactNode; toast?: Toast | null }) {
	const t = useT()
	const user = useOptionalUser()
	const location = useLocation()
	const items = user ? NAV_ITEMS.filter((i) => !i.permission || hasPermission(user.role, i.permission)) : []
	const link = (item: NavItem) => (
		<li key={item.to}>
			<NavLink to={item.to} end={item.to === '/'} className={navLinkClass}>
				{t(item.label)}
			</NavLink>
		</li>
	)
	const main = items.filter((i) => !i.group)
	const manage = items.filter((i) => i.group === 'manage')
	return (
		<div className="flex min-h-screen flex-col bg-slate-50">
			<a
				href="#main"
				className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
			>
				{t('app.skipToContent')}
			</a>
			<header className="bg-brand-900 text-white">
				<div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
					<NavLink to="/" className="text-xl font-bold tracking-tight">
						{t('app.name')}
					</NavLink>
					{user ? (
						<>
							<nav aria-label={t('app.mainNav')} className="hidden flex-1 lg:block">
								<ul className="flex items-center gap-1">
									{main.map(link)}
									{manage.length ? (
										<li>
											<HeaderMenu label={t('nav.manage')} active={manage.some((i) => isUnder(i.to))}>
												<ul className="space-y-1">{manage.map(link)}</ul>
											</HeaderMenu>
										</li>
									) : null}
								</ul>
							</nav>
							<div className="ml-auto flex items-center gap-2">
								<NavLink
									to="/insights/new"
									aria-label={t('nav.logInsight')}
									className="whitespace-nowrap rounded-md bg-white px-3 py-2 text-sm font-semibold text-brand-900 hover:bg-brand-50"
								>
									<span aria-hidden>+ </span>
									<span className="sm:hidden">{t('nav.logInsightShort')}</span>
									<span className="hidden sm:inline">{t('nav.logInsight')}</span>
								</NavLink>
								<Bell />
							</div>
							<div className="hidden lg:block">
								<HeaderMenu label={<span className="block max-w-40 truncate">{user.name}</span>} align="right">
									<p className="px-3 pb-2 text-xs text-brand-100">{t('app.signedInAs', { name: user.name })}</p>
									<UserLinks />
								</HeaderMenu>
							</div>
							<div className="lg:hidden">
								<HeaderMenu
									label={
										<>
											<span aria-hidden>☰</span> {t('app.openMenu')}
										</>
									}
									align="right"
								>
									<nav aria-label={t('app.mainNav')}>
										<ul className="space-y-1">{items.map(link)}</ul>
									</nav>
									<div className="mt-2 border-t border-brand-700 pt-2">
										<p className="px-3 pb-2 text-xs text-brand-100">{t('app.signedInAs', { name: user.name })}</p>
										<UserLinks />
									</div>
								</HeaderMenu>
							</div>
						</>
					) : null}
				</div>
			</header>
			<main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
				{toast ? <ToastMessage toast={toast} /> : null}
				{children}
			</main>
			<footer className="border-t border-slate-200 bg-white">
				<div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4 text-sm text-slate-600">
					<span>
						{t('app.footer')}
						{user ? (
							<>
								{' · '}
								<NavLink to="/about" className="underline hover:text-slate-900">
									{t('about.title')}
								</NavLink>
							</>
						) : null}
					</span>
					<LanguageSwitcher />
				</div>
			</footer>
		</div>
	)

	function isUnder(to: string) {
		return location.pathname === to || location.pathname.startsWith(`${to}/`)
	}
}

/**
 * A header menu that works without JavaScript (a `<details>` disclosure). With JavaScript
 * it also closes after a navigation, on Escape and on a click elsewhere.
 */
function HeaderMenu({
	label,
	children,
	active = false,
	align = 'left',
}: {
	label: React.ReactNode
	children: React.ReactNode
	active?: boolean
	align?: 'left' | 'right'
}) {
	const ref = useRef<HTMLDetailsElement>(null)
	const location = useLocation()
	useEffect(() => {
		ref.current?.removeAttribute('open')
	}, [location.key])
	useEffect(() => {
		function close(event: Event) {
			const details = ref.current
			if (!details?.open) return
			if (event instanceof KeyboardEvent) {
				if (event.key !== 'Escape') return
				details.removeAttribute('open')
				details.querySelector('summary')?.focus()
			} else if (!details.contains(event.target as Node)) details.removeAttribute('open')
		}
		document.addEventListener('keydown', close)
		document.addEventListener('click', close)
		return () => {
			document.removeEventListener('keydown', close)
			document.removeEventListener('click', close)
		}
	}, [])
	return (
		<details ref={ref} className="group relative">
			<summary
				className={`flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium [&::-webkit-details-marker]:hidden ${active ? 'bg-brand-700 text-white' : 'text-brand-50 hover:bg-brand-700/60'}`}
			>
				{label}
				<svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 fill-current transition group-open:rotate-180">
					<path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
				</svg>
			</summary>
			<div
				className={`absolute z-20 mt-2 w-64 rounded-md bg-brand-900 p-2 shadow-lg ring-1 ring-brand-700 ${align === 'right' ? 'right-0' : 'left-0'}`}
			>
				{children}
			</div>
		</details>
	)
}

function Bell() {
	const t = useT()
	const unread = useRootData()?.unread ?? 0
	return (
		<NavLink
			to="/notifications"
			className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-brand-700/60 sm:min-h-9 sm:min-w-9"
			aria-label={unread ? t('notifications.bell', { count: unread }) : t('notifications.bellNone')}
		>
			<svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5 fill-none stroke-current stroke-2">
				<path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
			</svg>
			{unread ? (
				<span
					aria-hidden
					className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-bold leading-5 text-white"
				>
					{unread > 99 ? '99+' : unread}
				</span>
			) : null}
		</NavLink>
	)
}

function UserLinks() {
	const t = useT()
	return (
		<div className="flex flex-col gap-1">
			<NavLink to="/profile" className={navLinkClass}>
				{t('nav.profile')}
			</NavLink>
			<NavLink to="/moments" end className={navLinkClass}>
				{t('nav.moments')}
			</NavLink>
			<NavLink to="/moments/week" className={navLinkClass}>
				{t('weekly.link')}
			</NavLink>
			<NavLink to="/settings" className={navLinkClass}>
				{t('nav.settings')}
			</NavLink>
			<Form method="post" action="/logout">
				<button type="submit" className="w-full rounded-md px-3 py-2 text-left text-sm font-medium text-brand-50 hover:bg-brand-700/60">
					{t('app.logout')}
				</button>
			</Form>
		</div>
	)
}

export function LanguageSwitcher() {
	const t = useT()
	const locale = useLocale()
	const location = useLocation()
	return (
		<Form method="post" action="/resources/locale" className="flex items-center gap-2">
			<input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
			<label htmlFor="footer-locale">{t('app.language')}</label>
			<select
				id="footer-locale"
				name="locale"
				defaultValue={locale}
				key={locale}
				className="rounded-md border border-slate-300 bg-white px-2 py-1"
			>
				{LOCALES.map((l: Locale) => (
					<option key={l} value={l} lang={l}>
						{t(`languages.${l}`)}
					</option>
				))}
			</select>
			<button type="submit" className="rounded-md border border-slate-300 px-3 py-1 font-medium text-slate-800 hover:bg-slate-100">
				{t('app.changeLanguage')}
			</button>
		</Form>
	)
}

function ToastMessage({ toast }: { toast: Toast }) {
	const t = useT()
	const tone = toast.kind === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-green-300 bg-green-50 text-green-900'
	return (
		<div role={toast.kind === 'error' ? 'alert' : 'status'} className={`mb-6 rounded-md border p-3 text-sm ${tone}`}>
			{t(toast.message, toast.values ?? {})}
		</div>
	)
}
