/** The two languages of every document. */
export type Lang = 'en' | 'es';

/** Both languages, in display order. */
export const LANGS: readonly Lang[] = ['en', 'es'];

/** A text in both languages. */
export interface Bilingual {
  en: string;
  es: string;
}

/** Narrows an untrusted value to a language code. */
export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'es';
}
