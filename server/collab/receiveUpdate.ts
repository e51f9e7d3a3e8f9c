import * as Y from 'yjs';
import type { DocRoom, RoomConnection } from './DocRoom';
import { nextStep, scanInSteps, scanUpdate, type ScannedUpdate } from './scanUpdate';
import { UpdateChecker } from './checkUpdate';
import { inTurns } from './inTurns';

/**
 * A piece of a large update: few enough structs or delete ranges (and bytes) that decoding,
 * checking or applying it takes a few milliseconds. Smaller updates (a keystroke, a paste of a few
 * pages) are scanned, checked and applied at once.
 */
const PIECE_SIZE = 1000;
const PIECE_BYTES = 128 * 1024;

/**
 * Scans, checks and applies one writer's update. A small one is done at once (null is returned).
 * A large one (a paste of a long bill, a first sync after long offline work) is scanned and checked
 * whole, then applied piece by piece, each piece persisted and relayed as an update of its own,
 * over as many turns of the event loop as it takes, so that no step holds the loop long; the
 * returned promise settles when it is applied, or is rejected with UpdateRejected before anything
 * was applied. A malformed or hostile update is refused while scanning, before anything costly.
 */
export function receiveUpdate(room: DocRoom, conn: RoomConnection, update: Uint8Array): Promise<void> | null {
  const doc = room.ydoc;
  const stateOf = (client: number) => Y.getState(doc.store, client);
  if (update.byteLength <= PIECE_BYTES) {
    const { pieces } = scanUpdate(update, stateOf, PIECE_SIZE, PIECE_BYTES);
    if (pieces.length === 1) {
      const checker = new UpdateChecker(doc);
      checker.add(update);
      checker.checkSome();
      Y.applyUpdate(doc, update, conn);
      return null;
    }
    return inPieces(room, conn, () => ({ done: true, value: { pieces } as ScannedUpdate }));
  }
  const steps = scanInSteps(update, stateOf, PIECE_SIZE, PIECE_BYTES);
  return inPieces(room, conn, () => nextStep(steps));
}

function inPieces(room: DocRoom, conn: RoomConnection, scan: () => IteratorResult<void, ScannedUpdate>): Promise<void> {
  const doc = room.ydoc;
  const gone = () => doc.isDestroyed || conn.ws.readyState !== conn.ws.OPEN;
  const checker = new UpdateChecker(doc);
  let pieces: Uint8Array[] | null = null;
  let added = 0;
  let checked = false;
  let applied = 0;
  return inTurns(() => {
    if (gone()) return true; // nobody to acknowledge; the client sends the rest when it is back
    if (!pieces) {
      const step = scan();
      if (step.done) pieces = step.value.pieces;
      return false;
    }
    if (added < pieces.length) checker.add(pieces[added++] as Uint8Array);
    else if (!checked) checked = checker.checkSome(PIECE_SIZE);
    else Y.applyUpdate(doc, pieces[applied++] as Uint8Array, conn);
    return applied === pieces.length;
  });
}
