import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Services } from '../services';
import { billSchema } from '@shared/schema/billSchema';
import { META_MAP } from '@shared/bill/yBill';
import { versionContent } from './documentRefs';

/**
 * Makes a saved version the current text: the live document's fragments are rewritten in one
 * transaction, which is persisted and broadcast like any edit. Versions themselves never change.
 */
export function restoreVersion(services: Services, docId: string, versionId: string): void {
  const content = versionContent(services, docId, versionId);
  const state = services.versions.state(docId, versionId) as Uint8Array;
  const old = new Y.Doc();
  Y.applyUpdate(old, state);
  const oldParams = old.getMap(META_MAP).get('params');
  const params = oldParams instanceof Y.Map ? (oldParams.toJSON() as Record<string, unknown>) : null;
  old.destroy();

  const room = services.rooms.open(docId);
  try {
    room.ydoc.transact(() => {
      for (const lang of ['en', 'es'] as const) {
        const fragment = room.ydoc.getXmlFragment(lang);
        fragment.delete(0, fragment.length);
        prosemirrorJSONToYXmlFragment(billSchema, content[lang], fragment);
      }
      if (params) {
        const meta = room.ydoc.getMap(META_MAP);
        const current = meta.get('params');
        const map: Y.Map<unknown> = current instanceof Y.Map ? (current as Y.Map<unknown>) : new Y.Map<unknown>();
        if (!(current instanceof Y.Map)) meta.set('params', map);
        for (const [k, v] of Object.entries(params)) map.set(k, v);
      }
    }, 'restore');
  } finally {
    if (room.conns.size === 0) services.rooms.release(room);
  }
}
