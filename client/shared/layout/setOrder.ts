import type * as Y from 'yjs';
import { blockInfo, orderOf, STRUCTURE_ORIGIN } from './roots';
import { normalizeOrder } from './structure';

/** Indices of `a` in a longest common subsequence of `a` and `b`. */
function commonIndices(a: readonly string[], b: readonly string[]): Set<number> {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const len = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      len[i * cols + j] = a[i] === b[j] ? (len[(i + 1) * cols + j + 1] ?? 0) + 1 : Math.max(len[(i + 1) * cols + j] ?? 0, len[i * cols + j + 1] ?? 0);
    }
  }
  const keep = new Set<number>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      keep.add(i);
      i++;
      j++;
    } else if ((len[(i + 1) * cols + j] ?? 0) >= (len[i * cols + j + 1] ?? 0)) i++;
    else j++;
  }
  return keep;
}

/**
 * Makes the reading order `ids` (repeats, and ids of unknown or deleted blocks, left out). Only what
 * differs changes: entries already in sequence stay, so a colleague's concurrent insert or move
 * next to them still lands where they meant it.
 */
export function setOrder(ydoc: Y.Doc, ids: readonly string[], origin: unknown = STRUCTURE_ORIGIN): void {
  const wanted = [...new Set(ids)].filter((id) => {
    const info = blockInfo(ydoc, id);
    return info !== null && !info.deleted;
  });
  ydoc.transact(() => {
    normalizeOrder(ydoc);
    const order = orderOf(ydoc);
    const current = order.toArray();
    const keep = commonIndices(current, wanted);
    for (let i = current.length - 1; i >= 0; i--) if (!keep.has(i)) order.delete(i, 1);
    // What is left is a subsequence of `wanted`: insert the rest where they go.
    const kept = current.filter((_, i) => keep.has(i));
    let k = 0;
    wanted.forEach((id, at) => {
      if (kept[k] === id) k++;
      else order.insert(at, [id]);
    });
  }, origin);
}
