import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../services';
import type { User } from '../storage/UserStore';
import type { Lang } from '@shared/bill/Lang';
import { badRequest, forbidden, tooLarge, unauthenticated } from '../errors';
import { requestToken } from '../auth/requestToken';
import { crossSiteWrite } from '../auth/crossSiteWrite';

/** One HTTP request as handlers see it. */
export class RequestContext {
  private cachedUser: User | null | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly url: URL,
    readonly params: Record<string, string>,
    readonly lang: Lang,
    readonly services: Services,
  ) {}

  /** The signed-in user, or a 401. Cookie-authenticated writes must come from this site. */
  user(): User {
    if (this.cachedUser === undefined) {
      const token = requestToken(this.req, this.url, false);
      const userId = token && this.services.sessions.userIdFor(token.token);
      const user = userId ? this.services.users.byId(userId) : undefined;
      this.cachedUser = user && !user.disabled ? user : null;
      if (this.cachedUser && token?.via === 'cookie' && this.req.method !== 'GET' && this.req.method !== 'HEAD') {
        if (crossSiteWrite(this.req, this.services.config.allowedOrigins)) throw forbidden('crossSite');
      }
    }
    if (!this.cachedUser) throw unauthenticated();
    return this.cachedUser;
  }

  /** The session token the request carries, if any. */
  token(): string | undefined {
    return requestToken(this.req, this.url, false)?.token;
  }

  /** Reads and parses a JSON object body, refusing anything over the configured limit. */
  async json(): Promise<Record<string, unknown>> {
    const limit = this.services.config.maxBodyBytes;
    const declared = Number(this.req.headers['content-length'] ?? 0);
    if (declared > limit) throw tooLarge(limit);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw tooLarge(limit);
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badRequest('invalid_json', 'invalidJson');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('invalid_json', 'invalidJson');
    return parsed as Record<string, unknown>;
  }
}
