import * as Y from 'yjs';
import type { Services } from '../services';
import type { DocumentMeta } from '../storage/DocumentStore';
import { notFound } from '../errors';
import { deleteBlock, migrateLegacyLayout, moveBlockAfter, readBlockRecords, upsertBlock, visibleOrder, type BlockRecord } from '@shared/layout';
import { UPSTREAM_ORIGIN } from './upstreamChanges';

/** The shown blocks of a saved version, in its order. */
function versionRecords(state: Uint8Array): BlockRecord[] {
  const old = new Y.Doc();
  try {
    Y.applyUpdate(old, state);
    migrateLegacyLayout(old);
    return readBlockRecords(old);
  } finally {
    old.destroy();
  }
}

/**
 * Undoes taking the model's text: the given sections get back what they held in the version saved
 * just before (content in both languages, and their place), and a section the take added is
 * deleted again (restorably, as deleted by `by`). Only those sections change, in one transaction of
 * the live document, so what colleagues wrote elsewhere since stays.
 */
export function undoUpstream(services: Services, variant: DocumentMeta, versionId: string, sectionIds: readonly string[], by: string): void {
  const state = services.versions.state(variant.id, versionId);
  if (!state) throw notFound('version_not_found', 'versionNotFound', { id: versionId });
  const records = versionRecords(state);
  const before = new Map(records.map((r) => [r.id, r]));
  const versionOrder = records.map((r) => r.id);
  const room = services.rooms.open(variant.id);
  try {
    const ydoc = room.ydoc;
    ydoc.transact(() => {
      for (const id of sectionIds) {
        const record = before.get(id);
        if (!record) {
          deleteBlock(ydoc, id, by, UPSTREAM_ORIGIN);
          continue;
        }
        upsertBlock(ydoc, record, UPSTREAM_ORIGIN);
        if (visibleOrder(ydoc).includes(id)) continue;
        // It was deleted by the take: back after the nearest block before it in the version that is shown.
        const shown = new Set(visibleOrder(ydoc));
        const after = versionOrder.slice(0, versionOrder.indexOf(id)).reverse().find((b) => shown.has(b)) ?? null;
        moveBlockAfter(ydoc, id, after, UPSTREAM_ORIGIN);
      }
    }, UPSTREAM_ORIGIN);
  } finally {
    if (room.conns.size === 0) services.rooms.release(room);
  }
}
