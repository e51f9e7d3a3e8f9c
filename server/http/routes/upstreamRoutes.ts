import * as Y from 'yjs';
import type { Router } from '../Router';
import type { Services } from '../../services';
import { forbidden, invalidField } from '../../errors';
import { canWrite } from '../../auth/permissions';
import { isLang } from '@shared/bill/Lang';
import { readableDocument } from './documentRoutes';
import { withDocState } from '../../documents/documentContent';
import { applyUpstream, applyUpstreamSections, cleanUpstreamSections, upstreamChanges } from '../../documents/upstreamChanges';
import { undoUpstream } from '../../documents/undoUpstream';

/**
 * A variant's view of what its model changed since, and taking those changes: section by section,
 * or every clean one at once (a named version is saved first, and the take can be undone).
 */
export function upstreamRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/documents/:id/upstream', (ctx) => {
    const doc = readableDocument(services, ctx.user(), ctx.params.id ?? '');
    const lang = ctx.url.searchParams.get('lang') ?? 'en';
    if (!isLang(lang)) throw invalidField('lang');
    return { status: 200, body: { sections: upstreamChanges(services, doc, lang), docType: doc.docType } };
  });

  // Every section the model changed that the variant did not touch, in one step.
  router.add('POST', '/api/documents/:id/upstream/apply-clean', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    if (!canWrite(user, doc)) throw forbidden();
    const sections = cleanUpstreamSections(services, doc);
    if (sections.length === 0) return { status: 200, body: { sections, version: null } };
    const state = withDocState(services, doc.id, (ydoc) => Y.encodeStateAsUpdate(ydoc));
    const { docId: _d, ...version } = services.versions.create(doc.id, services.i18n.t('upstream.versionBefore', { lng: ctx.lang }), state, user.id);
    services.audit.record('version.create', user.id, doc.id, { versionId: version.id, name: version.name });
    applyUpstreamSections(services, doc, sections, user.name);
    services.audit.record('document.upstream', user.id, doc.id, { sections, versionId: version.id });
    return { status: 200, body: { sections, version } };
  });

  // Undoes a take-all: those sections as the version saved before it holds them.
  router.add('POST', '/api/documents/:id/upstream/undo', async (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    if (!canWrite(user, doc)) throw forbidden();
    const { versionId, sections } = (await ctx.json()) as { versionId?: unknown; sections?: unknown };
    if (typeof versionId !== 'string' || !versionId) throw invalidField('versionId');
    if (!Array.isArray(sections) || sections.length > 10_000 || !sections.every((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 200)) throw invalidField('sections');
    undoUpstream(services, doc, versionId, sections, user.name);
    services.audit.record('document.upstream.undo', user.id, doc.id, { sections, versionId });
    return { status: 200, body: { ok: true } };
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
