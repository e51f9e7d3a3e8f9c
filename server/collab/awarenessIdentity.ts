import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { DocRoom, RoomConnection } from './DocRoom';

/** The identity the server stamps on a connection's presence, whatever the client claims. */
export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
  role: string;
}

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Decodes an awareness update; throws on malformed input (bad JSON, truncation, trailing bytes). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 10_000) throw new Error('awareness update lists too many clients');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new Error('awareness state is not an object');
    entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
  return entries;
}

/** Encodes entries in the y-protocols awareness format. */
export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/** Replaces the `user` field of every non-null state with the server's identity. */
export function stampIdentity(entries: AwarenessEntry[], identity: PresenceIdentity): AwarenessEntry[] {
  return entries.map((e) => (e.state === null ? e : { ...e, state: { ...e.state, user: { ...identity } } }));
}

/** Most awareness ids one connection may speak for: a y-websocket client uses one, its Y.Doc's clientID. */
const MAX_IDS_PER_CONNECTION = 8;

/** Per document in memory: awareness client id → the user whose connection first spoke for it. */
const owners = new WeakMap<DocRoom, Map<number, string>>();

/**
 * The entries of an awareness update that `conn` may apply, recording its claims. An awareness
 * client id belongs to the user whose connection first spoke for it, for as long as the document
 * stays in memory: nobody else can take it over while its owner is briefly away, and the owner's
 * next connection takes it back (y-websocket reconnects with the same id). While one connection
 * holds an id, no other connection speaks for it, not even the same user's.
 */
export function claimedEntries(room: DocRoom, conn: RoomConnection, entries: AwarenessEntry[]): AwarenessEntry[] {
  let roomOwners = owners.get(room);
  if (!roomOwners) owners.set(room, (roomOwners = new Map()));
  const claimed: AwarenessEntry[] = [];
  for (const e of entries) {
    if (!conn.awarenessIds.has(e.clientId)) {
      const owner = roomOwners.get(e.clientId);
      if (owner !== undefined && owner !== conn.userId) continue;
      if (conn.awarenessIds.size >= MAX_IDS_PER_CONNECTION) continue;
      if ([...room.conns].some((other) => other !== conn && other.awarenessIds.has(e.clientId))) continue;
      roomOwners.set(e.clientId, conn.userId);
      conn.awarenessIds.add(e.clientId);
    }
    claimed.push(e);
  }
  return claimed;
}
