import * as Y from 'yjs';
import type { Services } from '../services';
import type { StoredComment } from '../storage/CommentStore';
import type { CommentPerson, CommentThread } from '@shared/api/CommentThread';
import { blockIdOfPosition } from '@shared/layout';
import { withDocState } from './documentContent';
import { currentQuote } from './commentAnchors';

/** A thread as the API serves it. */
export type ThreadView = CommentThread;

const b64 = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('base64') : null);

function sectionOf(ydoc: Y.Doc, anchor: Uint8Array | null): string | null {
  if (!anchor) return null;
  try {
    return blockIdOfPosition(ydoc, Y.decodeRelativePosition(anchor));
  } catch {
    return null;
  }
}

/**
 * The document's threads (or only `threadId`) resolved against its current text: the passage each
 * covers now, the section it is in, who wrote and whom each comment names; `unread` is left at 0
 * (see `withUnread`).
 */
export function commentThreads(services: Services, docId: string, threadId?: string): ThreadView[] {
  const all = services.comments.list(docId).filter((c) => threadId === undefined || c.threadId === threadId);
  const names = new Map(services.users.list().map((u) => [u.id, u.name]));
  const person = (id: string): CommentPerson => ({ id, name: names.get(id) ?? '' });
  const mentions = services.notifications.mentionsByComment(docId);
  const byThread = new Map<string, StoredComment[]>();
  for (const c of all) byThread.set(c.threadId, [...(byThread.get(c.threadId) ?? []), c]);
  return withDocState(services, docId, (ydoc) =>
    all.filter((c) => c.id === c.threadId).map((first) => {
      const quote = currentQuote(ydoc, first.anchorStart, first.anchorEnd);
      const orphaned = quote === null || quote === '';
      return {
        id: first.id,
        lang: first.lang,
        quote: first.quote,
        currentQuote: quote,
        orphaned,
        anchorStart: b64(first.anchorStart),
        anchorEnd: b64(first.anchorEnd),
        sectionId: orphaned ? null : sectionOf(ydoc, first.anchorStart),
        resolved: first.resolved,
        resolvedBy: first.resolvedBy ? person(first.resolvedBy) : null,
        resolvedAt: first.resolvedAt,
        comments: (byThread.get(first.id) ?? []).map((c) => ({
          id: c.id, body: c.body, author: person(c.authorId), createdAt: c.createdAt, mentions: (mentions.get(c.id) ?? []).map(person),
        })),
        unread: 0,
      };
    }),
  );
}

/** The threads as one person sees them: how many of each thread's comments they have not read. */
export function withUnread(services: Services, docId: string, userId: string, threads: ThreadView[]): ThreadView[] {
  const unread = services.comments.unreadByThread(userId, docId);
  return threads.map((t) => ({ ...t, unread: unread.get(t.id) ?? 0 }));
}
