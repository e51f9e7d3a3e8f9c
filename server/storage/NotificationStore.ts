import { randomUUID } from 'node:crypto';
import type { Db } from './openDatabase';
import type { Lang } from '@shared/bill/Lang';

/** What a notification tells: for now, that someone named the recipient in a comment. */
export type NotificationKind = 'mention';

/** One notification for one person. */
export interface StoredNotification {
  id: string;
  userId: string;
  docId: string;
  kind: NotificationKind;
  threadId: string | null;
  commentId: string | null;
  actorId: string | null;
  sectionId: string | null;
  /** How the section was named when the notification was made, in both languages. */
  sectionName: Partial<Record<Lang, string>>;
  excerpt: string;
  createdAt: string;
  read: boolean;
}

interface Row {
  id: string; user_id: string; doc_id: string; kind: NotificationKind; thread_id: string | null; comment_id: string | null; actor_id: string | null;
  section_id: string | null; section_name: string; excerpt: string; created_at: number; read_at: number | null;
}

const toNotification = (r: Row): StoredNotification => ({
  id: r.id, userId: r.user_id, docId: r.doc_id, kind: r.kind, threadId: r.thread_id, commentId: r.comment_id, actorId: r.actor_id,
  sectionId: r.section_id, sectionName: JSON.parse(r.section_name) as Partial<Record<Lang, string>>, excerpt: r.excerpt,
  createdAt: new Date(r.created_at).toISOString(), read: r.read_at !== null,
});

/** Notifications addressed to people, read or unread. */
export class NotificationStore {
  constructor(private readonly db: Db) {}

  create(input: Omit<StoredNotification, 'id' | 'createdAt' | 'read'>): StoredNotification {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO notifications (id, user_id, doc_id, kind, thread_id, comment_id, actor_id, section_id, section_name, excerpt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.userId, input.docId, input.kind, input.threadId, input.commentId, input.actorId, input.sectionId, JSON.stringify(input.sectionName), input.excerpt, Date.now());
    return toNotification(this.db.prepare('SELECT * FROM notifications WHERE id = ?').get(id) as Row);
  }

  /** A person's latest notifications, newest first. */
  recent(userId: string, limit = 50): StoredNotification[] {
    return (this.db.prepare('SELECT * FROM notifications WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(userId, limit) as Row[]).map(toNotification);
  }

  unreadCount(userId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n;
  }

  /** Marks some of a person's notifications read (all of them without `ids`); returns how many changed. */
  markRead(userId: string, ids?: readonly string[]): number {
    const now = Date.now();
    if (!ids) return this.db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(now, userId).changes;
    const stmt = this.db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL');
    return this.db.transaction(() => ids.reduce((n, id) => n + stmt.run(now, userId, id).changes, 0))();
  }

  /** Marks read a person's notifications about one thread (they opened it). */
  markThreadRead(userId: string, threadId: string): number {
    return this.db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND thread_id = ? AND read_at IS NULL').run(Date.now(), userId, threadId).changes;
  }

  /** The people named in each comment of a document, by comment id. */
  mentionsByComment(docId: string): Map<string, string[]> {
    const rows = this.db.prepare("SELECT comment_id, user_id FROM notifications WHERE doc_id = ? AND kind = 'mention' AND comment_id IS NOT NULL ORDER BY rowid").all(docId) as { comment_id: string; user_id: string }[];
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.comment_id, [...(out.get(r.comment_id) ?? []), r.user_id]);
    return out;
  }
}
