import { LINK_STYLE, renderEmail } from '#app/emails/frame.tsx'
import { type Locale, type TranslatedNames } from '#app/locales/index.ts'
import { formatDate, localizedName, type T } from '#app/utils/i18n.ts'

type Named = { id: string; name: string; names: TranslatedNames }
/** What the weekly digest says (app/models/weekly.server.ts, weeklyMoments). */
export type Digest = {
	range: { from: Date; to: Date }
	hottest: Array<{ event: Named; heat: number; previous: number }> | null
	story: {
		insight: { id: string; body: string; anonymous: boolean; authorName: string | null }
		notes: Array<{ name: string; note: string }>
	} | null
	fixed: Array<{ id: string; title: string }>
	blindSpot: Named | null
}

type Section = { heading: string; lines: Array<{ text: string; href: string | null; quote?: string }> }

/** The digest's sections in the reader's language, shared by the text and HTML parts. */
function sections(digest: Digest, t: T, locale: Locale, appUrl: string): Section[] {
	const name = (e: Named) => localizedName(e, locale)
	const out: Section[] = []
	if (digest.hottest) {
		out.push({
			heading: t('weekly.hottest'),
			lines: digest.hottest.length
				? digest.hottest.map((h) => ({
						text: t('weekly.heatLine', { event: name(h.event), count: h.heat, previous: h.previous }),
						href: `${appUrl}/moments/${h.event.id}`,
					}))
				: [{ text: t('weekly.noHeat'), href: null }],
		})
	}
	if (digest.story) {
		const s = digest.story
		out.push({
			heading: t('weekly.story'),
			lines: [
				{
					text: `“${s.insight.body.length > 240 ? `${s.insight.body.slice(0, 240)}…` : s.insight.body}”`,
					href: `${appUrl}/insights/${s.insight.id}`,
					quote: s.notes.map((n) => t('thanks.by', { name: n.name, note: n.note })).join(' · '),
				},
			],
		})
	}
	out.push({
		heading: t('weekly.fixed'),
		lines: digest.fixed.length
			? digest.fixed.map((f) => ({ text: f.title, href: `${appUrl}/ideas/${f.id}` }))
			: [{ text: t('weekly.nothingFixed'), href: `${appUrl}/you-said-we-did` }],
	})
	if (digest.blindSpot) {
		out.push({
			heading: t('weekly.blindSpot'),
			lines: [{ text: t('weekly.blindSpotLine', { event: name(digest.blindSpot) }), href: `${appUrl}/moments/${digest.blindSpot.id}` }],
		})
	}
	return out
}

/** The weekly moments-of-truth e-mail, as HTML and plain text, in the reader's language; every link absolute, no remote image. */
export function momentsDigestEmail({
	digest,
	t,
	locale,
	appUrl,
	zone,
}: {
	digest: Digest
	t: T
	locale: Locale
	appUrl: string
	zone: string
}) {
	const range = { from: formatDate(digest.range.from, locale, zone), to: formatDate(digest.range.to, locale, zone) }
	const subject = t('weekly.subject', range)
	const parts = sections(digest, t, locale, appUrl)
	const settings = `${appUrl}/settings`
	const page = `${appUrl}/moments/week`
	const text = [
		t('weekly.intro', range),
		'',
		...parts.flatMap((s) => [
			s.heading,
			...s.lines.map((l) => `• ${l.text}${l.quote ? `\n  ${l.quote}` : ''}${l.href ? `\n  ${l.href}` : ''}`),
			'',
		]),
		t('weekly.inApp', { url: page }),
		t('weekly.footer', { url: settings }),
	].join('\n')
	const html = renderEmail({
		locale,
		subject,
		heading: t('weekly.heading'),
		footer: t('weekly.footerHtml'),
		settingsLabel: t('email.settingsLink'),
		settingsUrl: settings,
		children: (
			<>
				<p style={{ margin: '0 0 16px', fontSize: 16 }}>{t('weekly.intro', range)}</p>
				{parts.map((s) => (
					<div key={s.heading} style={{ borderTop: '1px solid #e2e8f0', padding: '16px 0' }}>
						<h2 style={{ margin: '0 0 8px', fontSize: 17 }}>{s.heading}</h2>
						<ul style={{ margin: 0, paddingLeft: 20 }}>
							{s.lines.map((l, i) => (
								<li key={i} style={{ margin: '0 0 8px', fontSize: 15 }}>
									{l.href ? (
										<a href={l.href} style={LINK_STYLE}>
											{l.text}
										</a>
									) : (
										l.text
									)}
									{l.quote ? (
										<blockquote style={{ margin: '4px 0 0', paddingLeft: 12, borderLeft: '3px solid #cbd5e1', color: '#334155' }}>
											{l.quote}
										</blockquote>
									) : null}
								</li>
							))}
						</ul>
					</div>
				))}
				<p style={{ margin: '8px 0 0' }}>
					<a href={page} style={LINK_STYLE}>
						{t('weekly.openInApp')}
					</a>
				</p>
			</>
		),
	})
	return { subject, text, html }
}
