import { type LoaderFunctionArgs } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

// Unknown URLs land here so the 404 renders inside the shell, with the root loader's data.
export async function loader(_args: LoaderFunctionArgs) {
	throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
	return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
