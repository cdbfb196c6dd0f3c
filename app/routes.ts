import { type RouteConfig } from '@remix-run/route-config'
import { remixRoutesOptionAdapter } from '@remix-run/routes-option-adapter'
import { flatRoutes } from 'remix-flat-routes'

// Routes are grouped by area in `+` folders (remix-flat-routes, as the Epic Stack does on
// Remix 2). Inside a folder, `__name.*` files are the area's own modules, never routes.
export default remixRoutesOptionAdapter((defineRoutes) =>
	flatRoutes('routes', defineRoutes, {
		ignoredRouteFiles: ['.*', '**/*.css', '**/*.test.{ts,tsx}', '**/__*.*', '**/*.server.*', '**/*.client.*'],
	}),
) satisfies RouteConfig
