import type * as Y from 'yjs';
import { blocksOf, orderOf } from './roots';

/** What changed in one transaction: the order, and the blocks (by id) whose kind, state or content changed. */
export interface LayoutChange {
  order: boolean;
  /** The order, or which blocks exist, or a block's kind, form or deletion changed (not only content). */
  structure: boolean;
  blocks: Set<string>;
  transaction: Y.Transaction;
}

type SharedType = Y.Transaction['changed'] extends Map<infer K, unknown> ? K : never;

/** Calls `fn` after each transaction that changed the order or any block; returns the unsubscribe. */
export function observeLayout(ydoc: Y.Doc, fn: (change: LayoutChange) => void): () => void {
  const order = orderOf(ydoc) as unknown as SharedType;
  const blocks = blocksOf(ydoc) as unknown as SharedType;
  const onAfter = (transaction: Y.Transaction) => {
    const changedBlocks = new Set<string>();
    const orderChanged = transaction.changed.has(order);
    let structure = orderChanged;
    for (const [type, keys] of transaction.changed) {
      if (type._item?.parent === blocks) structure = true;
      if (type === blocks) {
        structure = true;
        for (const key of keys) if (key) changedBlocks.add(key);
        continue;
      }
      // Walk up from a changed type to the block map it belongs to.
      let t: SharedType | null = type;
      while (t?._item && t._item.parent !== blocks) t = t._item.parent as SharedType | null;
      if (t?._item?.parentSub && t._item.parent === blocks) changedBlocks.add(t._item.parentSub);
    }
    if (orderChanged || changedBlocks.size) fn({ order: orderChanged, structure, blocks: changedBlocks, transaction });
  };
  ydoc.on('afterTransaction', onAfter);
  return () => ydoc.off('afterTransaction', onAfter);
}
