import { randomUUID } from 'node:crypto';
import type { Db } from './openDatabase';

/**
 * Why a version exists: saved by someone under a name, kept by the server after a burst of edits,
 * or kept just before a restore replaced the text (restoring it undoes the restore).
 */
export type VersionKind = 'named' | 'automatic' | 'beforeRestore';

/** Who edited the document between the version before and this one: everyone, and per block id. */
export interface VersionEdits {
  by: string[];
  blocks: Record<string, string[]>;
}

/** An immutable copy of a document's state. */
export interface VersionMeta {
  id: string;
  docId: string;
  name: string;
  kind: VersionKind;
  createdAt: string;
  createdBy: string;
  /** For a version kept before a restore: the version that was restored. */
  restoredVersion: string | null;
  edits: VersionEdits;
}

interface Row {
  id: string; doc_id: string; name: string; kind: VersionKind; created_by: string; created_at: number; restored_version: string | null; edits: string;
}

const COLUMNS = 'id, doc_id, name, kind, created_by, created_at, restored_version, edits';

function toEdits(json: string): VersionEdits {
  const parsed = JSON.parse(json) as Partial<VersionEdits>;
  return { by: parsed.by ?? [], blocks: parsed.blocks ?? {} };
}

const toMeta = (r: Row): VersionMeta => ({
  id: r.id, docId: r.doc_id, name: r.name, kind: r.kind, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString(),
  restoredVersion: r.restored_version, edits: toEdits(r.edits),
});

/** Versions: full Yjs states, never changed once written. */
export class VersionStore {
  constructor(private readonly db: Db) {}

  create(
    docId: string, name: string, state: Uint8Array, userId: string,
    options: { kind?: VersionKind; restoredVersion?: string; edits?: VersionEdits } = {},
  ): VersionMeta {
    const id = randomUUID();
    const edits = options.edits ?? { by: [], blocks: {} };
    this.db
      .prepare('INSERT INTO doc_versions (id, doc_id, name, data, created_by, created_at, kind, restored_version, edits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, docId, name, Buffer.from(state), userId, Date.now(), options.kind ?? 'named', options.restoredVersion ?? null, JSON.stringify(edits));
    return this.get(docId, id) as VersionMeta;
  }

  /** The document's versions, oldest first. */
  list(docId: string): VersionMeta[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM doc_versions WHERE doc_id = ? ORDER BY created_at, rowid`).all(docId) as Row[]).map(toMeta);
  }

  get(docId: string, versionId: string): VersionMeta | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM doc_versions WHERE id = ? AND doc_id = ?`).get(versionId, docId) as Row | undefined;
    return row && toMeta(row);
  }

  /** Whether the document has any version at all. */
  hasAny(docId: string): boolean {
    return this.db.prepare('SELECT 1 FROM doc_versions WHERE doc_id = ? LIMIT 1').get(docId) !== undefined;
  }

  state(docId: string, versionId: string): Uint8Array | undefined {
    const row = this.db.prepare('SELECT data FROM doc_versions WHERE id = ? AND doc_id = ?').get(versionId, docId) as { data: Buffer } | undefined;
    return row && new Uint8Array(row.data);
  }
}
