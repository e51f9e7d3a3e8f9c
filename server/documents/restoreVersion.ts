import * as Y from 'yjs';
import type { Services } from '../services';
import { notFound } from '../errors';
import { META_MAP } from '@shared/bill/yBill';
import { deleteBlock, migrateLegacyLayout, readBlockRecords, setOrder, upsertBlock, visibleOrder, type BlockRecord } from '@shared/layout';

/** Origin of the edits that restore a version. */
const RESTORE_ORIGIN = 'puente:restore';

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
 * Makes a saved version the current text, without destroying anything, in one transaction of the
 * live document (persisted and broadcast like any edit): each of the version's blocks gets its
 * content back, changing only what differs, or is created again; blocks added since are deleted
 * (kept, restorable, as deleted by `by`); the order becomes the version's; parameter values are
 * restored. Versions themselves never change.
 */
export function restoreVersion(services: Services, docId: string, versionId: string, by: string): void {
  const state = services.versions.state(docId, versionId);
  if (!state) throw notFound('version_not_found', 'versionNotFound', { id: versionId });
  const { records, params } = readVersion(state);
  const room = services.rooms.open(docId);
  try {
    const ydoc = room.ydoc;
    ydoc.transact(() => {
      for (const record of records) upsertBlock(ydoc, record, RESTORE_ORIGIN);
      const kept = new Set(records.map((r) => r.id));
      for (const id of visibleOrder(ydoc)) if (!kept.has(id)) deleteBlock(ydoc, id, by, RESTORE_ORIGIN);
      setOrder(ydoc, records.map((r) => r.id), RESTORE_ORIGIN);
      if (params) {
        const meta = ydoc.getMap(META_MAP);
        const current = meta.get('params');
        const map: Y.Map<unknown> = current instanceof Y.Map ? (current as Y.Map<unknown>) : new Y.Map<unknown>();
        if (!(current instanceof Y.Map)) meta.set('params', map);
        for (const [k, v] of Object.entries(params)) map.set(k, v);
      }
    }, RESTORE_ORIGIN);
  } finally {
    if (room.conns.size === 0) services.rooms.release(room);
  }
}
