import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { prng } from './prng';

/**
 * Hostile Yjs updates, each of one kind that once stalled the server or poisoned a document (issue
 * 13). The valid ones are built with the Yjs API, level by level so that building them never
 * recurses; the rest are crafted byte by byte in the v1 update format.
 */

/** A y-websocket sync message (0 = step 1, 1 = step 2, 2 = update) around `payload`. */
export function syncMessage(sub: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** What a fresh client writes: a new block `id` of kind section whose English holds `build`'s content. */
function newSectionBlock(id: string, build: (fragment: Y.XmlFragment) => void): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const block = new Y.Map<unknown>();
    doc.getMap('blocks').set(id, block);
    block.set('kind', 'section');
    block.set('form', 'any');
    const fragment = new Y.XmlFragment();
    block.set('en', fragment);
    build(fragment);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** A new block whose English holds `section` elements nested `depth` deep (the bill schema allows none there). */
export function deepSections(depth: number, id = 'deep-sections'): Uint8Array {
  return newSectionBlock(id, (fragment) => {
    let parent: Y.XmlFragment = fragment;
    for (let i = 0; i < depth; i++) {
      const el = new Y.XmlElement('section');
      parent.insert(0, [el]);
      parent = el;
    }
  });
}

/** Maps nested `depth` deep under one key of `meta`. */
export function deepMeta(depth: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    let parent = doc.getMap<unknown>('meta');
    for (let i = 0; i < depth; i++) {
      const map = new Y.Map<unknown>();
      parent.set('deeper', map);
      parent = map;
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** A new section block whose heading holds one text of `length` characters (a valid update). */
export function hugeTextInsert(length: number, id = 'huge-text'): Uint8Array {
  return newSectionBlock(id, (fragment) => {
    const heading = new Y.XmlElement('sectionHeading');
    const provision = new Y.XmlElement('provision');
    fragment.insert(0, [heading, provision]);
    const text = new Y.XmlText();
    heading.insert(0, [text]);
    text.insert(0, 'x'.repeat(length));
  });
}

/** Writes structs per client, then an empty delete set, in the v1 update format. */
function craft(clients: { client: number; clock: number; items: Y.Item[] }[]): Uint8Array {
  const enc = new Y.UpdateEncoderV1();
  encoding.writeVarUint(enc.restEncoder, clients.length);
  for (const c of clients) {
    encoding.writeVarUint(enc.restEncoder, c.items.length);
    enc.writeClient(c.client);
    encoding.writeVarUint(enc.restEncoder, c.clock);
    for (const item of c.items) item.write(enc, 0);
  }
  encoding.writeVarUint(enc.restEncoder, 0);
  return enc.toUint8Array();
}

/** An entry of `meta` set by client `client` at `clock`. */
function metaEntry(client: number, clock: number, key: string): Y.Item {
  const root = 'meta' as unknown as Y.AbstractType<unknown>; // a root named by its key, as decoded updates carry it
  return new Y.Item(Y.createID(client, clock), null, null, null, null, root, key, new Y.ContentAny([clock]));
}

/** A valid update from `count` client ids, each setting one entry of `meta`. */
export function manyClients(count: number): Uint8Array {
  return craft(Array.from({ length: count }, (_, i) => ({ client: 1_000_000 + i, clock: 0, items: [metaEntry(1_000_000 + i, 0, `k${i}`)] })));
}

/** A valid update of `count` structs from one client, each setting its own entry of `meta`. */
export function manyStructs(count: number): Uint8Array {
  const client = 77_777;
  return craft([{ client, clock: 0, items: Array.from({ length: count }, (_, i) => metaEntry(client, i, `k${i}`)) }]);
}

/**
 * `count` one-character items in one list, each after the previous one (its parent inherited from
 * its left neighbour, as Yjs writes a typed run it could not merge), under a new entry of `meta`.
 */
export function longOriginChain(count: number): Uint8Array {
  const client = 88_888;
  const root = 'meta' as unknown as Y.AbstractType<unknown>;
  const items = [new Y.Item(Y.createID(client, 0), null, null, null, null, root, 'chain', new Y.ContentType(new Y.Text()))];
  for (let i = 1; i <= count; i++) {
    const parent = i === 1 ? Y.createID(client, 0) : null;
    const origin = i === 1 ? null : Y.createID(client, i - 1);
    items.push(new Y.Item(Y.createID(client, i), null, origin, null, null, parent as unknown as Y.AbstractType<unknown>, null, new Y.ContentString(i % 2 ? 'a' : 'b')));
  }
  return craft([{ client, clock: 0, items }]);
}

/** Two text items of one client, the first placed after the second (Yjs throws half-way through applying it). */
export function forwardReference(): Uint8Array {
  const client = 99_999;
  const root = 'meta' as unknown as Y.AbstractType<unknown>;
  const text = new Y.Item(Y.createID(client, 0), null, null, null, null, root, 'note', new Y.ContentType(new Y.Text()));
  const later = new Y.Item(Y.createID(client, 1), null, Y.createID(client, 2), null, null, null, null, new Y.ContentString('a'));
  const first = new Y.Item(Y.createID(client, 2), null, null, null, null, Y.createID(client, 0) as unknown as Y.AbstractType<unknown>, null, new Y.ContentString('b'));
  return craft([{ client, clock: 0, items: [text, later, first] }]);
}

/** `count` copies of `update`, each with 1–4 bits flipped at random places (seeded). */
export function bitFlipped(update: Uint8Array, count: number, seed = 13): Uint8Array[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => {
    const copy = update.slice();
    const flips = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(rand() * copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 << Math.floor(rand() * 8));
    }
    return copy;
  });
}

/** `count` prefixes of `update`, cut at seeded places. */
export function truncated(update: Uint8Array, count: number, seed = 31): Uint8Array[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => update.slice(0, 1 + Math.floor(rand() * (update.length - 1))));
}

/** Updates whose counts or lengths are varints far larger than anything that follows them. */
export function hugeVarints(): Uint8Array[] {
  const big = [0xff, 0xff, 0xff, 0xff, 0x0f]; // 2^32 - 1
  const huger = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]; // 2^49 - 1
  return [
    Uint8Array.from([...big, 0]), // clients
    Uint8Array.from([1, ...big, 1, 0]), // structs of one client
    Uint8Array.from([1, 1, 1, ...huger, 0, 0]), // a clock
    Uint8Array.from([1, 1, 1, 0, 4 | 0x20, 1, 4, 0x6d, 0x65, 0x74, 0x61, 1, 0x6b, ...big]), // a string's length
    Uint8Array.from([0, 1, 1, ...big, 0, 1]), // delete ranges of one client
    Uint8Array.from([0, 1, 1, 1, 0, ...huger]), // a delete's length
  ];
}
