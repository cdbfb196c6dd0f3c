import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { remixConfig } from './remix.config.ts'

export default defineConfig({
	server: { host: '127.0.0.1' },
	build: { cssMinify: true },
	plugins: [tailwindcss(), remix(remixConfig)],
})
