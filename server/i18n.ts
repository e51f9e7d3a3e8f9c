import fs from 'node:fs';
import path from 'node:path';
import { createInstance, type i18n as I18n } from 'i18next';
import type { Lang } from '@shared/bill/Lang';

/** Loads every namespace in locales/en and locales/es: the same files the client uses. */
export function loadLocales(localesDir: string): I18n {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lang of ['en', 'es']) {
    resources[lang] = {};
    for (const file of fs.readdirSync(path.join(localesDir, lang)).filter((f) => f.endsWith('.json'))) {
      const ns = file.slice(0, -5);
      (resources[lang] as Record<string, unknown>)[ns] = JSON.parse(fs.readFileSync(path.join(localesDir, lang, file), 'utf8'));
    }
  }
  const i18n = createInstance();
  void i18n.init({
    resources: resources as never,
    lng: 'en',
    fallbackLng: 'en',
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n;
}

/** Picks the caller's interface language from `?ui=`, then Accept-Language; English otherwise. */
export function requestLang(acceptLanguage: string | undefined, explicit?: string | null): Lang {
  if (explicit === 'es' || explicit === 'en') return explicit;
  if (!acceptLanguage) return 'en';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('es')) return 'es';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
