/** Only same-site paths: `//evil.example` and absolute URLs fall back to home. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
	if (!to || typeof to !== 'string') return fallback
	if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
	return to
}

/** Page numbers for offset paging: the requested page, kept within 1…pages. */
export function pageWindow(total: number, requested: number, size: number) {
	const pages = Math.max(1, Math.ceil(total / size))
	const page = Math.min(Math.max(1, requested), pages)
	return { pages, page, offset: (page - 1) * size }
}
