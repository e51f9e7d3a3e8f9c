import { i18next } from '../i18n/i18n';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date and time in the interface language ("23 nov 2026, 10:04" / "Nov 23, 2026, 10:04 AM"). */
export function formatDateTime(iso: string): string {
  const locale = i18next.language === 'es' ? 'es-MX' : 'en-US';
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(locale, format);
  }
  return format.format(new Date(iso));
}
