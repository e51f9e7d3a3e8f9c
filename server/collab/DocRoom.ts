import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import { MessageType } from '@shared/collab/closeCodes';
import type { UpdateStore } from '../storage/UpdateStore';
import type { PresenceIdentity } from './awarenessIdentity';
import { Outlet } from './Outlet';

/** One open socket in a room. */
export interface RoomConnection {
  ws: WebSocket;
  userId: string;
  identity: PresenceIdentity;
  canWrite: boolean;
  /** Whether the client asked for acknowledgements (`?ack=1`). */
  wantsAck: boolean;
  /** Sync step 2 and update messages received on this connection. */
  received: number;
  /** Updates of this connection applied to the document (a writer's edits, for the audit log). */
  applied: number;
  /** When the connection opened. */
  openedAt: number;
  /** Awareness client ids this connection speaks for. */
  awarenessIds: Set<number>;
  /** Called with an update this read-only connection sent (it is not applied). */
  onRefused?: (update: Uint8Array) => void;
}

const LOAD_ORIGIN = Symbol('load');
/** Quiet time after which a document's update log is folded into a snapshot. */
const IDLE_COMPACTION_MS = 10_000;

/** Hooks the room calls; kept small so the room knows nothing of HTTP or users. */
export interface RoomHooks {
  /** Brings a document just loaded from storage up to date; true when it rewrote the stored state (folding the log). */
  onLoaded(docId: string, ydoc: Y.Doc, throughUpdateId: number): boolean;
  /** Called inside the transaction that commits an update. */
  onPersisted(docId: string, userId: string | null): void;
  onEmpty(room: DocRoom): void;
  /** The room's updates could not be stored: it must be dropped from memory, unsaved (its clients resend). */
  onBroken(room: DocRoom, err: unknown): void;
}

/**
 * One document in memory: the Y.Doc, its awareness and the sockets editing it. An update is applied
 * to the Y.Doc, queued for the commit that ends this event-loop turn, and sent to the other sockets
 * once committed (their outlets hold it until then); the sender's acknowledgement waits the same way.
 */
export class DocRoom {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  readonly conns = new Set<RoomConnection>();
  private lastUpdateId = 0;
  private sinceCompaction = 0;
  private lastEditAt = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private broken = false;

  constructor(
    readonly docId: string,
    private readonly store: UpdateStore,
    private readonly hooks: RoomHooks,
    private readonly compactEvery: number,
  ) {
    this.awareness.setLocalState(null);
    const stored = store.load(docId);
    this.ydoc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.ydoc, stored.snapshot, LOAD_ORIGIN);
      for (const u of stored.updates) Y.applyUpdate(this.ydoc, u, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    this.lastUpdateId = stored.lastUpdateId;
    this.sinceCompaction = hooks.onLoaded(docId, this.ydoc, stored.lastUpdateId) ? 0 : stored.updates.length;
    this.ydoc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN || this.broken) return;
    const from = this.conns.has(origin as RoomConnection) ? (origin as RoomConnection) : null;
    const userId = from?.userId ?? null;
    this.store.enqueue(this.docId, update, userId, {
      committed: (id) => {
        this.lastUpdateId = id;
        this.hooks.onPersisted(this.docId, userId);
      },
      failed: (err) => this.break(err),
    });
    this.sinceCompaction++;
    // Encoded once for every socket; each outlet sends it after the commit.
    const message = syncUpdateMessage(update);
    for (const conn of this.conns) if (conn !== from) send(conn.ws, message);
    // An edit made by the server itself (restore, upstream, held edits) is committed before its HTTP answer.
    if (!from) this.store.flush();
    // Compaction re-encodes the whole document: do it when editing pauses, or when the log is long.
    if (this.sinceCompaction >= this.compactEvery) this.compact();
    else this.scheduleIdleCompaction();
  };

  private break(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.hooks.onBroken(this, err);
  }

  /** Whether the room's updates could not be stored (it is being dropped). */
  isBroken(): boolean {
    return this.broken;
  }

  /** One timer per quiet period, not one per keystroke: it re-arms itself while edits go on. */
  private scheduleIdleCompaction(): void {
    this.lastEditAt = Date.now();
    if (this.idleTimer) return;
    const wait = (ms: number) => {
      this.idleTimer = setTimeout(() => {
        const quiet = Date.now() - this.lastEditAt;
        if (quiet < IDLE_COMPACTION_MS) return wait(IDLE_COMPACTION_MS - quiet);
        this.idleTimer = null;
        if (!this.ydoc.isDestroyed) this.compact();
      }, ms);
      this.idleTimer.unref();
    };
    wait(IDLE_COMPACTION_MS);
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.conns) send(conn.ws, message);
  };

  /** Folds the update log into one snapshot (committing queued updates first). */
  compact(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.broken) return;
    this.store.flush();
    if (this.sinceCompaction === 0 || this.broken) return;
    this.store.compact(this.docId, Y.encodeStateAsUpdate(this.ydoc), this.lastUpdateId);
    this.sinceCompaction = 0;
  }

  join(conn: RoomConnection): void {
    this.conns.add(conn);
  }

  leave(conn: RoomConnection): void {
    if (!this.conns.delete(conn)) return;
    if (conn.awarenessIds.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (this.conns.size === 0) this.hooks.onEmpty(this);
  }

  /** Compacts (unless broken: what is not on disk is dropped) and frees the document. */
  destroy(): void {
    this.compact();
    this.ydoc.off('update', this.onDocUpdate);
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  /** Who is in the document now (server identities, one per user). */
  presence(): PresenceIdentity[] {
    const seen = new Map<string, PresenceIdentity>();
    for (const c of this.conns) seen.set(c.identity.id, c.identity);
    return [...seen.values()];
  }
}

/** Encodes a y-websocket sync "update" message. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Sends on a collaboration socket through its outlet (held until queued updates are committed, the
 * socket closed if it stopped reading); a closing socket is simply skipped.
 */
export function send(ws: WebSocket, message: Uint8Array): void {
  const outlet = Outlet.of(ws);
  if (outlet) outlet.send(message);
  else if (ws.readyState === ws.OPEN) ws.send(message);
}
