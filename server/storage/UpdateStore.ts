import type { Db } from './openDatabase';

/** What is on disk for one document: a snapshot and the updates appended since. */
export interface StoredState {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  lastUpdateId: number;
}

/** What a queued append reports: its id once committed (called inside the commit's transaction), or the failure. */
export interface AppendOutcome {
  committed(id: number): void;
  failed(err: unknown): void;
}

interface QueuedAppend {
  docId: string;
  data: Buffer;
  userId: string | null;
  at: number;
  outcome: AppendOutcome;
}

/** A message held back until the updates queued before it are committed. */
interface HeldSend {
  docId: string;
  send: () => void;
}

const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * The Yjs update log. Updates from the collaboration sockets are queued and the queue of one
 * event-loop turn is committed in one SQLite transaction; whatever the server sends meanwhile
 * (broadcasts, acknowledgements, sync answers) is held back until that commit, so nobody sees or is
 * told of an update that is not on disk. Compaction folds the log into a snapshot.
 */
export class UpdateStore {
  private readonly insert;
  private readonly selectUpdates;
  private readonly selectSnapshot;
  private readonly countSince;
  private readonly commitQueued;
  private queued: QueuedAppend[] = [];
  private held: HeldSend[] = [];
  private flushScheduled = false;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO doc_updates (doc_id, data, user_id, created_at) VALUES (?, ?, ?, ?)');
    this.selectUpdates = db.prepare('SELECT id, data FROM doc_updates WHERE doc_id = ? AND id > ? ORDER BY id');
    this.selectSnapshot = db.prepare('SELECT data, through_update FROM doc_snapshots WHERE doc_id = ?');
    this.countSince = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?');
    this.commitQueued = db.transaction((batch: QueuedAppend[]) => {
      for (const q of batch) q.outcome.committed(Number(this.insert.run(q.docId, q.data, q.userId, q.at).lastInsertRowid));
    });
  }

  /**
   * Queues an update for the commit at the end of this event-loop turn (or an earlier `flush`).
   * `outcome.committed` runs inside that transaction, in queue order.
   */
  enqueue(docId: string, update: Uint8Array, userId: string | null, outcome: AppendOutcome): void {
    this.queued.push({ docId, data: Buffer.from(update.buffer, update.byteOffset, update.byteLength), userId, at: Date.now(), outcome });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /** Whether queued updates wait for their commit: anything sent now must wait too. */
  holding(): boolean {
    return this.queued.length > 0;
  }

  /**
   * Runs `send` at once if nothing waits for a commit, else right after the commit, in the order
   * held. If the commit fails, what was held for the documents in it is dropped.
   */
  afterCommit(docId: string, send: () => void): void {
    if (this.queued.length === 0) send();
    else this.held.push({ docId, send });
  }

  /** Commits the queued updates in one transaction, then sends what was held back for them. */
  flush(): void {
    if (this.queued.length === 0) return;
    const batch = this.queued;
    const held = this.held;
    this.queued = [];
    this.held = [];
    let failed: Set<string> | null = null;
    try {
      this.commitQueued(batch);
    } catch (err) {
      failed = new Set(batch.map((q) => q.docId));
      for (const q of batch) q.outcome.failed(err);
    }
    for (const h of held) if (!failed?.has(h.docId)) h.send();
  }

  /** Appends one update now, outside the queue (documents created or converted by the server); returns its id. */
  append(docId: string, update: Uint8Array, userId: string | null): number {
    const info = this.insert.run(docId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), userId, Date.now());
    return Number(info.lastInsertRowid);
  }

  load(docId: string): StoredState {
    const snap = this.selectSnapshot.get(docId) as { data: Buffer; through_update: number } | undefined;
    const after = snap?.through_update ?? 0;
    const rows = this.selectUpdates.all(docId, after) as { id: number; data: Buffer }[];
    return {
      snapshot: snap ? view(snap.data) : null,
      updates: rows.map((r) => view(r.data)),
      lastUpdateId: rows.length ? (rows[rows.length - 1]?.id ?? after) : after,
    };
  }

  pendingCount(docId: string): number {
    return (this.countSince.get(docId) as { n: number }).n;
  }

  /** Replaces the snapshot with `state` (which includes every update up to `throughId`) and drops those updates. */
  compact(docId: string, state: Uint8Array, throughId: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO doc_snapshots (doc_id, data, through_update, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(doc_id) DO UPDATE SET data = excluded.data, through_update = excluded.through_update, created_at = excluded.created_at`,
        )
        .run(docId, Buffer.from(state.buffer, state.byteOffset, state.byteLength), throughId, Date.now());
      this.db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND id <= ?').run(docId, throughId);
    })();
  }
}
