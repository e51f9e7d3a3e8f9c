import * as encoding from 'lib0/encoding';
import { MessageType } from '@shared/collab/closeCodes';
import type { ReadOnlyReason } from '../auth/permissions';
import { send, type RoomConnection } from './DocRoom';

function sendJson(conn: RoomConnection, type: number, body: unknown): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, JSON.stringify(body));
  send(conn.ws, encoding.toUint8Array(encoder));
}

/** Tells a connection what it may do now (`reason` null: it may edit). */
export function sendAccess(conn: RoomConnection, reason: ReadOnlyReason | null): void {
  sendJson(conn, MessageType.Access, { canWrite: reason === null, reason });
}

/** Tells a connection that updates it sent were held for review instead of applied. */
export function sendHeld(conn: RoomConnection, heldId: string): void {
  sendJson(conn, MessageType.Held, { held: heldId });
}
