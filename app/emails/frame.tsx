import { renderToStaticMarkup } from 'react-dom/server'
import { type Locale } from '#app/locales/index.ts'

export const LINK_STYLE = { color: '#174ca8' }

/**
 * Every Voce e-mail's HTML: a 600 px card on a grey page (tables, for mail clients), its
 * heading band, the body, and a footer line that links to the settings. No remote image.
 */
export function renderEmail({
	locale,
	subject,
	heading,
	footer,
	settingsLabel,
	settingsUrl,
	children,
}: {
	locale: Locale
	subject: string
	heading: string
	footer: string
	settingsLabel: string
	settingsUrl: string
	children: React.ReactNode
}) {
	return `<!doctype html>${renderToStaticMarkup(
		<html lang={locale}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<title>{subject}</title>
			</head>
			<body style={{ margin: 0, padding: 0, background: '#f1f5f9', fontFamily: 'Arial, Helvetica, sans-serif', color: '#0f172a' }}>
				<table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ background: '#f1f5f9' }}>
					<tbody>
						<tr>
							<td align="center" style={{ padding: '24px 12px' }}>
								<table
									role="presentation"
									width="100%"
									cellPadding={0}
									cellSpacing={0}
									style={{ maxWidth: 600, background: '#ffffff', borderRadius: 8 }}
								>
									<tbody>
										<tr>
											<td
												style={{
													background: '#0f2f66',
													color: '#ffffff',
													padding: '16px 24px',
													fontSize: 20,
													fontWeight: 700,
													borderRadius: '8px 8px 0 0',
												}}
											>
												{heading}
											</td>
										</tr>
										<tr>
											<td style={{ padding: '24px' }}>{children}</td>
										</tr>
										<tr>
											<td style={{ padding: '16px 24px', fontSize: 13, color: '#475569', borderTop: '1px solid #e2e8f0' }}>
												{footer}{' '}
												<a href={settingsUrl} style={LINK_STYLE}>
													{settingsLabel}
												</a>
											</td>
										</tr>
									</tbody>
								</table>
							</td>
						</tr>
					</tbody>
				</table>
			</body>
		</html>,
	)}`
}
