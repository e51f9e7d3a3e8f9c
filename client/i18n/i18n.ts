import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCommon from '../../locales/en/common.json';
import esCommon from '../../locales/es/common.json';
import enErrors from '../../locales/en/errors.json';
import esErrors from '../../locales/es/errors.json';
import type { Lang } from '@shared/bill/Lang';

const STORAGE_KEY = 'puente.lang';

/** The interface language remembered in this browser, else the browser's preference. */
export function initialLanguage(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'es') return saved;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Switches the interface language and remembers it. */
export function setInterfaceLanguage(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

void i18next.use(initReactI18next).init({
  resources: { en: { common: enCommon, errors: enErrors }, es: { common: esCommon, errors: esErrors } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: ['common', 'errors'],
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18next.language;

export { i18next };
