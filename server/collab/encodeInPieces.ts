import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { inTurns } from './inTurns';
import { deleteSetUpdate } from './writeV1';

/** Structs written per piece: a few milliseconds of work. */
const PIECE_STRUCTS = 5000;

/** How many structs a document holds (what encoding it costs). */
export function structCount(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
}

function statesOf(doc: Y.Doc): [number, number][] {
  return [...doc.store.clients].map(([client, structs]) => {
    const last = structs[structs.length - 1];
    return [client, last ? last.id.clock + last.length : 0];
  });
}

/**
 * What `doc` has beyond state vector `from`, as updates of a few thousand structs each and a last
 * one with the delete set, written over as many turns of the event loop as it takes: the answer to
 * a sync step 1 for a large document without holding the loop (Y.encodeStateAsUpdate of a 200-page
 * bill after 200,000 edits takes 170–300 ms at once). Each client's structs are written up to its
 * clock when encoding began; updates made meanwhile reach the receiver as they are relayed, and
 * applying everything in any order gives the same document.
 */
export function encodeInPieces(doc: Y.Doc, from: Map<number, number>): Promise<Uint8Array[]> {
  const targets = statesOf(doc).filter(([client, end]) => (from.get(client) ?? 0) < end);
  const pieces: Uint8Array[] = [];
  let next = 0;
  let clock = -1;
  return inTurns(() => {
    if (doc.isDestroyed) throw new Error('the document was closed');
    const target = targets[next];
    if (!target) {
      const ranges = new Map<number, number[]>();
      for (const [client, items] of Y.createDeleteSetFromStructStore(doc.store).clients) ranges.set(client, items.flatMap((d) => [d.clock, d.len]));
      pieces.push(deleteSetUpdate(ranges));
      return true;
    }
    const [client, end] = target;
    if (clock < 0) clock = from.get(client) ?? 0;
    // Indexes shift as Yjs splits and merges structs between turns: find the place by clock each time.
    const structs = doc.store.clients.get(client) ?? [];
    const first = Y.findIndexSS(structs, clock);
    let last = first;
    while (last + 1 < structs.length && last + 1 - first < PIECE_STRUCTS && (structs[last + 1] as Y.Item | Y.GC).id.clock < end) last++;
    const enc = new Y.UpdateEncoderV1();
    encoding.writeVarUint(enc.restEncoder, 1);
    encoding.writeVarUint(enc.restEncoder, last - first + 1);
    enc.writeClient(client);
    encoding.writeVarUint(enc.restEncoder, clock);
    for (let i = first; i <= last; i++) {
      const struct = structs[i] as Y.Item | Y.GC;
      struct.write(enc, i === first ? clock - struct.id.clock : 0);
    }
    encoding.writeVarUint(enc.restEncoder, 0); // deletes come last, in a piece of their own
    pieces.push(enc.toUint8Array());
    const tail = structs[last] as Y.Item | Y.GC;
    clock = tail.id.clock + tail.length;
    if (clock >= end) {
      next++;
      clock = -1;
    }
    return false;
  }).then(() => pieces);
}
