import type { ServerResponse } from 'node:http';
import type { i18n as I18n } from 'i18next';
import { AppError } from '../errors';
import type { Lang } from '@shared/bill/Lang';

/** Headers every response carries. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
    "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(payload);
}

/** Writes `{"error": {"code", "message"}}` with the message in the caller's language. */
export function sendError(res: ServerResponse, err: unknown, i18n: I18n, lang: Lang, log: (l: string) => void): void {
  const appError = err instanceof AppError ? err : new AppError(500, 'internal', 'internal');
  if (!(err instanceof AppError)) log(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  const message = i18n.t(`errors:${appError.messageKey}`, { lng: lang, ...appError.params });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, appError.status, { error: { code: appError.code, message } });
}
