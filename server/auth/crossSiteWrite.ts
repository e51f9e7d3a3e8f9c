import type { IncomingMessage } from 'node:http';
import { isSameOrigin } from './requestToken';

/** Why a write may have been sent by a page of another site: its Origin, or a content type a plain form or `no-cors` fetch can send. */
export type CrossSiteReason = 'origin' | 'contentType';

/** The media type of a Content-Type header without its parameters: `text/plain; charset=application/json` is text/plain. */
function essence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Judges a write that a browser could have sent with the visitor's cookies. Another site's page can
 * POST a form (urlencoded, multipart, text/plain) without asking, but only this site's own script
 * can send `application/json` (anything else would need a CORS preflight this server never grants).
 * A request with no Origin (a script, not a browser) is judged by its content type alone.
 */
export function crossSiteWrite(req: IncomingMessage, allowedOrigins: string[]): CrossSiteReason | null {
  if (!isSameOrigin(req, allowedOrigins)) return 'origin';
  if (essence(req.headers['content-type']) !== 'application/json') return 'contentType';
  return null;
}
