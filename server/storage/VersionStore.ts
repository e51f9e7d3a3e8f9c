import { randomUUID } from 'node:crypto';
import type { Db } from './openDatabase';

/** A named, immutable copy of a document's state. */
export interface VersionMeta {
  id: string;
  docId: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

/** Named versions: full Yjs states, never changed once written. */
export class VersionStore {
  constructor(private readonly db: Db) {}

  create(docId: string, name: string, state: Uint8Array, userId: string): VersionMeta {
    const id = randomUUID();
    const now = Date.now();
    this.db.prepare('INSERT INTO doc_versions (id, doc_id, name, data, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, docId, name, Buffer.from(state), userId, now);
    return { id, docId, name, createdAt: new Date(now).toISOString(), createdBy: userId };
  }

  list(docId: string): VersionMeta[] {
    const rows = this.db.prepare('SELECT id, doc_id, name, created_by, created_at FROM doc_versions WHERE doc_id = ? ORDER BY created_at, rowid').all(docId) as {
      id: string; doc_id: string; name: string; created_by: string; created_at: number;
    }[];
    return rows.map((r) => ({ id: r.id, docId: r.doc_id, name: r.name, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }));
  }

  state(docId: string, versionId: string): Uint8Array | undefined {
    const row = this.db.prepare('SELECT data FROM doc_versions WHERE id = ? AND doc_id = ?').get(versionId, docId) as { data: Buffer } | undefined;
    return row && new Uint8Array(row.data);
  }
}
