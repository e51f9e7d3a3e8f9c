import type { Db } from './openDatabase';
import type { AuditEntry } from '@shared/api/AuditEntry';

/** Append-only record of sign-ins, permission changes, document creation, exports and edits. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  record(action: string, userId: string | null, docId: string | null = null, detail: Record<string, unknown> = {}): void {
    this.db.prepare('INSERT INTO audit (at, user_id, action, doc_id, detail) VALUES (?, ?, ?, ?, ?)').run(Date.now(), userId, action, docId, JSON.stringify(detail));
  }

  /** The newest entry of `action` about a document: when, and by whom. */
  latest(action: string, docId: string): { at: string; userId: string | null } | null {
    const row = this.db.prepare('SELECT at, user_id FROM audit WHERE action = ? AND doc_id = ? ORDER BY id DESC LIMIT 1').get(action, docId) as { at: number; user_id: string | null } | undefined;
    return row ? { at: new Date(row.at).toISOString(), userId: row.user_id } : null;
  }

  recent(limit = 200): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit) as {
      id: number; at: number; user_id: string | null; action: string; doc_id: string | null; detail: string;
    }[];
    return rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), userId: r.user_id, action: r.action, docId: r.doc_id, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}
