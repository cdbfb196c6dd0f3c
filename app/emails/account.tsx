import { LINK_STYLE, renderEmail } from '#app/emails/frame.tsx'
import { type Locale } from '#app/locales/index.ts'
import { type T } from '#app/utils/i18n.ts'

type AccountMail = { kind: 'invitation' | 'reset'; name: string; url: string; t: T; locale: Locale; appUrl: string }

/**
 * The two e-mails that carry a one-time set-password link: an administrator's invitation to a
 * new account, and the link someone asked for with "Forgot your password?". Plain text and
 * HTML, in the reader's language; the link is the only thing to click.
 */
export function accountEmail({ kind, name, url, t, locale, appUrl }: AccountMail) {
	const subject = t(`accountMail.${kind}.subject`)
	const lines = [t(`accountMail.${kind}.greeting`, { name }), t(`accountMail.${kind}.body`)]
	const after = t(`accountMail.${kind}.after`)
	const text = [...lines, '', url, '', after].join('\n')
	const html = renderEmail({
		locale,
		subject,
		heading: t('app.name'),
		footer: t('accountMail.footer'),
		settingsLabel: appUrl.replace(/^https?:\/\//, ''),
		settingsUrl: appUrl,
		children: (
			<>
				{lines.map((line) => (
					<p key={line} style={{ margin: '0 0 12px', fontSize: 15, lineHeight: 1.5 }}>
						{line}
					</p>
				))}
				<p style={{ margin: '20px 0' }}>
					<a
						href={url}
						style={{
							...LINK_STYLE,
							display: 'inline-block',
							padding: '10px 16px',
							border: '1px solid #174ca8',
							borderRadius: 6,
							fontWeight: 700,
						}}
					>
						{t(`accountMail.${kind}.button`)}
					</a>
				</p>
				<p style={{ margin: 0, fontSize: 13, color: '#475569', lineHeight: 1.5 }}>{after}</p>
			</>
		),
	})
	return { subject, text, html }
}
