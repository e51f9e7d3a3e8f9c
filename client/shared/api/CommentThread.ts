import type { Lang } from '../bill/Lang';

/** A person as a comment names them. */
export interface CommentPerson {
  id: string;
  name: string;
}

/** One comment of a thread. */
export interface ThreadComment {
  id: string;
  body: string;
  author: CommentPerson;
  createdAt: string;
  /** The people the comment names with "@Name" (they were notified). */
  mentions: CommentPerson[];
}

/**
 * A comment thread as the server serves it (GET /api/documents/:id/comments, and pushed as the
 * `comments` event): the same to everyone but for `unread`.
 */
export interface CommentThread {
  id: string;
  lang: Lang;
  quote: string;
  currentQuote: string | null;
  orphaned: boolean;
  anchorStart: string | null;
  anchorEnd: string | null;
  /** The block the passage is in now (a section's id), or null when the passage is gone. */
  sectionId: string | null;
  resolved: boolean;
  resolvedBy: CommentPerson | null;
  resolvedAt: string | null;
  comments: ThreadComment[];
  /** Comments by others the caller has not read yet. */
  unread: number;
}
