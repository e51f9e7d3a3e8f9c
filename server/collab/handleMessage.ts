import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@shared/collab/closeCodes';
import { claimedEntries, decodeAwarenessUpdate, encodeAwarenessUpdate, stampIdentity, type AwarenessEntry } from './awarenessIdentity';
import { send, type DocRoom, type RoomConnection } from './DocRoom';
import { checkUpdate } from './checkUpdate';

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** A message the server refuses; the connection is closed with a protocol error. */
export class ProtocolError extends Error {}

/**
 * Handles one y-websocket message from `conn`. Throws ProtocolError for anything malformed; the
 * caller closes that connection and everyone else carries on.
 */
export function handleMessage(room: DocRoom, conn: RoomConnection, data: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        handleSync(room, conn, decoder);
        return;
      case MessageType.Awareness:
        handleAwareness(room, conn, decoding.readVarUint8Array(decoder));
        return;
      case MessageType.QueryAwareness:
        sendAwareness(room, conn);
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(err instanceof Error ? err.message : String(err));
  }
}

function handleSync(room: DocRoom, conn: RoomConnection, decoder: decoding.Decoder): void {
  const syncType = decoding.readVarUint(decoder);
  if (syncType === SYNC_STEP1) {
    const stateVector = decoding.readVarUint8Array(decoder);
    Y.decodeStateVector(stateVector); // throws on garbage before we encode against it
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, SYNC_STEP2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(room.ydoc, stateVector));
    send(conn.ws, encoding.toUint8Array(encoder));
    return;
  }
  if (syncType !== SYNC_STEP2 && syncType !== SYNC_UPDATE) throw new ProtocolError(`unknown sync message ${syncType}`);
  const update = decoding.readVarUint8Array(decoder);
  conn.received++;
  if (conn.canWrite) {
    checkUpdate(update, room.ydoc); // malformed or hostile updates never reach the shared document
    Y.applyUpdate(room.ydoc, update, conn);
    conn.applied++;
  }
  // A reader's update is not applied: it changes nothing and reaches nobody (it may be held for review).
  else conn.onRefused?.(update);
  if (conn.wantsAck) sendAck(conn);
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
