/** Methods that change nothing: no CSRF check, no body read. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

type HeaderGetter = (name: string) => string | null | undefined

/**
 * True when a state-changing request may come from another site. Browsers send
 * Sec-Fetch-Site; older ones send Origin, which must name one of `hosts` (the Host header, a
 * trusted proxy's X-Forwarded-Host, APP_URL's host); a request with neither (curl, tests) is
 * not a browser carrying someone's cookie across sites.
 */
export function isCrossOriginWrite(method: string, header: HeaderGetter, hosts: string[]) {
	if (SAFE_METHODS.has(method.toUpperCase())) return false
	const site = header('sec-fetch-site')
	if (site) return site !== 'same-origin' && site !== 'none'
	const origin = header('origin')
	if (!origin) return false
	try {
		return !hosts.includes(new URL(origin).host)
	} catch {
		return true
	}
}
