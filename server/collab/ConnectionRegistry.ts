import { CloseCode } from '@shared/collab/closeCodes';
import type { RoomConnection } from './DocRoom';

/** An open collaboration socket, with what is needed to re-check it later. */
export interface TrackedConnection extends RoomConnection {
  docId: string;
  token: string;
}

/** What a re-check decides for one connection. */
export type Verdict = 'keep' | 'unauthenticated' | 'forbidden' | 'readOnly';

/** Every open collaboration socket, so that permission changes reach live connections at once. */
export class ConnectionRegistry {
  private readonly all = new Set<TrackedConnection>();

  add(conn: TrackedConnection): void {
    this.all.add(conn);
  }

  delete(conn: TrackedConnection): void {
    this.all.delete(conn);
  }

  [Symbol.iterator](): IterableIterator<TrackedConnection> {
    return this.all.values();
  }

  /**
   * Re-judges the connections `filter` selects. A connection that lost its session is closed with
   * 4401, one that lost read access or write access with 4403 (its client reloads as a reader).
   */
  revalidate(filter: (c: TrackedConnection) => boolean, judge: (c: TrackedConnection) => Verdict): number {
    let closed = 0;
    for (const conn of [...this.all]) {
      if (!filter(conn)) continue;
      const verdict = judge(conn);
      if (verdict === 'keep') continue;
      if (verdict === 'readOnly' && !conn.canWrite) continue;
      conn.canWrite = false;
      conn.ws.close(verdict === 'unauthenticated' ? CloseCode.Unauthenticated : CloseCode.Forbidden, 'permission changed');
      closed++;
    }
    return closed;
  }

  count(): number {
    return this.all.size;
  }
}
