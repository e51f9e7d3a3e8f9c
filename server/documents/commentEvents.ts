import type { Services } from '../services';
import type { DocumentMeta } from '../storage/DocumentStore';
import type { StoredComment } from '../storage/CommentStore';
import type { StoredNotification } from '../storage/NotificationStore';
import type { User } from '../storage/UserStore';
import { findMentions } from '@shared/bill/mentions';
import { canRead } from '../auth/permissions';
import { commentThreads, withUnread, type ThreadView } from './commentThreads';
import { withDocState } from './documentContent';
import { sectionName } from './sectionName';

/** How much of a comment a notification quotes. */
const EXCERPT_CHARS = 200;

/** The people who may read a document (the mention picker's list), by name. */
export function readersOf(services: Services, doc: DocumentMeta): User[] {
  return services.users.list().filter((u) => canRead(u, doc)).sort((a, b) => a.name.localeCompare(b.name));
}

/** Pushes a thread as it is now to everyone following the document, each with their own unread count. */
export function publishThread(services: Services, docId: string, threadId: string): void {
  const [thread] = commentThreads(services, docId, threadId);
  if (!thread) return;
  services.events.toDocument(docId, 'comments', (userId): { thread: ThreadView } => ({ thread: withUnread(services, docId, userId, [thread])[0] as ThreadView }));
}

/** A notification as its recipient reads it. */
export function notificationView(services: Services, n: StoredNotification) {
  const doc = services.documents.get(n.docId);
  const actor = n.actorId ? services.users.byId(n.actorId) : undefined;
  return {
    id: n.id, kind: n.kind, read: n.read, createdAt: n.createdAt,
    docId: n.docId, docTitle: doc?.title ?? { en: '', es: '' },
    threadId: n.threadId, commentId: n.commentId,
    actor: actor ? { id: actor.id, name: actor.name } : null,
    sectionId: n.sectionId, sectionName: n.sectionName, excerpt: n.excerpt,
  };
}

/**
 * Notifies everyone a comment names as "@Name" (among the document's readers, not its author) and
 * pushes each notification to its recipient's open pages.
 */
export function notifyMentions(services: Services, doc: DocumentMeta, comment: StoredComment, author: User): void {
  const named = findMentions(comment.body, readersOf(services, doc)).map((m) => m.person).filter((p) => p.id !== author.id);
  const people = [...new Map(named.map((p) => [p.id, p])).values()];
  if (people.length === 0) return;
  const first = services.comments.get(doc.id, comment.threadId);
  const [thread] = commentThreads(services, doc.id, comment.threadId);
  const sectionId = thread?.sectionId ?? null;
  const names = sectionId && first ? withDocState(services, doc.id, (ydoc) => sectionName(ydoc, sectionId, doc.docType, services.i18n)) : null;
  const body = comment.body.length > EXCERPT_CHARS ? `${comment.body.slice(0, EXCERPT_CHARS - 1)}…` : comment.body;
  for (const person of people) {
    const n = services.notifications.create({
      userId: person.id, docId: doc.id, kind: 'mention', threadId: comment.threadId, commentId: comment.id, actorId: author.id,
      sectionId, sectionName: names ?? {}, excerpt: body,
    });
    services.events.toUser(person.id, 'notification', { notification: notificationView(services, n), unread: services.notifications.unreadCount(person.id) });
  }
}
