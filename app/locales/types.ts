import { type en } from '#app/locales/en.ts'

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
/** Every catalog has exactly the English keys, with any text. */
export type Catalog = Widen<typeof en>
