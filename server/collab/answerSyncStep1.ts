import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { CloseCode } from '@shared/collab/closeCodes';
import { send, syncUpdateMessage, type DocRoom, type RoomConnection } from './DocRoom';
import { encodeInPieces, structCount } from './encodeInPieces';
import { fullStateMessages } from './FullStateCache';
import { ProtocolError } from './ProtocolError';
import { syncStep2Message } from './syncStep2Message';

/** Documents up to this many structs are encoded at once (a few milliseconds). */
const SMALL_DOC_STRUCTS = 10_000;
/** Answers a connection may get for a larger document per minute; honest clients ask once per connection. */
const LARGE_ANSWERS_PER_MINUTE = 5;
/** Client ids a state vector may name beyond the document's own (the asker's, and a few it has that the server lacks). */
const EXTRA_CLIENTS = 256;

const asked = new WeakMap<RoomConnection, number[]>();

function readStateVector(bytes: Uint8Array, doc: Y.Doc): Map<number, number> {
  const count = decoding.readVarUint(decoding.createDecoder(bytes));
  if (count > doc.store.clients.size + EXTRA_CLIENTS) throw new ProtocolError(`a state vector of ${count} clients`);
  return Y.decodeStateVector(bytes); // throws on garbage before we encode against it
}

function countLargeAnswer(conn: RoomConnection): void {
  const now = Date.now();
  const recent = (asked.get(conn) ?? []).filter((at) => now - at < 60_000);
  if (recent.length >= LARGE_ANSWERS_PER_MINUTE) throw new ProtocolError('too many full-state requests', CloseCode.RateLimited);
  recent.push(now);
  asked.set(conn, recent);
}

/**
 * Answers a sync step 1: what the room's document has beyond the asker's state vector. A small
 * document is encoded at once (null is returned). A large one is sent as several updates and a
 * last sync step 2, encoded in pieces over several turns of the event loop; a first sync (an empty
 * state vector) is answered from a cached encoding. A connection asking for large answers more
 * than a few times a minute is closed (4429).
 */
export function answerSyncStep1(room: DocRoom, conn: RoomConnection, stateVector: Uint8Array): Promise<void> | null {
  const doc = room.ydoc;
  const from = readStateVector(stateVector, doc);
  if (structCount(doc) <= SMALL_DOC_STRUCTS) {
    send(conn.ws, syncStep2Message(Y.encodeStateAsUpdate(doc, stateVector)));
    return null;
  }
  countLargeAnswer(conn);
  const fresh = [...from].every(([client, clock]) => clock === 0 || !doc.store.clients.has(client));
  const answer = fresh
    ? fullStateMessages(doc)
    : encodeInPieces(doc, from).then((updates) => updates.map((u, i) => (i === updates.length - 1 ? syncStep2Message(u) : syncUpdateMessage(u))));
  return answer.then((messages) => {
    for (const m of messages) send(conn.ws, m);
  });
}
