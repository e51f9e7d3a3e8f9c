import * as Y from 'yjs';
import type { Router } from '../Router';
import type { Services } from '../../services';
import type { VersionMeta } from '../../storage/VersionStore';
import type { Lang } from '@shared/bill/Lang';
import { forbidden, invalidField, notFound } from '../../errors';
import { canWrite } from '../../auth/permissions';
import { readableDocument } from './documentRoutes';
import { withDocState } from '../../documents/documentContent';
import { restoreVersion } from '../../documents/restoreVersion';
import { versionContent } from '../../documents/documentRefs';
import { versionDisplayName } from '../../documents/versionName';
import { sectionHistory } from '../../documents/sectionHistory';

/** A version as the API lists it: who saved it, who edited before it, and its name in the caller's language. */
function versionView(services: Services, v: VersionMeta, names: Map<string, string>, lang: Lang) {
  const { docId: _d, edits, ...rest } = v;
  return {
    ...rest,
    name: versionDisplayName(services, v, lang),
    createdByName: names.get(v.createdBy) ?? '',
    editors: edits.by.map((id) => ({ id, name: names.get(id) ?? '' })),
  };
}

/**
 * Versions (../shared/CONTRACT.md): list, save the current state under a name, restore one. The
 * list holds named versions and those kept before a restore; `?include=automatic` adds the
 * server's automatic versions. Restoring first keeps the current state as a version (restoring
 * that one undoes the restore). A section's history lists its changes across all of them.
 */
export function versionRoutes(router: Router, services: Services): void {
  const userNames = () => new Map(services.users.list().map((u) => [u.id, u.name]));

  router.add('GET', '/api/documents/:id/versions', (ctx) => {
    const doc = readableDocument(services, ctx.user(), ctx.params.id ?? '');
    const include = ctx.url.searchParams.get('include');
    if (include !== null && include !== 'automatic') throw invalidField('include');
    const names = userNames();
    const list = services.versions.list(doc.id).filter((v) => include === 'automatic' || v.kind !== 'automatic');
    return { status: 200, body: list.map((v) => versionView(services, v, names, ctx.lang)) };
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
    const version = services.versions.create(doc.id, name.trim(), state, user.id, { edits: services.history.take(doc.id) });
    services.audit.record('version.create', user.id, doc.id, { versionId: version.id, name: version.name });
    services.events.toDocument(doc.id, 'versions', () => ({ id: version.id }));
    return { status: 201, body: versionView(services, version, userNames(), ctx.lang) };
  });

  router.add('POST', '/api/documents/:id/versions/:versionId/restore', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    if (!canWrite(user, doc)) throw forbidden();
    const versionId = ctx.params.versionId ?? '';
    if (!services.versions.get(doc.id, versionId)) throw notFound('version_not_found', 'versionNotFound', { id: versionId });
    const before = restoreVersion(services, doc.id, versionId, user, ctx.lang);
    services.audit.record('version.restore', user.id, doc.id, { versionId, before: before.id });
    services.events.toDocument(doc.id, 'versions', () => ({ id: before.id }));
    return { status: 200, body: { ok: true, restored: versionId, before: versionView(services, before, userNames(), ctx.lang) } };
  });

  router.add('GET', '/api/documents/:id/sections/:sectionId/history', (ctx) => {
    const doc = readableDocument(services, ctx.user(), ctx.params.id ?? '');
    return { status: 200, body: sectionHistory(services, doc.id, ctx.params.sectionId ?? '', ctx.lang) };
  });
}
