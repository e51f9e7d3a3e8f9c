import { randomUUID } from 'node:crypto';
import type { Db } from './openDatabase';

/** Edits a connection sent after its document became final: kept, not applied. */
export interface HeldEdit {
  id: string;
  docId: string;
  userId: string;
  update: Uint8Array;
  createdAt: string;
  state: 'held' | 'suggested' | 'discarded';
  settledBy: string | null;
}

interface Row { id: string; doc_id: string; user_id: string; data: Buffer; created_at: number; state: HeldEdit['state']; settled_by: string | null }

const toHeld = (r: Row): HeldEdit => ({
  id: r.id, docId: r.doc_id, userId: r.user_id, update: new Uint8Array(r.data), createdAt: new Date(r.created_at).toISOString(), state: r.state, settledBy: r.settled_by,
});

/** Held edits per document: an admin turns them into suggestions, or their author discards them. */
export class HeldEditStore {
  constructor(private readonly db: Db) {}

  /** Holds an update; a later one from the same person on the same document joins the pending one. */
  hold(docId: string, userId: string, update: Uint8Array, merge: (a: Uint8Array, b: Uint8Array) => Uint8Array): HeldEdit {
    const pending = this.db.prepare("SELECT * FROM held_edits WHERE doc_id = ? AND user_id = ? AND state = 'held' ORDER BY created_at DESC LIMIT 1").get(docId, userId) as Row | undefined;
    if (pending) {
      const data = merge(new Uint8Array(pending.data), update);
      this.db.prepare('UPDATE held_edits SET data = ? WHERE id = ?').run(Buffer.from(data), pending.id);
      return { ...toHeld(pending), update: data };
    }
    const id = randomUUID();
    this.db.prepare('INSERT INTO held_edits (id, doc_id, user_id, data, created_at) VALUES (?, ?, ?, ?, ?)').run(id, docId, userId, Buffer.from(update), Date.now());
    return this.get(docId, id) as HeldEdit;
  }

  /** The pending held edits of a document, oldest first. */
  pending(docId: string): HeldEdit[] {
    return (this.db.prepare("SELECT * FROM held_edits WHERE doc_id = ? AND state = 'held' ORDER BY created_at").all(docId) as Row[]).map(toHeld);
  }

  get(docId: string, id: string): HeldEdit | undefined {
    const row = this.db.prepare('SELECT * FROM held_edits WHERE doc_id = ? AND id = ?').get(docId, id) as Row | undefined;
    return row && toHeld(row);
  }

  /** Marks a pending edit as turned into suggestions or discarded; false if it was not pending. */
  settle(docId: string, id: string, state: 'suggested' | 'discarded', userId: string): boolean {
    return this.db.prepare("UPDATE held_edits SET state = ?, settled_by = ?, settled_at = ? WHERE doc_id = ? AND id = ? AND state = 'held'").run(state, userId, Date.now(), docId, id).changes > 0;
  }
}
