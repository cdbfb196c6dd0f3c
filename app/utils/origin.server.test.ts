import { expect, test } from 'vitest'
import { isCrossOriginWrite } from '#app/utils/origin.server.ts'

const headers = (h: Record<string, string>) => (name: string) => h[name.toLowerCase()]

test.each([
	['POST', { 'sec-fetch-site': 'cross-site' }, true],
	['POST', { 'sec-fetch-site': 'same-site' }, true],
	['POST', { 'sec-fetch-site': 'same-origin' }, false],
	['POST', { origin: 'http://evil.example' }, true],
	['POST', { origin: 'http://voce.example:3000' }, false],
	['POST', { origin: 'https://voce.corp.example' }, false],
	['POST', { origin: 'https://voce.corp.example:8443' }, true],
	['POST', { origin: 'null' }, true],
	['DELETE', { origin: 'http://evil.example' }, true],
	['POST', {}, false],
	['GET', { 'sec-fetch-site': 'cross-site' }, false],
	['HEAD', { origin: 'http://evil.example' }, false],
])('%s with %j is cross-origin: %s', (method, h, expected) => {
	expect(isCrossOriginWrite(method, headers(h), ['voce.example:3000', 'voce.corp.example'])).toBe(expected)
})
