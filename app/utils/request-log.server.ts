import crypto from 'node:crypto'
import { type ServerBuild } from '@remix-run/node'
import type express from 'express'
import { logger, withRequestLogger } from '#app/utils/logger.server.ts'

type Routes = ServerBuild['routes']
type Route = NonNullable<Routes[string]>

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The Remix route that answers a path (`routes/ideas+/$ideaId`), so logs group by route, not by
 * id. Compiled once from the build: each leaf route's full pattern becomes a regular
 * expression, tried in React Router's ranking order (static segment 10, dynamic 3, index 2,
 * splat -2, plus one a segment). React Router's own matchRoutes flattens the whole tree on every call.
 */
export function routeMatcher(routes: Routes) {
	const all = Object.values(routes).filter((r): r is Route => Boolean(r))
	const parents = new Set(all.map((r) => r.parentId))
	const pattern = (route: Route): string[] => {
		const own = (route.path ?? '').split('/').filter(Boolean)
		return route.parentId && routes[route.parentId] ? [...pattern(routes[route.parentId]!), ...own] : own
	}
	const branches = all
		.filter((route) => route.id !== 'root' && !parents.has(route.id))
		.map((route) => {
			const segments = pattern(route)
			const score =
				segments.length +
				segments.reduce((sum, segment) => sum + (segment === '*' ? -2 : segment.startsWith(':') ? 3 : 10), 0) +
				(route.index ? 2 : 0)
			const source = segments
				.map((segment) => (segment === '*' ? '(?:/.*)?' : segment.startsWith(':') ? '/[^/]+' : `/${escape(segment)}`))
				.join('')
			return { id: route.id, score, regex: new RegExp(`^${source}/?$`, route.caseSensitive ? '' : 'i') }
		})
		.sort((a, b) => b.score - a.score)
	return (pathname: string) => branches.find((branch) => branch.regex.test(pathname))?.id
}

const REQUEST_ID = /^[\w.:-]{1,100}$/

/**
 * One log line a request, when its response is finished (or the client went away): request id
 * (the proxy's X-Request-Id when it sends a sane one, else a new UUID, echoed in the response),
 * method, route (the pattern, e.g. routes/admin+/users.$userId: never the path, which can carry a
 * person's id), status and duration. Assets log at debug.
 */
export function requestLog(routeFor: () => ((pathname: string) => string | undefined) | undefined): express.RequestHandler {
	return (req, res, next) => {
		const incoming = req.get('x-request-id')
		const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()
		res.set('X-Request-Id', requestId)
		const started = performance.now()
		withRequestLogger({ requestId }, () => {
			const log = logger()
			res.once('close', () => {
				const durationMs = Math.round((performance.now() - started) * 10) / 10
				// Single Fetch asks for /ideas/x.data (and /_root.data for the home page) on behalf of /ideas/x.
				const data = req.path.endsWith('.data')
				const pathname = data ? req.path.slice(0, -'.data'.length).replace(/\/_root$/, '/') : req.path
				const isAsset = !data && (req.path.startsWith('/assets/') || /\.\w+$/.test(req.path))
				const line = {
					method: req.method,
					route: isAsset ? 'asset' : (routeFor()?.(pathname) ?? null),
					status: res.writableFinished ? res.statusCode : null,
					durationMs,
					...(res.writableFinished ? {} : { aborted: true }),
				}
				if (res.statusCode >= 500) log.error(line, 'request failed')
				else if (isAsset) log.debug(line, 'request')
				else log.info(line, 'request')
			})
			next()
		})
	}
}
