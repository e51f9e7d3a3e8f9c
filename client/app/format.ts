import { i18next } from '../i18n/i18n';

/** A date and time in the interface language ("23 nov 2026, 10:04" / "Nov 23, 2026, 10:04 AM"). */
export function formatDateTime(iso: string): string {
  const locale = i18next.language === 'es' ? 'es-MX' : 'en-US';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
