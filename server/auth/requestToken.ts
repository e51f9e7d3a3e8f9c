import type { IncomingMessage } from 'node:http';

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'puente_session';

/** Parses the Cookie header into a map (last value wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    const raw = part.slice(i + 1).trim();
    try {
      out.set(name, decodeURIComponent(raw));
    } catch {
      out.set(name, raw);
    }
  }
  return out;
}

/** Where a request's credentials came from: a cookie needs cross-site protection, a bearer token does not. */
export interface RequestToken {
  token: string;
  via: 'bearer' | 'query' | 'cookie';
}

/** Finds the session token: Authorization bearer, then `?token=` (WebSocket only), then the cookie. */
export function requestToken(req: IncomingMessage, url: URL, allowQuery: boolean): RequestToken | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' };
  const q = allowQuery ? url.searchParams.get('token') : null;
  if (q) return { token: q, via: 'query' };
  const cookie = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  if (cookie) return { token: cookie, via: 'cookie' };
  return undefined;
}

/** Whether an Origin header names this server itself (or one of the configured extra origins). */
export function isSameOrigin(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
