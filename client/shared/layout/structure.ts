import type * as Y from 'yjs';
import { isSectionKind } from '../schema/blockSchemas';
import { blockInfo, blockMap, orderOf, visibleOrder, STRUCTURE_ORIGIN, type DeletedInfo } from './roots';

/** Removes every occurrence of `id` from `order`, from the end so indices stay valid. */
function removeFromOrder(order: Y.Array<string>, id: string): void {
  const ids = order.toArray();
  for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === id) order.delete(i, 1);
}

/** Inserts `id` into `order` just after `afterId` (its first occurrence), at the start when null. */
function insertAfter(order: Y.Array<string>, id: string, afterId: string | null): void {
  const index = afterId === null ? -1 : order.toArray().indexOf(afterId);
  order.insert(afterId === null ? 0 : index >= 0 ? index + 1 : order.length, [id]);
}

/**
 * Cleans `order` up: ids of unknown blocks go, and an id that stands more than once (left by
 * concurrent moves) keeps one copy where its first stood. That copy is a fresh item, since a
 * concurrent writer (an undo of a move, say) may be removing the old first one at the same moment:
 * removing only the later copies could then leave none. Ids of deleted blocks may stay (they are
 * never shown): a concurrent undo of the deletion must find its id still there. Every structure
 * edit does this first: the next writer cleans up.
 */
export function normalizeOrder(ydoc: Y.Doc): void {
  const order = orderOf(ydoc);
  const ids = order.toArray();
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i] as string;
    if (!blockInfo(ydoc, id)) order.delete(i, 1);
    else if ((counts.get(id) ?? 0) > 1) {
      order.delete(i, 1);
      if (ids.indexOf(id) === i) order.insert(i, [id]);
    }
  }
}

/**
 * Moves a section one place up (-1) or down (+1) among the shown blocks, past a neighbouring
 * section only. Its content is untouched: only its id moves in `order`. Returns whether it moved.
 */
export function moveSection(ydoc: Y.Doc, id: string, direction: -1 | 1, origin: unknown = STRUCTURE_ORIGIN): boolean {
  const shown = visibleOrder(ydoc);
  const index = shown.indexOf(id);
  const neighbour = shown[index + direction];
  const info = blockInfo(ydoc, id);
  const other = neighbour ? blockInfo(ydoc, neighbour) : null;
  if (index < 0 || !info || !other || !isSectionKind(info.kind) || !isSectionKind(other.kind)) return false;
  ydoc.transact(() => {
    normalizeOrder(ydoc);
    const order = orderOf(ydoc);
    removeFromOrder(order, id);
    const after = direction === 1 ? neighbour! : (shown[index - 2] ?? null);
    if (after === null) {
      // Up past the first shown block: place it right before its neighbour.
      const at = order.toArray().indexOf(neighbour!);
      order.insert(Math.max(0, at), [id]);
    } else insertAfter(order, id, after);
  }, origin);
  return true;
}

/** Moves a block so that it follows `afterId` (null: first). Returns whether anything changed. */
export function moveBlockAfter(ydoc: Y.Doc, id: string, afterId: string | null, origin: unknown = STRUCTURE_ORIGIN): boolean {
  if (id === afterId || !blockInfo(ydoc, id)) return false;
  ydoc.transact(() => {
    normalizeOrder(ydoc);
    const order = orderOf(ydoc);
    removeFromOrder(order, id);
    insertAfter(order, id, afterId);
  }, origin);
  return true;
}

/**
 * Deletes a block: its id leaves `order`, its content stays in `blocks` with who deleted it, when,
 * and where it stood, so it can be restored with everything typed into it.
 */
export function deleteBlock(ydoc: Y.Doc, id: string, by: string, origin: unknown = STRUCTURE_ORIGIN, at = new Date().toISOString()): boolean {
  const block = blockMap(ydoc, id);
  const shown = visibleOrder(ydoc);
  const index = shown.indexOf(id);
  if (!block || index < 0) return false;
  const info: DeletedInfo = { by, at, after: shown[index - 1] ?? null };
  ydoc.transact(() => {
    block.set('deleted', info);
    removeFromOrder(orderOf(ydoc), id);
  }, origin);
  return true;
}

/** Puts a deleted block back where it stood (after the block it followed, if that is still shown). */
export function restoreBlock(ydoc: Y.Doc, id: string, origin: unknown = STRUCTURE_ORIGIN): boolean {
  const block = blockMap(ydoc, id);
  const info = blockInfo(ydoc, id);
  if (!block || !info?.deleted) return false;
  const shown = visibleOrder(ydoc);
  const after = info.deleted.after && shown.includes(info.deleted.after) ? info.deleted.after : null;
  ydoc.transact(() => {
    block.delete('deleted');
    normalizeOrder(ydoc);
    const order = orderOf(ydoc);
    removeFromOrder(order, id);
    if (after === null && info.deleted?.after) {
      // The block it followed is gone too: put it after the last section, else at the end.
      const lastSection = [...shown].reverse().find((b) => { const i = blockInfo(ydoc, b); return i && isSectionKind(i.kind); });
      insertAfter(order, id, lastSection ?? shown[shown.length - 1] ?? null);
    } else insertAfter(order, id, after);
  }, origin);
  return true;
}
