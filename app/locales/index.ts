import { en } from '#app/locales/en.ts'
import { it } from '#app/locales/it.ts'
import { type Catalog } from '#app/locales/types.ts'

/**
 * Every language Voce speaks, in the order the language menu lists them. A new language is a
 * catalog file here plus the taxonomy's names in it (docs/architecture.md, "Add a language").
 */
export const CATALOGS = { en, it } satisfies Record<string, Catalog>
export type Locale = keyof typeof CATALOGS
export const LOCALES = Object.keys(CATALOGS) as [Locale, ...Locale[]]

/** An admin-entered name in the languages other than the default one (the default is the entry's `name`). */
export type TranslatedNames = Partial<Record<Locale, string>>
