import * as Y from 'yjs';
import { dropTooDeepLegacyElements, isLegacyLayout, migrateLegacyLayout, MIGRATE_ORIGIN } from '@shared/layout';
import type { Db } from '../storage/openDatabase';
import type { UpdateStore } from '../storage/UpdateStore';
import type { CommentStore } from '../storage/CommentStore';

/** What a conversion reads and writes. */
export interface LayoutStores {
  db: Db;
  updates: UpdateStore;
  comments: CommentStore;
  /** Where a conversion that had to drop content says so. */
  log?: (line: string) => void;
}

/**
 * Converts a document just loaded from storage, if it is still in the layout before blocks, once
 * and for good. In one SQLite transaction a copy of the Y.Doc is converted, the comment anchors are
 * moved to the same passages in the blocks, and the converted state becomes the document's snapshot
 * (folding its update log through `throughUpdateId`). Only then does `ydoc` receive the conversion:
 * a failure leaves both the database and `ydoc` as they were. Elements nested deeper than the bill
 * schema allows (stored by releases that let them in) are dropped, and the drop is logged. Returns
 * whether it converted.
 */
export function ensureBlockLayout(stores: LayoutStores, docId: string, ydoc: Y.Doc, throughUpdateId: number): boolean {
  if (!isLegacyLayout(ydoc)) return false;
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    let dropped = 0;
    stores.db.transaction(() => {
      const threads = stores.comments.anchoredThreads(docId);
      const migrated = migrateLegacyLayout(copy, threads.flatMap((t) => [t.anchorStart ?? new Uint8Array(), t.anchorEnd ?? new Uint8Array()]));
      const { anchors } = migrated;
      dropped = migrated.dropped;
      threads.forEach((t, i) => stores.comments.setAnchor(docId, t.id, anchors[2 * i] ?? null, anchors[2 * i + 1] ?? null));
      stores.updates.compact(docId, Y.encodeStateAsUpdate(copy), throughUpdateId);
    })();
    // Applying the conversion's deletes to a deep element would recurse: drop those elements here the same way first.
    dropTooDeepLegacyElements(ydoc);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(copy, Y.encodeStateVector(ydoc)), MIGRATE_ORIGIN);
    if (dropped) stores.log?.(`layout: ${docId}: dropped ${dropped} element(s) nested deeper than the bill schema allows while converting to blocks`);
  } finally {
    copy.destroy();
  }
  return true;
}
