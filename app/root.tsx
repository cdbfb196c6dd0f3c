import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from '@remix-run/react'
import { AppShell } from '#app/components/app-shell.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { unreadCount } from '#app/models/notification.server.ts'
import { getAuth } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { readFlash } from '#app/utils/flash.server.ts'
import { DEFAULT_LOCALE } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { useNonce } from '#app/utils/nonce.tsx'
import tailwindHref from './styles/tailwind.css?url'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: tailwindHref },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	const auth = await getAuth(request)
	const user = auth?.user ?? null
	const locale = await getLocale(request, user)
	const { flash, setCookie } = await readFlash(request)
	const headers = new Headers()
	if (auth?.setCookie) headers.append('Set-Cookie', auth.setCookie)
	if (setCookie) headers.append('Set-Cookie', setCookie)
	return data(
		{
			user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
			unread: user ? unreadCount(user.id) : 0,
			locale,
			timeZone: getEnv().TIME_ZONE,
			toast: flash.toast ?? null,
			setupLink: flash.setupLink ?? null,
		},
		{ headers },
	)
}

export function Layout({ children }: { children: React.ReactNode }) {
	const data = useRouteLoaderData<typeof loader>('root')
	const nonce = useNonce()
	return (
		<html lang={data?.locale ?? DEFAULT_LOCALE} className="h-full">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body className="h-full text-slate-900 antialiased">
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	const data = useRouteLoaderData<typeof loader>('root')
	// A page that stands alone (the office board on a wall screen) has no header or menus.
	const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare)
	if (bare) return <Outlet />
	return (
		<AppShell toast={data?.toast}>
			<Outlet />
		</AppShell>
	)
}

export function ErrorBoundary() {
	return (
		<AppShell>
			<GeneralErrorBoundary />
		</AppShell>
	)
}
