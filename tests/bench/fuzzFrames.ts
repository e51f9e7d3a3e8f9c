import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '../../client/shared/collab/closeCodes';
import { typeText } from '../helpers/billText';

// Hostile frames for the benchmarks and the soak (seeded, so a run can be replayed).

/** A y-websocket message: its type, a sub-type for sync messages, and a length-prefixed payload. */
export function envelope(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (sub !== null) encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Valid messages of every kind: edits of the real bill (honest and of the wrong shape), sync requests, awareness. */
export function fuzzSeeds(state: Uint8Array): Uint8Array[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, state);
  const out: Uint8Array[] = [];
  copy.on('update', (u: Uint8Array) => out.push(envelope(MessageType.Sync, 2, u)));
  typeText(copy, 'es', 'fuzz'); // not where the honest writer types
  copy.getMap('other').set('k', { deep: [1, 2, 3] });
  copy.getXmlFragment('en').insert(0, [new Y.XmlElement('script')]);
  out.push(envelope(MessageType.Sync, 0, Y.encodeStateVector(copy)));
  const aw = new awarenessProtocol.Awareness(copy);
  aw.setLocalState({ user: { name: 'x' }, cursor: { anchor: 1 } });
  out.push(envelope(MessageType.Awareness, null, awarenessProtocol.encodeAwarenessUpdate(aw, [copy.clientID])));
  out.push(Uint8Array.from([MessageType.QueryAwareness]));
  aw.destroy();
  copy.destroy();
  return out;
}

/** A random frame: truncated, bit-flipped, huge declared lengths, noise, random payloads, or a seed as it is. */
export function fuzzFrame(rand: () => number, seeds: Uint8Array[]): Uint8Array {
  const base = seeds[Math.floor(rand() * seeds.length)] as Uint8Array;
  const pick = rand();
  if (pick < 0.2) return base.slice(0, Math.floor(rand() * base.length));
  if (pick < 0.45) {
    const copy = base.slice();
    for (let i = 0, flips = 1 + Math.floor(rand() * 4); i < flips; i++) {
      const at = Math.floor(rand() * copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 << Math.floor(rand() * 8));
    }
    return copy;
  }
  if (pick < 0.6) return Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, ...base.slice(0, 16)]);
  if (pick < 0.75) return Uint8Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256));
  if (pick < 0.9) return envelope(0, Math.floor(rand() * 3), Uint8Array.from({ length: Math.floor(rand() * 48) }, () => Math.floor(rand() * 256)));
  return base;
}

/** Whether the server reads `frame` as an update (sync step 2 or update) and, if it keeps the socket open, counts it. */
export function sentAsUpdate(frame: Uint8Array): boolean {
  try {
    const dec = decoding.createDecoder(frame);
    if (decoding.readVarUint(dec) !== MessageType.Sync) return false;
    const sub = decoding.readVarUint(dec);
    return sub === 1 || sub === 2;
  } catch {
    return false;
  }
}

/** An empty update: the server acknowledges it (`?ack=1`) once everything sent before it is handled. */
export function probeFrame(): Uint8Array {
  return envelope(MessageType.Sync, 2, Y.encodeStateAsUpdate(new Y.Doc()));
}

/** A sync step 1 with an empty state vector: "send me the whole document". */
export function wholeDocumentRequest(): Uint8Array {
  return envelope(MessageType.Sync, 0, Y.encodeStateVector(new Y.Doc()));
}
