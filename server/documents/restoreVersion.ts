import * as Y from 'yjs';
import type { Services } from '../services';
import type { User } from '../storage/UserStore';
import type { VersionMeta } from '../storage/VersionStore';
import type { Lang } from '@shared/bill/Lang';
import { notFound } from '../errors';
import { META_MAP } from '@shared/bill/yBill';
import { deleteBlock, migrateLegacyLayout, readBlockRecords, setOrder, upsertBlock, visibleOrder, type BlockRecord } from '@shared/layout';
import { versionDisplayName } from './versionName';

/** A saved version's blocks and parameter values (a version saved before blocks is converted in memory). */
function readVersion(state: Uint8Array): { records: BlockRecord[]; params: Record<string, unknown> | null } {
  const old = new Y.Doc();
  try {
    Y.applyUpdate(old, state);
    migrateLegacyLayout(old);
    const params = old.getMap(META_MAP).get('params');
    return { records: readBlockRecords(old), params: params instanceof Y.Map ? (params.toJSON() as Record<string, unknown>) : null };
  } finally {
    old.destroy();
  }
}

/**
 * The name of the version kept before a restore, in the restorer's language: "Before restoring
 * “Introduced”", or, when the version restored was itself kept before a restore (undoing it),
 * "Before undoing the restore of “Introduced”".
 */
function safetyName(services: Services, docId: string, target: VersionMeta, lang: Lang): string {
  const undone = target.kind === 'beforeRestore' && target.restoredVersion ? services.versions.get(docId, target.restoredVersion) : undefined;
  if (undone) return services.i18n.t('versions.beforeUndo', { lng: lang, name: versionDisplayName(services, undone, lang) });
  return services.i18n.t('versions.beforeRestore', { lng: lang, name: versionDisplayName(services, target, lang) });
}

/**
 * Makes a saved version the current text without losing anything. First the current state is kept
 * as a version of kind `beforeRestore` (restoring that one undoes the restore); then, in one
 * transaction of the live document (persisted and broadcast like any edit), each of the version's
 * blocks gets its content back, changing only what differs, or is created again; blocks added since
 * are deleted (kept, restorable, as deleted by the restorer); the order becomes the version's;
 * parameter values are restored. Returns the version kept first.
 */
export function restoreVersion(services: Services, docId: string, versionId: string, user: User, lang: Lang): VersionMeta {
  const target = services.versions.get(docId, versionId);
  const state = services.versions.state(docId, versionId);
  if (!target || !state) throw notFound('version_not_found', 'versionNotFound', { id: versionId });
  const { records, params } = readVersion(state);
  const room = services.rooms.open(docId);
  try {
    const ydoc = room.ydoc;
    const before = services.versions.create(docId, safetyName(services, docId, target, lang), Y.encodeStateAsUpdate(ydoc), user.id, {
      kind: 'beforeRestore', restoredVersion: target.id, edits: services.history.take(docId),
    });
    // The origin names the restorer, so the automatic history records who changed the text.
    const origin = { restore: versionId, userId: user.id };
    ydoc.transact(() => {
      for (const record of records) upsertBlock(ydoc, record, origin);
      const kept = new Set(records.map((r) => r.id));
      for (const id of visibleOrder(ydoc)) if (!kept.has(id)) deleteBlock(ydoc, id, user.name, origin);
      setOrder(ydoc, records.map((r) => r.id), origin);
      if (params) {
        const meta = ydoc.getMap(META_MAP);
        const current = meta.get('params');
        const map: Y.Map<unknown> = current instanceof Y.Map ? (current as Y.Map<unknown>) : new Y.Map<unknown>();
        if (!(current instanceof Y.Map)) meta.set('params', map);
        for (const [k, v] of Object.entries(params)) map.set(k, v);
      }
    }, origin);
    return before;
  } finally {
    if (room.conns.size === 0) services.rooms.release(room);
  }
}
