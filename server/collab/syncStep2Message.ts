import * as encoding from 'lib0/encoding';
import { MessageType } from '@shared/collab/closeCodes';

const SYNC_STEP2 = 1;

/** Encodes a y-websocket sync step 2 message (the answer to a sync step 1). */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SYNC_STEP2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
