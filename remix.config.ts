import { type VitePluginConfig } from '@remix-run/dev'

// Single Fetch types: this block must sit in a file tsc includes.
declare module '@remix-run/node' {
	interface Future {
		v3_singleFetch: true
	}
}

export const remixConfig = {
	serverModuleFormat: 'esm',
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		v3_singleFetch: true,
		v3_lazyRouteDiscovery: true,
		v3_routeConfig: true,
	},
} satisfies VitePluginConfig

export default remixConfig

// What server.ts hands every loader and action.
declare module '@remix-run/node' {
	interface AppLoadContext {
		cspNonce: string
		clientIp: string
	}
}
