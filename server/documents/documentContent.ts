import * as Y from 'yjs';
import type { Services } from '../services';
import { readBilingualContent, type BilingualContent } from '@shared/bill/yBill';
import { ensureBlockLayout } from './ensureBlockLayout';

/**
 * Runs `fn` on the document's current Y.Doc: the live one if the document is open, else one loaded
 * from SQLite for the occasion (converted to blocks first if it is still in the legacy layout).
 */
export function withDocState<T>(services: Services, docId: string, fn: (ydoc: Y.Doc) => T): T {
  const live = services.rooms.get(docId);
  if (live) return fn(live.ydoc);
  const stored = services.updates.load(docId);
  const ydoc = new Y.Doc();
  try {
    if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(ydoc, u);
    ensureBlockLayout(services, docId, ydoc, stored.lastUpdateId);
    return fn(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/** The current text of both languages as ProseMirror JSON. */
export function documentContent(services: Services, docId: string): BilingualContent {
  return withDocState(services, docId, readBilingualContent);
}
