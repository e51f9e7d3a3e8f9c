import * as Y from 'yjs';

const sameId = (a: Y.ID | null, b: Y.ID | null) => (a === null || b === null ? a === b : a.client === b.client && a.clock === b.clock);

function sameValue(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** Whether one content slice of the update (`from`, `to` in clock ticks) says what the document's slice says. */
function sameContent(mine: Y.Item['content'], myOffset: number, theirs: Y.Item['content'], theirOffset: number, length: number): boolean {
  if (mine instanceof Y.ContentDeleted || theirs instanceof Y.ContentDeleted) return true; // collected on one side: nothing to compare
  if (mine.constructor !== theirs.constructor) return false;
  if (mine instanceof Y.ContentString && theirs instanceof Y.ContentString) {
    return mine.str.slice(myOffset, myOffset + length) === theirs.str.slice(theirOffset, theirOffset + length);
  }
  if (mine instanceof Y.ContentAny && theirs instanceof Y.ContentAny) {
    return sameValue(mine.arr.slice(myOffset, myOffset + length), theirs.arr.slice(theirOffset, theirOffset + length));
  }
  if (mine instanceof Y.ContentType && theirs instanceof Y.ContentType) {
    const a = mine.type;
    const b = theirs.type;
    return a.constructor === b.constructor && (!(a instanceof Y.XmlElement) || a.nodeName === (b as Y.XmlElement).nodeName);
  }
  if (mine instanceof Y.ContentFormat && theirs instanceof Y.ContentFormat) return mine.key === theirs.key && sameValue(mine.value, theirs.value);
  return true;
}

/**
 * Whether the part of `item` (decoded from an update) that the document already has is what the
 * document has there: the same kind of content, the same characters or values, the same
 * neighbours. Yjs skips that part without looking, so an honest update (which sometimes repeats
 * what was sent just before) always matches; a corrupted copy of a real update rarely does.
 */
export function sameAsDocument(item: Y.Item, doc: Y.Doc): boolean {
  const state = Y.getState(doc.store, item.id.client);
  const structs = doc.store.clients.get(item.id.client);
  if (!structs || item.id.clock >= state) return true;
  const end = Math.min(item.id.clock + item.length, state);
  let i = Y.findIndexSS(structs, item.id.clock);
  const first = structs[i];
  if (first instanceof Y.Item) {
    const origin = first.id.clock === item.id.clock ? first.origin : Y.createID(item.id.client, item.id.clock - 1);
    if (!sameId(item.origin, origin) || !sameId(item.rightOrigin, first.rightOrigin)) return false;
    if (item.origin === null && item.rightOrigin === null && (item.parentSub ?? null) !== (first.parentSub ?? null)) return false;
  }
  for (let clock = item.id.clock; clock < end; i++) {
    const struct = structs[i];
    if (!struct) return false;
    const from = clock - struct.id.clock;
    const length = Math.min(struct.length - from, end - clock);
    if (struct instanceof Y.Item && !sameContent(item.content, clock - item.id.clock, struct.content, from, length)) return false;
    clock += length;
  }
  return true;
}
