import type { Db } from './openDatabase';

/** What is on disk for one document: a snapshot and the updates appended since. */
export interface StoredState {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  lastUpdateId: number;
}

/**
 * The Yjs update log. Every update is appended (one synchronous SQLite transaction) before it is
 * sent to anyone; compaction folds the log into a snapshot.
 */
export class UpdateStore {
  private readonly insert;
  private readonly selectUpdates;
  private readonly selectSnapshot;
  private readonly countSince;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO doc_updates (doc_id, data, user_id, created_at) VALUES (?, ?, ?, ?)');
    this.selectUpdates = db.prepare('SELECT id, data FROM doc_updates WHERE doc_id = ? AND id > ? ORDER BY id');
    this.selectSnapshot = db.prepare('SELECT data, through_update FROM doc_snapshots WHERE doc_id = ?');
    this.countSince = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?');
  }

  /** Appends one update; returns its id. */
  append(docId: string, update: Uint8Array, userId: string | null): number {
    const info = this.insert.run(docId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), userId, Date.now());
    return Number(info.lastInsertRowid);
  }

  load(docId: string): StoredState {
    const snap = this.selectSnapshot.get(docId) as { data: Buffer; through_update: number } | undefined;
    const after = snap?.through_update ?? 0;
    const rows = this.selectUpdates.all(docId, after) as { id: number; data: Buffer }[];
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
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
        .run(docId, Buffer.from(state), throughId, Date.now());
      this.db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND id <= ?').run(docId, throughId);
    })();
  }
}
