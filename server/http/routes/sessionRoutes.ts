import type { Router } from '../Router';
import { forbidden, invalidField, tooManyRequests, unauthenticated, unsupportedMediaType } from '../../errors';
import { DUMMY_HASH, verifyPassword } from '../../auth/password';
import { SESSION_COOKIE } from '../../auth/requestToken';
import type { Services } from '../../services';
import type { User } from '../../storage/UserStore';
import { revalidateConnections } from '../../auth/revalidateConnections';
import { crossSiteWrite } from '../../auth/crossSiteWrite';

/** The public view of an account. */
export function publicUser(user: User) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, jurisdictions: user.jurisdictions };
}

const WINDOW_MS = 15 * 60_000;
/** Failed sign-ins allowed per account, and per address (higher: one office may share an address). */
const MAX_FAILURES = { e: 10, a: 50 };

/** Sign-in, sign-out and "who am I". Sign-in takes JSON from this site only; failed sign-ins are limited per email and per address. */
export function sessionRoutes(router: Router, services: Services): void {
  const failures = new Map<string, number[]>();
  const recentFailures = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => t > now - WINDOW_MS);

  router.add('POST', '/api/session', async (ctx) => {
    // Sign-in sets the cookie, so it is a cookie write too: another site's form must not sign the
    // visitor in as someone else (login CSRF).
    const crossSite = crossSiteWrite(ctx.req, services.config.allowedOrigins);
    if (crossSite === 'origin') throw forbidden('crossSite');
    if (crossSite === 'contentType') throw unsupportedMediaType();
    const body = await ctx.json();
    const { email, password } = body;
    if (typeof email !== 'string' || email.length > 320) throw invalidField('email');
    if (typeof password !== 'string' || password.length > 1024) throw invalidField('password');
    const now = Date.now();
    const keys = [`e:${email.toLowerCase()}`, `a:${ctx.req.socket.remoteAddress ?? ''}`];
    for (const key of keys) {
      const recent = recentFailures(key, now);
      if (recent.length >= MAX_FAILURES[key.startsWith('e:') ? 'e' : 'a']) throw tooManyRequests(Math.ceil(((recent[0] ?? now) + WINDOW_MS - now) / 1000));
    }
    const found = services.users.credentialsByEmail(email);
    const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !ok || found.user.disabled) {
      for (const key of keys) failures.set(key, [...recentFailures(key, now), now]);
      services.audit.record('session.failed', found?.user.id ?? null, null, { email });
      throw unauthenticated('badCredentials');
    }
    for (const key of keys) failures.delete(key);
    const { token, expiresAt } = services.sessions.create(found.user.id);
    services.audit.record('session.create', found.user.id);
    const secure = services.config.secureCookies ? '; Secure' : '';
    const maxAge = Math.floor((expiresAt - now) / 1000);
    return {
      status: 200,
      body: { user: publicUser(found.user), token, expiresAt: new Date(expiresAt).toISOString() },
      headers: { 'Set-Cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAge}${secure}` },
    };
  });

  router.add('DELETE', '/api/session', (ctx) => {
    const user = ctx.user();
    const token = ctx.token();
    if (token) {
      services.sessions.revoke(token);
      revalidateConnections(services, (c) => c.token === token);
    }
    services.audit.record('session.delete', user.id);
    return { status: 200, body: { ok: true }, headers: { 'Set-Cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0` } };
  });

  router.add('GET', '/api/me', (ctx) => ({ status: 200, body: { user: publicUser(ctx.user()) } }));
}
