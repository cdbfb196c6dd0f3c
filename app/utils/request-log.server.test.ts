import { type ServerBuild } from '@remix-run/node'
import { expect, test } from 'vitest'
import { routeMatcher } from '#app/utils/request-log.server.ts'

const route = (id: string, parentId: string | undefined, path: string | undefined, index?: boolean) => ({
	id,
	parentId,
	path,
	index,
	caseSensitive: undefined,
	module: {} as ServerBuild['routes'][string]['module'],
})

test('a path is logged as the route that answers it, never with its ids', () => {
	const routeFor = routeMatcher({
		root: route('root', undefined, ''),
		'routes/_index': route('routes/_index', 'root', undefined, true),
		'routes/ideas+/_index': route('routes/ideas+/_index', 'root', 'ideas', true),
		'routes/ideas+/$ideaId': route('routes/ideas+/$ideaId', 'root', 'ideas/:ideaId'),
		'routes/ideas+/$ideaId_.edit': route('routes/ideas+/$ideaId_.edit', 'root', 'ideas/:ideaId/edit'),
		'routes/$': route('routes/$', 'root', '*'),
	})
	expect(routeFor('/')).toBe('routes/_index')
	expect(routeFor('/ideas')).toBe('routes/ideas+/_index')
	expect(routeFor('/ideas/01J9ZK')).toBe('routes/ideas+/$ideaId')
	expect(routeFor('/ideas/01J9ZK/edit')).toBe('routes/ideas+/$ideaId_.edit')
	expect(routeFor('/no/such/page')).toBe('routes/$')
})

test('layouts give way to their children; a path no child matches falls to the splat route', () => {
	const routeFor = routeMatcher({
		root: route('root', undefined, ''),
		'routes/admin+/_layout': route('routes/admin+/_layout', 'root', 'admin'),
		'routes/admin+/_index': route('routes/admin+/_index', 'routes/admin+/_layout', undefined, true),
		'routes/admin+/users._index': route('routes/admin+/users._index', 'routes/admin+/_layout', 'users', true),
		'routes/admin+/users.$userId': route('routes/admin+/users.$userId', 'routes/admin+/_layout', 'users/:userId'),
		'routes/admin+/users.new': route('routes/admin+/users.new', 'routes/admin+/_layout', 'users/new'),
		'routes/$': route('routes/$', 'root', '*'),
	})
	expect(routeFor('/admin')).toBe('routes/admin+/_index')
	expect(routeFor('/admin/users/')).toBe('routes/admin+/users._index')
	expect(routeFor('/admin/users/new')).toBe('routes/admin+/users.new')
	expect(routeFor('/ADMIN/users/42')).toBe('routes/admin+/users.$userId')
	expect(routeFor('/admin/nothing/here')).toBe('routes/$')
})
