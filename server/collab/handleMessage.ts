import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType } from '@shared/collab/closeCodes';
import { claimedEntries, decodeAwarenessUpdate, encodeAwarenessUpdate, stampIdentity, type AwarenessEntry } from './awarenessIdentity';
import { send, type DocRoom, type RoomConnection } from './DocRoom';
import { ProtocolError } from './ProtocolError';
import { receiveUpdate } from './receiveUpdate';
import { answerSyncStep1 } from './answerSyncStep1';

export { ProtocolError } from './ProtocolError';

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** Messages a connection may send while one of its large updates or answers is in progress. */
const MAX_WAITING = 1000;

/** Messages that arrived on a connection while one of its large updates or answers was in progress, in order. */
const waiting = new WeakMap<RoomConnection, Uint8Array[]>();

function asProtocolError(err: unknown): ProtocolError {
  return err instanceof ProtocolError ? err : new ProtocolError(err instanceof Error ? err.message : String(err));
}

/**
 * Handles one y-websocket message from `conn`. Throws ProtocolError for anything malformed or
 * refused; the caller closes that connection and everyone else carries on. A large update or a
 * large answer takes several turns of the event loop: the connection's next messages wait their
 * turn, and a refusal found meanwhile is passed to `refuse` (which closes the connection).
 */
export function handleMessage(room: DocRoom, conn: RoomConnection, data: Uint8Array, refuse: (err: ProtocolError) => void = (err) => conn.ws.close(err.closeCode, 'protocol error')): void {
  const queue = waiting.get(conn);
  if (queue) {
    if (queue.length >= MAX_WAITING) throw new ProtocolError('too many messages while a large update is applied', CloseCode.RateLimited);
    queue.push(data);
    return;
  }
  const job = handleOne(room, conn, data);
  if (job) follow(room, conn, job, refuse);
}

/** Waits for `job`, then handles what arrived meanwhile, one message after another. */
function follow(room: DocRoom, conn: RoomConnection, job: Promise<void>, refuse: (err: ProtocolError) => void): void {
  const queue = waiting.get(conn) ?? [];
  waiting.set(conn, queue);
  job.then(
    () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        let more: Promise<void> | null;
        try {
          more = handleOne(room, conn, next);
        } catch (err) {
          waiting.delete(conn);
          return refuse(asProtocolError(err));
        }
        if (more) return follow(room, conn, more, refuse);
      }
      waiting.delete(conn);
    },
    (err: unknown) => {
      waiting.delete(conn);
      refuse(asProtocolError(err));
    },
  );
}

function handleOne(room: DocRoom, conn: RoomConnection, data: Uint8Array): Promise<void> | null {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        return handleSync(room, conn, decoder);
      case MessageType.Awareness:
        handleAwareness(room, conn, decoding.readVarUint8Array(decoder));
        return null;
      case MessageType.QueryAwareness:
        sendAwareness(room, conn);
        return null;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (err) {
    throw asProtocolError(err);
  }
}

function handleSync(room: DocRoom, conn: RoomConnection, decoder: decoding.Decoder): Promise<void> | null {
  const syncType = decoding.readVarUint(decoder);
  if (syncType === SYNC_STEP1) return answerSyncStep1(room, conn, decoding.readVarUint8Array(decoder));
  if (syncType !== SYNC_STEP2 && syncType !== SYNC_UPDATE) throw new ProtocolError(`unknown sync message ${syncType}`);
  const update = decoding.readVarUint8Array(decoder);
  conn.received++;
  if (!conn.canWrite) {
    // A reader's update is not applied: it changes nothing and reaches nobody (it may be held for review).
    conn.onRefused?.(update);
    if (conn.wantsAck) sendAck(conn);
    return null;
  }
  // Malformed or hostile updates never reach the shared document; a large one is applied in pieces.
  const applying = receiveUpdate(room, conn, update);
  const done = () => {
    conn.applied++;
    if (conn.wantsAck) sendAck(conn);
  };
  if (!applying) {
    done();
    return null;
  }
  return applying.then(done);
}

function sendAck(conn: RoomConnection): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Ack);
  encoding.writeVarUint(encoder, conn.received);
  send(conn.ws, encoding.toUint8Array(encoder));
}

function handleAwareness(room: DocRoom, conn: RoomConnection, update: Uint8Array): void {
  const owned = claimedEntries(room, conn, decodeAwarenessUpdate(update));
  if (owned.length === 0) return;
  const unseen = unseenRemovals(room, owned);
  awarenessProtocol.applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(stampIdentity(owned, conn.identity)), conn);
  if (unseen.length > 0) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(unseen));
    send(conn.ws, encoding.toUint8Array(encoder));
  }
}

/**
 * The room's removals of states that these entries would set again at a clock Yjs ignores: a client
 * back after a disconnect resends its state with the clock it left with, which the removal has
 * passed. Told of the removal, the client announces itself again with a newer clock (y-protocols).
 */
function unseenRemovals(room: DocRoom, entries: AwarenessEntry[]): AwarenessEntry[] {
  return entries.flatMap((e) => {
    const clock = room.awareness.meta.get(e.clientId)?.clock;
    if (e.state === null || clock === undefined || clock < e.clock || room.awareness.states.has(e.clientId)) return [];
    return [{ clientId: e.clientId, clock, state: null }];
  });
}

/** Sends the sync step 1 and current awareness a new connection needs. */
export function greet(room: DocRoom, conn: RoomConnection): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SYNC_STEP1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(room.ydoc));
  send(conn.ws, encoding.toUint8Array(encoder));
  sendAwareness(room, conn);
}

function sendAwareness(room: DocRoom, conn: RoomConnection): void {
  const states = room.awareness.getStates();
  if (states.size === 0) return;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()]));
  send(conn.ws, encoding.toUint8Array(encoder));
}
