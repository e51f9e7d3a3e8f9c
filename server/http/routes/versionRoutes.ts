import * as Y from 'yjs';
import type { Router } from '../Router';
import type { Services } from '../../services';
import { forbidden, invalidField, notFound } from '../../errors';
import { canWrite } from '../../auth/permissions';
import { readableDocument } from './documentRoutes';
import { withDocState } from '../../documents/documentContent';
import { restoreVersion } from '../../documents/restoreVersion';
import { versionContent } from '../../documents/documentRefs';

/** Named versions: list, save the current state, restore one (../shared/CONTRACT.md). */
export function versionRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/documents/:id/versions', (ctx) => {
    const doc = readableDocument(services, ctx.user(), ctx.params.id ?? '');
    const names = new Map(services.users.list().map((u) => [u.id, u.name]));
    return { status: 200, body: services.versions.list(doc.id).map(({ docId: _d, ...v }) => ({ ...v, createdByName: names.get(v.createdBy) ?? '' })) };
  });

  router.add('GET', '/api/documents/:id/versions/:versionId/content', (ctx) => {
    const doc = readableDocument(services, ctx.user(), ctx.params.id ?? '');
    return { status: 200, body: versionContent(services, doc.id, ctx.params.versionId ?? '') };
  });

  router.add('POST', '/api/documents/:id/versions', async (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    if (!canWrite(user, doc)) throw forbidden();
    const { name } = await ctx.json();
    if (typeof name !== 'string' || !name.trim() || name.length > 200) throw invalidField('name');
    const state = withDocState(services, doc.id, (ydoc) => Y.encodeStateAsUpdate(ydoc));
    const { docId: _d, ...version } = services.versions.create(doc.id, name.trim(), state, user.id);
    services.audit.record('version.create', user.id, doc.id, { versionId: version.id, name: version.name });
    return { status: 201, body: version };
  });

  router.add('POST', '/api/documents/:id/versions/:versionId/restore', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    if (!canWrite(user, doc)) throw forbidden();
    const versionId = ctx.params.versionId ?? '';
    if (!services.versions.state(doc.id, versionId)) throw notFound('version_not_found', 'versionNotFound', { id: versionId });
    restoreVersion(services, doc.id, versionId, user.name);
    services.audit.record('version.restore', user.id, doc.id, { versionId });
    return { status: 200, body: { ok: true, restored: versionId } };
  });
}
