import crypto from 'node:crypto'
import { type ServerBuild } from '@remix-run/node'
import { matchRoutes } from '@remix-run/react'
import type express from 'express'
import { logger, withRequestLogger } from './logger.server.ts'

type Routes = ServerBuild['routes']
type RouteObject = Parameters<typeof matchRoutes>[0][number]

function routeTree(routes: Routes, parentId?: string): RouteObject[] {
	return Object.values(routes)
		.filter((route) => route?.parentId === parentId)
		.map((route) => ({
			id: route!.id,
			path: route!.path,
			caseSensitive: route!.caseSensitive,
			...(route!.index ? { index: true as const } : { children: routeTree(routes, route!.id) }),
		}))
}

/** The Remix route that answers a path (`routes/ideas.$ideaId`), so logs group by route, not by id. */
export function routeMatcher(routes: Routes) {
	const tree = routeTree(routes)
	return (pathname: string) => matchRoutes(tree, pathname)?.at(-1)?.route.id
}

const REQUEST_ID = /^[\w.:-]{1,100}$/

/**
 * One log line a request, when its response is finished (or the client went away): request id
 * (the proxy's X-Request-Id when it sends a sane one, else a new UUID, echoed in the response),
 * method, route, path without the query string, status and duration. Assets log at debug.
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
					path: req.path,
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
