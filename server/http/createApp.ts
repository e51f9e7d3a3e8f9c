import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../services';
import { Router } from './Router';
import { RequestContext } from './RequestContext';
import { sendError, sendJson } from './respond';
import { serveStatic } from './serveStatic';
import { badRequest, methodNotAllowed, notFound } from '../errors';
import { requestLang } from '../i18n';
import { sessionRoutes } from './routes/sessionRoutes';
import { documentRoutes } from './routes/documentRoutes';
import { libraryRoutes } from './routes/libraryRoutes';
import { userRoutes } from './routes/userRoutes';
import { versionRoutes } from './routes/versionRoutes';
import { compareRoutes } from './routes/compareRoutes';
import { exportRoutes } from './routes/exportRoutes';
import { glossaryRoutes } from './routes/glossaryRoutes';
import { upstreamRoutes } from './routes/upstreamRoutes';
import { commentRoutes } from './routes/commentRoutes';
import { heldRoutes } from './routes/heldRoutes';
import { eventRoutes } from './routes/eventRoutes';

/** Builds the HTTP request handler: the JSON API under /api, health, and the client for everything else. */
export function createApp(services: Services): (req: IncomingMessage, res: ServerResponse) => void {
  const router = new Router();
  router.add('GET', '/healthz', () => ({ status: 200, body: { ok: true } }));
  sessionRoutes(router, services);
  documentRoutes(router, services);
  libraryRoutes(router, services);
  userRoutes(router, services);
  versionRoutes(router, services);
  compareRoutes(router, services);
  exportRoutes(router, services);
  glossaryRoutes(router, services);
  upstreamRoutes(router, services);
  commentRoutes(router, services);
  heldRoutes(router, services);
  eventRoutes(router, services);

  return (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      url = new URL('http://localhost/');
    }
    const lang = requestLang(req.headers['accept-language'], url.searchParams.get('ui'));
    const method = req.method ?? 'GET';
    const isApi = url.pathname.startsWith('/api/') || url.pathname === '/healthz';
    if (!isApi) {
      if (method !== 'GET' && method !== 'HEAD') return sendError(res, methodNotAllowed(), services.i18n, lang, services.log);
      return serveStatic(services.config.distDir, req, res, url.pathname);
    }
    void (async () => {
      try {
        let found: ReturnType<Router['match']>;
        try {
          found = router.match(method, url.pathname);
        } catch {
          throw badRequest('invalid_path');
        }
        if (found === undefined) throw notFound();
        if (found === 'method') throw methodNotAllowed();
        const ctx = new RequestContext(req, res, url, found.params, lang, services);
        const result = await found.handler(ctx);
        if (result) sendJson(res, result.status, result.body, result.headers);
      } catch (err) {
        sendError(res, err, services.i18n, lang, services.log);
      }
    })();
  };
}
