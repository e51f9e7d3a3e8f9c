import { CloseCode } from '@shared/collab/closeCodes';

/** A message the server refuses: the connection is closed with `closeCode` (4400 unless said otherwise), everyone else carries on. */
export class ProtocolError extends Error {
  constructor(message: string, readonly closeCode: number = CloseCode.ProtocolError) {
    super(message);
  }
}
