import { randomUUID } from 'node:crypto';
import type { Db } from './openDatabase';
import type { Lang } from '@shared/bill/Lang';

/** One comment; the first of a thread carries the anchor. */
export interface StoredComment {
  id: string;
  threadId: string;
  lang: Lang;
  anchorStart: Uint8Array | null;
  anchorEnd: Uint8Array | null;
  quote: string;
  body: string;
  authorId: string;
  createdAt: string;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

interface Row {
  id: string; thread_id: string; lang: Lang; anchor_start: Buffer | null; anchor_end: Buffer | null; quote: string; body: string;
  author_id: string; created_at: number; resolved: number; resolved_by: string | null; resolved_at: number | null;
}

const toComment = (r: Row): StoredComment => ({
  id: r.id, threadId: r.thread_id, lang: r.lang,
  anchorStart: r.anchor_start ? new Uint8Array(r.anchor_start) : null, anchorEnd: r.anchor_end ? new Uint8Array(r.anchor_end) : null,
  quote: r.quote, body: r.body, authorId: r.author_id, createdAt: new Date(r.created_at).toISOString(),
  resolved: r.resolved === 1, resolvedBy: r.resolved_by, resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
});

/**
 * Comment threads, kept outside the shared document so that reviewers, who may not change the text,
 * can still comment. Anchors are Yjs relative positions: they stay on their passage while others edit.
 */
export class CommentStore {
  constructor(private readonly db: Db) {}

  list(docId: string): StoredComment[] {
    return (this.db.prepare('SELECT * FROM comments WHERE doc_id = ? ORDER BY created_at, rowid').all(docId) as Row[]).map(toComment);
  }

  /** How many threads the document holds. */
  threadCount(docId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE doc_id = ? AND id = thread_id').get(docId) as { n: number }).n;
  }

  /** How many replies (comments after the first) the thread holds. */
  replyCount(docId: string, threadId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE doc_id = ? AND thread_id = ? AND id <> thread_id').get(docId, threadId) as { n: number }).n;
  }

  startThread(docId: string, input: { lang: Lang; anchorStart: Uint8Array; anchorEnd: Uint8Array; quote: string; body: string; authorId: string }): StoredComment {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO comments (id, doc_id, thread_id, lang, anchor_start, anchor_end, quote, body, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, docId, id, input.lang, Buffer.from(input.anchorStart), Buffer.from(input.anchorEnd), input.quote, input.body, input.authorId, Date.now());
    return this.get(docId, id) as StoredComment;
  }

  reply(docId: string, threadId: string, body: string, authorId: string): StoredComment | undefined {
    const first = this.get(docId, threadId);
    if (!first || first.threadId !== threadId) return undefined;
    const id = randomUUID();
    this.db.prepare('INSERT INTO comments (id, doc_id, thread_id, lang, body, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, docId, threadId, first.lang, body, authorId, Date.now());
    return this.get(docId, id);
  }

  setResolved(docId: string, threadId: string, resolved: boolean, userId: string): boolean {
    const info = this.db
      .prepare('UPDATE comments SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE doc_id = ? AND id = ? AND thread_id = id')
      .run(resolved ? 1 : 0, resolved ? userId : null, resolved ? Date.now() : null, docId, threadId);
    return info.changes > 0;
  }

  /** The first comments of the document's threads that carry an anchor. */
  anchoredThreads(docId: string): StoredComment[] {
    return (this.db.prepare('SELECT * FROM comments WHERE doc_id = ? AND id = thread_id AND anchor_start IS NOT NULL ORDER BY created_at, rowid').all(docId) as Row[]).map(toComment);
  }

  /** Moves a thread's anchor (null: it no longer points into the text, and the thread shows as orphaned). */
  setAnchor(docId: string, threadId: string, start: Uint8Array | null, end: Uint8Array | null): void {
    this.db
      .prepare('UPDATE comments SET anchor_start = ?, anchor_end = ? WHERE doc_id = ? AND id = ? AND thread_id = id')
      .run(start ? Buffer.from(start) : null, end ? Buffer.from(end) : null, docId, threadId);
  }

  /** Marks a thread read for a person, through its latest comment. */
  markThreadRead(userId: string, docId: string, threadId: string): void {
    this.db
      .prepare(`INSERT INTO comment_reads (user_id, thread_id, read_through)
                SELECT ?, ?, MAX(rowid) FROM comments WHERE doc_id = ? AND thread_id = ? HAVING COUNT(*) > 0
                ON CONFLICT (user_id, thread_id) DO UPDATE SET read_through = excluded.read_through`)
      .run(userId, threadId, docId, threadId);
  }

  /** Marks every thread of a document read for a person. */
  markDocumentRead(userId: string, docId: string): void {
    this.db
      .prepare(`INSERT INTO comment_reads (user_id, thread_id, read_through)
                SELECT ?, thread_id, MAX(rowid) FROM comments WHERE doc_id = ? GROUP BY thread_id
                ON CONFLICT (user_id, thread_id) DO UPDATE SET read_through = excluded.read_through`)
      .run(userId, docId);
  }

  /** How many comments by others each thread holds that the person has not read, by thread id (threads with none left out). */
  unreadByThread(userId: string, docId: string): Map<string, number> {
    const rows = this.db
      .prepare(`SELECT c.thread_id AS thread, COUNT(*) AS n FROM comments c
                LEFT JOIN comment_reads r ON r.user_id = ? AND r.thread_id = c.thread_id
                WHERE c.doc_id = ? AND c.author_id <> ? AND (r.read_through IS NULL OR c.rowid > r.read_through)
                GROUP BY c.thread_id`)
      .all(userId, docId, userId) as { thread: string; n: number }[];
    return new Map(rows.map((r) => [r.thread, r.n]));
  }

  get(docId: string, id: string): StoredComment | undefined {
    const row = this.db.prepare('SELECT * FROM comments WHERE doc_id = ? AND id = ?').get(docId, id) as Row | undefined;
    return row && toComment(row);
  }
}
