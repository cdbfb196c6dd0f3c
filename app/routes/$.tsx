import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { httpError } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

// Unknown URLs land here so the 404 renders inside the shell, with the root loader's data.
export async function loader(_args: LoaderFunctionArgs) {
	httpError(404, 'errors.notFoundBody')
}

export default function NotFound() {
	return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'errors.notFoundTitle')
