import { LINK_STYLE, renderEmail } from '#app/emails/frame.tsx'
import { type Locale } from '#app/locales/index.ts'
import { describeNotification, notificationPath, type NotificationFacts } from '#app/models/notification.ts'
import { type T } from '#app/utils/i18n.ts'

/** One notification as the e-mail needs it: what it says, which idea it is about, a comment's words. */
export type MailItem = NotificationFacts & {
	ideaId: string | null
	eventId?: string | null
	insightId?: string | null
	commentBody: string | null
}

/** A line's own link, where it leads elsewhere than its idea (a playbook prompt: the playbook's editor). */
type Line = { label: string; why: string | null; path: string | null }
type Group = { ideaId: string | null; title: string | null; lines: Line[] }

/** The items grouped by idea, in the order each idea first appears; items with no idea to open last. */
function byIdea(items: MailItem[], t: T): Group[] {
	const groups = new Map<string, Group>()
	for (const item of items) {
		const { label, why } = describeNotification(item, t)
		// A hidden contribution's idea is not linked: the contribution is gone from it.
		const ideaId = item.kind === 'hidden' ? null : item.ideaId
		const key = ideaId ?? ''
		const group = groups.get(key) ?? { ideaId, title: ideaId ? item.ideaTitle : null, lines: [] }
		const path = notificationPath(item)
		group.lines.push({ label, why: item.commentBody ? `“${item.commentBody.slice(0, 300)}”` : why, path })
		groups.set(key, group)
	}
	return [...groups.values()].sort((a, b) => Number(!a.ideaId) - Number(!b.ideaId))
}

/**
 * The notifications e-mail, as HTML and as plain text, in the reader's language: grouped by
 * idea, each change with its why, every link absolute to APP_URL, no remote image.
 */
export function notificationsEmail({ items, t, locale, appUrl }: { items: MailItem[]; t: T; locale: Locale; appUrl: string }) {
	const groups = byIdea(items, t)
	const subject = t('email.subject', { count: items.length })
	const settings = `${appUrl}/settings`
	const link = (ideaId: string) => `${appUrl}/ideas/${ideaId}`
	const text = [
		t('email.intro'),
		'',
		...groups.flatMap((g) => [
			...(g.title ? [g.title] : []),
			...g.lines.map((l) => `• ${l.label}${l.why ? `\n  ${l.why.replace(/\n+/g, ' ')}` : ''}${l.path ? `\n  ${appUrl}${l.path}` : ''}`),
			...(g.ideaId ? [`  ${link(g.ideaId)}`] : []),
			'',
		]),
		t('email.footer', { url: settings }),
	].join('\n')
	const html = renderEmail({
		locale,
		subject,
		heading: t('app.name'),
		footer: t('email.footerHtml'),
		settingsLabel: t('email.settingsLink'),
		settingsUrl: settings,
		children: (
			<>
				<p style={{ margin: '0 0 16px', fontSize: 16 }}>{t('email.intro')}</p>
				{groups.map((g, index) => (
					<div key={g.ideaId ?? `other-${index}`} style={{ borderTop: '1px solid #e2e8f0', padding: '16px 0' }}>
						{g.title && g.ideaId ? (
							<h2 style={{ margin: '0 0 8px', fontSize: 17 }}>
								<a href={link(g.ideaId)} style={LINK_STYLE}>
									{g.title}
								</a>
							</h2>
						) : null}
						<ul style={{ margin: 0, paddingLeft: 20 }}>
							{g.lines.map((l, i) => (
								<li key={i} style={{ margin: '0 0 8px', fontSize: 15 }}>
									{l.path ? (
										<a href={`${appUrl}${l.path}`} style={LINK_STYLE}>
											{l.label}
										</a>
									) : (
										l.label
									)}
									{l.why ? (
										<blockquote style={{ margin: '4px 0 0', paddingLeft: 12, borderLeft: '3px solid #cbd5e1', color: '#334155' }}>
											{l.why}
										</blockquote>
									) : null}
								</li>
							))}
						</ul>
						{g.ideaId ? (
							<p style={{ margin: '8px 0 0' }}>
								<a
									href={link(g.ideaId)}
									style={{
										display: 'inline-block',
										background: '#1d5fd1',
										color: '#ffffff',
										padding: '8px 14px',
										borderRadius: 6,
										textDecoration: 'none',
										fontSize: 14,
									}}
								>
									{t('email.open')}
								</a>
							</p>
						) : null}
					</div>
				))}
			</>
		),
	})
	return { subject, text, html }
}
