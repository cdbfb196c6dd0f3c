import { samlEnabled, samlMetadata } from '#app/routes/_auth+/__saml.server.ts'
import { ensure } from '#app/utils/http.server.ts'

// Voce's SAML service provider metadata (entity id, ACS URL, signing certificate), for the IdP.
export async function loader() {
	ensure(samlEnabled(), 'errors.notFoundBody')
	return new Response(samlMetadata(), {
		headers: { 'Content-Type': 'application/samlmetadata+xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
	})
}
