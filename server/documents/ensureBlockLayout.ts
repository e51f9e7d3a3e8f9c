import * as Y from 'yjs';
import { isLegacyLayout, migrateLegacyLayout, MIGRATE_ORIGIN } from '@shared/layout';
import type { Db } from '../storage/openDatabase';
import type { UpdateStore } from '../storage/UpdateStore';
import type { CommentStore } from '../storage/CommentStore';

/** What a conversion reads and writes. */
export interface LayoutStores {
  db: Db;
  updates: UpdateStore;
  comments: CommentStore;
}

/**
 * Converts a document just loaded from storage, if it is still in the layout before blocks, once
 * and for good. In one SQLite transaction a copy of the Y.Doc is converted, the comment anchors are
 * moved to the same passages in the blocks, and the converted state becomes the document's snapshot
 * (folding its update log through `throughUpdateId`). Only then does `ydoc` receive the conversion:
 * a failure leaves both the database and `ydoc` as they were. Returns whether it converted.
 */
export function ensureBlockLayout(stores: LayoutStores, docId: string, ydoc: Y.Doc, throughUpdateId: number): boolean {
  if (!isLegacyLayout(ydoc)) return false;
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    stores.db.transaction(() => {
      const threads = stores.comments.anchoredThreads(docId);
      const { anchors } = migrateLegacyLayout(copy, threads.flatMap((t) => [t.anchorStart ?? new Uint8Array(), t.anchorEnd ?? new Uint8Array()]));
      threads.forEach((t, i) => stores.comments.setAnchor(docId, t.id, anchors[2 * i] ?? null, anchors[2 * i + 1] ?? null));
      stores.updates.compact(docId, Y.encodeStateAsUpdate(copy), throughUpdateId);
    })();
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(copy, Y.encodeStateVector(ydoc)), MIGRATE_ORIGIN);
  } finally {
    copy.destroy();
  }
  return true;
}
