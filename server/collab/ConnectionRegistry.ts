import { CloseCode } from '@shared/collab/closeCodes';
import type { RoomConnection } from './DocRoom';

/** An open collaboration socket, with what is needed to re-check it later. */
export interface TrackedConnection extends RoomConnection {
  docId: string;
  token: string;
  /** When the session that opened the socket ends (ms since the epoch); the socket closes then. */
  expiresAt: number;
  /** The peer's address as the server sees it (a reverse proxy's, if one is in front). */
  address: string;
}

/** How many sockets and documents one user, and sockets one address, may have open at once. */
export interface ConnectionLimits {
  maxConnectionsPerUser: number;
  maxConnectionsPerAddress: number;
  maxDocumentsPerUser: number;
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
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
  private readonly perUser = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();
  /** Per user: document id → that user's sockets on it. */
  private readonly documentsOf = new Map<string, Map<string, number>>();

  /** Why a new socket of `userId` from `address` on `docId` may not open now, or null if it may. */
  refusal(userId: string, address: string, docId: string, limits: ConnectionLimits): string | null {
    if ((this.perAddress.get(address) ?? 0) >= limits.maxConnectionsPerAddress) return 'too many connections from this address';
    if ((this.perUser.get(userId) ?? 0) >= limits.maxConnectionsPerUser) return 'too many connections for this user';
    const docs = this.documentsOf.get(userId);
    if (docs && !docs.has(docId) && docs.size >= limits.maxDocumentsPerUser) return 'too many documents open';
    return null;
  }

  /** Tracks a connection and arms the timer that closes it when its session expires. */
  add(conn: TrackedConnection): void {
    if (this.all.has(conn)) return;
    this.all.add(conn);
    this.tally(conn, 1);
    this.armExpiry(conn);
  }

  delete(conn: TrackedConnection): void {
    if (!this.all.delete(conn)) return;
    this.tally(conn, -1);
    clearTimeout(this.expiryTimers.get(conn));
    this.expiryTimers.delete(conn);
  }

  private tally(conn: TrackedConnection, by: number): void {
    bump(this.perUser, conn.userId, by);
    bump(this.perAddress, conn.address, by);
    let docs = this.documentsOf.get(conn.userId);
    if (!docs) this.documentsOf.set(conn.userId, (docs = new Map()));
    bump(docs, conn.docId, by);
    if (docs.size === 0) this.documentsOf.delete(conn.userId);
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
