import type * as Y from 'yjs';
import { syncUpdateMessage } from './DocRoom';
import { encodeInPieces } from './encodeInPieces';
import { syncStep2Message } from './syncStep2Message';

/** Updates after which a cached state is encoded afresh rather than followed by them all. */
const TAIL_UPDATES = 2000;
const TAIL_BYTES = 2 * 1024 * 1024;
/** A cached state nobody asked for in this long is dropped. */
const IDLE_MS = 30_000;

interface Entry {
  ready: Promise<void>;
  /** The state as messages: sync updates, the last (the delete set) a sync step 2. */
  messages: Uint8Array[];
  /** Updates since encoding began, as sync update messages. */
  tail: Uint8Array[];
  tailBytes: number;
  idle: NodeJS.Timeout | null;
  drop(): void;
}

const entries = new WeakMap<Y.Doc, Entry>();

function build(doc: Y.Doc): Entry {
  let built = false;
  const onUpdate = (update: Uint8Array) => {
    entry.tail.push(syncUpdateMessage(update));
    entry.tailBytes += update.byteLength;
    if (built && (entry.tail.length > TAIL_UPDATES || entry.tailBytes > TAIL_BYTES)) entry.drop();
  };
  const entry: Entry = {
    ready: Promise.resolve(),
    messages: [],
    tail: [],
    tailBytes: 0,
    idle: null,
    drop() {
      doc.off('update', onUpdate);
      doc.off('destroy', entry.drop);
      if (entry.idle) clearTimeout(entry.idle);
      if (entries.get(doc) === entry) entries.delete(doc);
    },
  };
  doc.on('update', onUpdate);
  doc.on('destroy', entry.drop);
  entry.ready = encodeInPieces(doc, new Map()).then(
    (updates) => {
      entry.messages = updates.map((u, i) => (i === updates.length - 1 ? syncStep2Message(u) : syncUpdateMessage(u)));
      built = true;
    },
    (err: unknown) => {
      entry.drop();
      throw err;
    },
  );
  return entry;
}

/**
 * The whole state of a large document as the messages that answer a sync step 1 with an empty
 * state vector (a first sync), encoded in pieces once and kept while people keep asking: later
 * answers are the same pieces followed by the updates made since, until those grow long.
 */
export async function fullStateMessages(doc: Y.Doc): Promise<Uint8Array[]> {
  let entry = entries.get(doc);
  if (!entry) {
    entry = build(doc);
    entries.set(doc, entry);
  }
  const current = entry;
  if (current.idle) clearTimeout(current.idle);
  current.idle = setTimeout(current.drop, IDLE_MS);
  current.idle.unref();
  await current.ready;
  const last = current.messages[current.messages.length - 1] as Uint8Array;
  return [...current.messages.slice(0, -1), ...current.tail, last];
}
