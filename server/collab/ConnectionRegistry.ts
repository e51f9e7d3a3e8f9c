import { CloseCode } from '@shared/collab/closeCodes';
import type { RoomConnection } from './DocRoom';

/** An open collaboration socket, with what is needed to re-check it later. */
export interface TrackedConnection extends RoomConnection {
  docId: string;
  token: string;
  /** When the session that opened the socket ends (ms since the epoch); the socket closes then. */
  expiresAt: number;
}

/** What a re-check decides for one connection. */
export type Verdict = 'keep' | 'unauthenticated' | 'forbidden' | 'readOnly' | 'writable';

/** setTimeout waits at most 2^31 - 1 ms (about 24.8 days); a longer session re-arms its timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Every open collaboration socket, so that permission changes reach live connections at once, and
 * each socket closes when its session expires.
 */
export class ConnectionRegistry {
  private readonly all = new Set<TrackedConnection>();
  private readonly expiryTimers = new Map<TrackedConnection, NodeJS.Timeout>();

  /** Tracks a connection and arms the timer that closes it when its session expires. */
  add(conn: TrackedConnection): void {
    this.all.add(conn);
    this.armExpiry(conn);
  }

  delete(conn: TrackedConnection): void {
    this.all.delete(conn);
    clearTimeout(this.expiryTimers.get(conn));
    this.expiryTimers.delete(conn);
  }

  [Symbol.iterator](): IterableIterator<TrackedConnection> {
    return this.all.values();
  }

  /** Closes a connection whose session has ended with 4401; nothing it still sends changes the document. */
  expire(conn: TrackedConnection): void {
    clearTimeout(this.expiryTimers.get(conn));
    this.expiryTimers.delete(conn);
    if (!this.all.has(conn)) return;
    conn.canWrite = false;
    conn.ws.close(CloseCode.Unauthenticated, 'session expired');
  }

  private armExpiry(conn: TrackedConnection): void {
    const remaining = conn.expiresAt - Date.now();
    if (remaining <= 0) return this.expire(conn);
    // Timers may fire a little early: the callback checks the clock again and re-arms if so.
    const timer = setTimeout(() => this.armExpiry(conn), Math.min(remaining, MAX_TIMER_MS));
    timer.unref();
    this.expiryTimers.set(conn, timer);
  }

  /**
   * Re-judges the connections `filter` selects. A connection that lost its session is closed with
   * 4401, one that lost read access or write access with 4403 (its client reloads as a reader).
   */
  revalidate(filter: (c: TrackedConnection) => boolean, judge: (c: TrackedConnection) => Verdict, onAccess: (c: TrackedConnection) => void = () => undefined): number {
    let closed = 0;
    for (const conn of [...this.all]) {
      if (!filter(conn)) continue;
      const verdict = judge(conn);
      if (verdict === 'keep') continue;
      if (verdict === 'readOnly' || verdict === 'writable') {
        // The socket stays open: from now on its updates are (or are no longer) refused, and it is told.
        const next = verdict === 'writable';
        if (conn.canWrite !== next) {
          conn.canWrite = next;
          onAccess(conn);
        }
        continue;
      }
      conn.canWrite = false;
      if (verdict === 'unauthenticated') conn.ws.close(CloseCode.Unauthenticated, 'session ended');
      else conn.ws.close(CloseCode.Forbidden, 'permission changed');
      closed++;
    }
    return closed;
  }

  count(): number {
    return this.all.size;
  }
}
