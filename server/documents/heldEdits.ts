import * as Y from 'yjs';
import type { Services } from '../services';
import type { DocRoom, RoomConnection } from '../collab/DocRoom';
import type { HeldEdit } from '../storage/HeldEditStore';
import { checkUpdate } from '../collab/checkUpdate';
import { sendHeld } from '../collab/accessMessage';
import { writesUnlessFinal } from '../auth/permissions';
import { notFound } from '../errors';
import { LANGS, type Lang } from '@shared/bill/Lang';
import { blockInfo, insertBlock, moveBlockAfter, readBlock, replaceBlockContent, visibleBlocks, visibleOrder, STRUCTURE_ORIGIN } from '@shared/layout';
import { allAsDeletion, asSuggestions } from '@shared/bill/asSuggestions';
import { blockTextOf } from './blockTextOf';

/** Largest update kept for review; beyond it the refusal stands without a copy. */
const MAX_HELD_BYTES = 2 * 1024 * 1024;

/** Whether an update holds anything the document does not have yet (new items, or deletions of live ones). */
function bringsSomethingNew(ydoc: Y.Doc, update: Uint8Array): boolean {
  const fresh = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(ydoc)));
  if (fresh.structs.some((s) => !(s instanceof Y.Skip))) return true;
  const known = Y.createDeleteSetFromStructStore(ydoc.store);
  for (const [client, ranges] of Y.decodeUpdate(update).ds.clients) {
    for (const r of ranges) {
      for (let clock = r.clock; clock < r.clock + r.len; clock++) {
        if (clock < Y.getState(ydoc.store, client) && !Y.isDeleted(known, Y.createID(client, clock))) return true;
      }
    }
  }
  return false;
}

/**
 * A read-only connection sent an update. If its author would be editing but for the document's
 * final status (edits made offline, or in the moment before the status reached them), the update
 * is kept for an admin to review as suggestions and the author is told; nothing is merged silently.
 */
export function holdRefusedUpdate(services: Services, room: DocRoom, conn: RoomConnection, update: Uint8Array): void {
  const user = services.users.byId(conn.userId);
  const doc = services.documents.get(room.docId);
  if (!user || !doc || !writesUnlessFinal(user, doc) || update.byteLength > MAX_HELD_BYTES) return;
  try {
    checkUpdate(update, room.ydoc);
    if (!bringsSomethingNew(room.ydoc, update)) return;
  } catch {
    return; // a malformed update is not worth keeping
  }
  const held = services.held.hold(doc.id, user.id, update, (a, b) => Y.mergeUpdates([a, b]));
  services.audit.record('document.held', user.id, doc.id, { held: held.id, bytes: held.update.byteLength });
  sendHeld(conn, held.id);
}

/** The live document with a held update applied, in a scratch copy. */
function proposed(services: Services, docId: string, held: HeldEdit, live: Y.Doc): Y.Doc {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
  Y.applyUpdate(scratch, held.update);
  return scratch;
}

/** What a held edit would change, block by block. */
export interface HeldSummary {
  id: string;
  author: { id: string; name: string };
  createdAt: string;
  blocks: { id: string; kind: string; langs: Lang[]; change: 'changed' | 'added' | 'removed' }[];
}

function summarize(services: Services, docId: string, held: HeldEdit): HeldSummary {
  const room = services.rooms.open(docId);
  try {
    const next = proposed(services, docId, held, room.ydoc);
    const now = new Set(visibleOrder(room.ydoc));
    const then = new Set(visibleOrder(next));
    const blocks: HeldSummary['blocks'] = [];
    for (const b of visibleBlocks(next)) {
      if (!now.has(b.id)) blocks.push({ id: b.id, kind: b.kind, langs: [...LANGS], change: 'added' });
      else {
        const cur = blockInfo(room.ydoc, b.id);
        const langs = LANGS.filter((l) => cur && blockTextOf(readBlock(room.ydoc, cur, l)) !== blockTextOf(readBlock(next, b, l)));
        if (langs.length) blocks.push({ id: b.id, kind: b.kind, langs, change: 'changed' });
      }
    }
    for (const b of visibleBlocks(room.ydoc)) if (!then.has(b.id)) blocks.push({ id: b.id, kind: b.kind, langs: [...LANGS], change: 'removed' });
    next.destroy();
    const author = services.users.byId(held.userId);
    return { id: held.id, author: { id: held.userId, name: author?.name ?? '' }, createdAt: held.createdAt, blocks };
  } finally {
    if (room.conns.size === 0) services.rooms.release(room);
  }
}

/** The pending held edits of a document, as `viewer` may see them: an admin sees all, others their own. */
export function listHeld(services: Services, docId: string, viewer: { id: string; role: string }): HeldSummary[] {
  return services.held.pending(docId).filter((h) => viewer.role === 'admin' || h.userId === viewer.id).map((h) => summarize(services, docId, h));
}

/**
 * Turns a held edit into suggestions by its author in the live document: changed words become
 * suggested insertions and deletions, a section added offline is inserted with all its text
 * suggested, a section deleted offline has its text suggested for deletion. Moves are not replayed.
 */
export function suggestHeld(services: Services, docId: string, heldId: string, adminId: string): void {
  const held = services.held.get(docId, heldId);
  if (!held || held.state !== 'held') throw notFound('held_not_found', 'heldNotFound', { id: heldId });
  const author = services.users.byId(held.userId);
  const attrs = { author: held.userId, authorName: author?.name ?? '', at: held.createdAt };
  const room = services.rooms.open(docId);
  try {
    const live = room.ydoc;
    const next = proposed(services, docId, held, live);
    const shownNow = new Set(visibleOrder(live));
    const shownThen = visibleOrder(next);
    const origin = { held: held.id, userId: held.userId };
    live.transact(() => {
      shownThen.forEach((id, index) => {
        const b = blockInfo(next, id);
        if (!b) return;
        const cur = blockInfo(live, id);
        if (cur && shownNow.has(id)) {
          for (const lang of LANGS) {
            const before = readBlock(live, cur, lang);
            const after = readBlock(next, b, lang);
            if (blockTextOf(before) !== blockTextOf(after)) replaceBlockContent(live, id, lang, asSuggestions(before, after, attrs), origin);
          }
          return;
        }
        const content = { en: asSuggestions(null, readBlock(next, b, 'en'), attrs), es: asSuggestions(null, readBlock(next, b, 'es'), attrs) };
        const after = shownThen.slice(0, index).reverse().find((p) => shownNow.has(p)) ?? null;
        if (cur) {
          for (const lang of LANGS) replaceBlockContent(live, id, lang, content[lang], origin);
          moveBlockAfter(live, id, after, origin);
          live.getMap('blocks');
        } else insertBlock(live, { id, kind: b.kind, form: b.form, afterId: after, content }, origin, author?.name ?? '');
      });
      const then = new Set(shownThen);
      for (const id of shownNow) {
        const cur = blockInfo(live, id);
        if (!cur || then.has(id)) continue;
        for (const lang of LANGS) replaceBlockContent(live, id, lang, allAsDeletion(readBlock(live, cur, lang), attrs), origin);
      }
    }, origin);
    next.destroy();
    services.held.settle(docId, heldId, 'suggested', adminId);
    services.audit.record('document.heldSuggested', adminId, docId, { held: heldId, author: held.userId });
  } finally {
    if (room.conns.size === 0) services.rooms.release(room);
  }
}

/** Discards a held edit (its author or an admin). */
export function discardHeld(services: Services, docId: string, heldId: string, user: { id: string; role: string }): void {
  const held = services.held.get(docId, heldId);
  if (!held || held.state !== 'held' || (user.role !== 'admin' && held.userId !== user.id)) throw notFound('held_not_found', 'heldNotFound', { id: heldId });
  services.held.settle(docId, heldId, 'discarded', user.id);
  services.audit.record('document.heldDiscarded', user.id, docId, { held: heldId });
}

export { STRUCTURE_ORIGIN };
