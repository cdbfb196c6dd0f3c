import { getFormProps, useForm } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { z } from 'zod'
import { Button } from '#app/components/ui/button.tsx'
import { Field, FormErrors } from '#app/components/ui/forms.tsx'
import { type Locale } from '#app/locales/index.ts'
import { boardView, validateBoardToken } from '#app/models/board.server.ts'
import { getClientIp } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { parseForm } from '#app/utils/form.server.ts'
import { formatDate, formatDateTime, getT, localizedName } from '#app/utils/i18n.ts'
import { loginLockedForMinutes, recordLoginFailure } from '#app/utils/login-limit.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { useT } from '#app/utils/root-data.ts'
import { boardCookie } from '#app/utils/session.server.ts'

/** The office board stands alone on a wall screen: no header, no menus (root.tsx). */
export const handle = { bare: true }

/**
 * How often the wall screen shows what is new, in seconds: with JavaScript its data is fetched
 * again in place; without, a meta refresh (inside <noscript>, so a browser with scripts never
 * reloads the whole page) does it.
 */
export const BOARD_REFRESH_SECONDS = 60

async function boardOf(request: Request) {
	const token: unknown = await boardCookie.parse(request.headers.get('Cookie'))
	return typeof token === 'string' ? validateBoardToken(token) : null
}

/**
 * Signed in with a board token (not a person's session): the board of its department. Without
 * one, or once it is revoked, the form that takes a token.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const board = await boardOf(request)
	const zone = getEnv().TIME_ZONE
	if (!board) return { board: null, zone, now: new Date() }
	return { board: { name: board.name, locale: board.locale, ...boardView(board, zone) }, zone, now: new Date() }
}

const SignInSchema = z.object({
	token: z.string({ error: 'board.tokenRequired' }).trim().min(1, 'board.tokenRequired').max(200, 'board.tokenInvalid'),
})

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await request.formData()
	if (formData.get('intent') === 'sign-out') {
		return redirect('/board', { headers: { 'Set-Cookie': await boardCookie.serialize('', { maxAge: 0 }) } })
	}
	const submission = parseForm(formData, { schema: SignInSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	// Tried from one address too often: held back like a failed login (per address only).
	const ip = getClientIp(context)
	const key = `board-token@${ip}`
	const minutes = await loginLockedForMinutes(key, ip)
	if (minutes > 0) return data({ result: submission.reply({ formErrors: ['board.locked'] }) }, { status: 429 })
	const board = validateBoardToken(submission.value.token)
	if (!board) {
		await recordLoginFailure(key, ip)
		return data({ result: submission.reply({ fieldErrors: { token: ['board.tokenInvalid'] }, hideFields: ['token'] }) }, { status: 400 })
	}
	return redirect('/board', { headers: { 'Set-Cookie': await boardCookie.serialize(submission.value.token) } })
}

export default function BoardRoute() {
	const { board, zone, now } = useLoaderData<typeof loader>()
	if (!board) return <SignIn />
	return <Board board={board} zone={zone} now={new Date(now)} />
}

function SignIn() {
	const t = useT()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm<{ token: string }>({ id: 'board-sign-in', lastResult: actionData?.result })
	return (
		<main id="main" className="mx-auto max-w-xl p-6">
			<h1 className="mb-2 text-2xl font-bold">{t('board.signInHeading')}</h1>
			<p className="mb-4 text-slate-700">{t('board.signInIntro')}</p>
			<Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
				<FormErrors errors={form.errors} />
				<Field label={t('board.token')} hint={t('board.tokenHint')} meta={fields.token} type="password" autoComplete="off" />
				<Button>{t('board.signIn')}</Button>
			</Form>
		</main>
	)
}

type Loaded = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['board']>

/** The wall screen: large type, high contrast, read from three metres; it reloads itself every minute. */
function Board({ board, zone, now }: { board: Loaded; zone: string; now: Date }) {
	const revalidator = useRevalidator()
	const latest = useRef(revalidator)
	latest.current = revalidator
	useEffect(() => {
		const timer = setInterval(() => {
			if (latest.current.state === 'idle') latest.current.revalidate()
		}, BOARD_REFRESH_SECONDS * 1000)
		return () => clearInterval(timer)
	}, [])
	const locale: Locale = board.locale
	const t = getT(locale)
	const where = board.departmentName ?? t('board.company')
	const heading = 'text-3xl font-bold text-amber-300'
	return (
		<main id="main" lang={locale} className="min-h-screen bg-slate-950 p-8 text-white">
			<noscript>
				<meta httpEquiv="refresh" content={String(BOARD_REFRESH_SECONDS)} />
			</noscript>
			<header className="mb-8 flex flex-wrap items-baseline justify-between gap-4 border-b border-slate-700 pb-4">
				<h1 className="text-5xl font-bold">{t('board.heading', { where })}</h1>
				<p className="text-2xl text-slate-200">{t('board.updated', { time: formatDateTime(now, locale, zone) })}</p>
			</header>
			{board.tooSmall ? (
				<p className="text-3xl">{t('board.tooSmall')}</p>
			) : (
				<div className="grid gap-10 xl:grid-cols-3">
					<section aria-labelledby="board-hot">
						<h2 id="board-hot" className={heading}>
							{t('board.hottest')}
						</h2>
						{board.hottest.length ? (
							<ol className="mt-4 space-y-4">
								{board.hottest.map((h) => (
									<li key={h.event.id} className="flex items-baseline justify-between gap-4 text-3xl">
										<span>{localizedName(h.event, locale)}</span>
										<span className="font-bold tabular-nums">{h.heat}</span>
									</li>
								))}
							</ol>
						) : (
							<p className="mt-4 text-2xl text-slate-200">{t('weekly.noHeat')}</p>
						)}
						{board.step ? (
							<div className="mt-10 rounded-xl border-2 border-amber-300 p-5">
								<h2 className={heading}>{t('board.step', { event: localizedName(board.step.event, locale) })}</h2>
								<p className="mt-3 text-3xl leading-snug" lang={board.step.locale}>
									{board.step.number}. {board.step.step}
								</p>
							</div>
						) : null}
					</section>
					<section aria-labelledby="board-new">
						<h2 id="board-new" className={heading}>
							{t('board.latest')}
						</h2>
						<ul className="mt-4 space-y-5">
							{board.latest.map((i) => (
								<li key={i.id} className="border-l-4 border-slate-500 pl-4">
									<p className="text-2xl leading-snug">{i.body}</p>
									<p className="mt-1 text-xl text-slate-300">
										{[
											i.event ? localizedName(i.event, locale) : null,
											i.authorName,
											// An anonymous insight keeps only its day (app/models/anonymity.server.ts).
											i.anonymous ? formatDate(new Date(i.createdAt), locale, zone) : formatDateTime(new Date(i.createdAt), locale, zone),
										]
											.filter(Boolean)
											.join(' · ')}
									</p>
								</li>
							))}
						</ul>
					</section>
					<section aria-labelledby="board-fixed" className="space-y-10">
						<div>
							<h2 id="board-fixed" className={heading}>
								{t('weekly.fixed')}
							</h2>
							<p className="mt-4 text-3xl leading-snug">{board.fixed ? board.fixed.title : t('board.nothingFixed')}</p>
						</div>
						<div>
							<h2 className={heading}>{t('weekly.story')}</h2>
							{board.story ? (
								<>
									<p className="mt-4 text-2xl leading-snug">“{board.story.insight.body}”</p>
									{board.story.notes[0] ? (
										<p className="mt-2 text-xl text-slate-200">
											{t('thanks.by', { name: board.story.notes[0].name, note: board.story.notes[0].note })}
										</p>
									) : null}
								</>
							) : (
								<p className="mt-4 text-2xl text-slate-200">{t('weekly.noStory')}</p>
							)}
						</div>
					</section>
				</div>
			)}
			<Form method="post" className="mt-12">
				<input type="hidden" name="intent" value="sign-out" />
				<button type="submit" className="text-base text-slate-400 underline">
					{t('board.signOut', { name: board.name })}
				</button>
			</Form>
		</main>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	data?.board ? [{ title: getT(data.board.locale)('board.title') }] : pageTitle(matches, 'board.signInTitle')
