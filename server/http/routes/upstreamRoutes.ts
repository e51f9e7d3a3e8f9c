import type { Router } from '../Router';
import type { Services } from '../../services';
import { forbidden, invalidField } from '../../errors';
import { canWrite } from '../../auth/permissions';
import { isLang } from '@shared/bill/Lang';
import { readableDocument } from './documentRoutes';
import { applyUpstream, upstreamChanges } from '../../documents/upstreamChanges';

/** A variant's view of what its model changed since, and taking those changes section by section. */
export function upstreamRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/documents/:id/upstream', (ctx) => {
    const doc = readableDocument(services, ctx.user(), ctx.params.id ?? '');
    const lang = ctx.url.searchParams.get('lang') ?? 'en';
    if (!isLang(lang)) throw invalidField('lang');
    return { status: 200, body: { sections: upstreamChanges(services, doc, lang) } };
  });

  router.add('POST', '/api/documents/:id/upstream/:sectionId/apply', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    if (!canWrite(user, doc)) throw forbidden();
    applyUpstream(services, doc, ctx.params.sectionId ?? '', user.name);
    services.audit.record('document.upstream', user.id, doc.id, { sectionId: ctx.params.sectionId });
    return { status: 200, body: { ok: true } };
  });
}
