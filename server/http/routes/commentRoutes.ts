import type { Router } from '../Router';
import type { Services } from '../../services';
import { badRequest, fieldTooLarge, invalidField, notFound, tooManyRequests } from '../../errors';
import { isLang } from '@shared/bill/Lang';
import { readableDocument } from './documentRoutes';
import { decodeAnchor } from '../../documents/commentAnchors';
import { commentThreads, withUnread } from '../../documents/commentThreads';
import { notifyMentions, publishThread, readersOf } from '../../documents/commentEvents';
import type { DocumentMeta } from '../../storage/DocumentStore';
import type { StoredComment } from '../../storage/CommentStore';
import type { User } from '../../storage/UserStore';
import { RateWindow } from '../RateWindow';

/** A Yjs relative position encodes to tens of bytes; this leaves room for long type names and ids. */
const ANCHOR_MAX_BYTES = 256;
/** The quoted passage, kept to show where a thread was when its passage is gone. */
const QUOTE_MAX_CHARS = 2000;
/** A comment's text (the client's text boxes stop at the same length). */
const BODY_MAX_CHARS = 10_000;

const commentBody = (value: unknown) => {
  if (typeof value !== 'string' || !value.trim()) throw invalidField('body');
  if (value.length > BODY_MAX_CHARS) throw fieldTooLarge('body', BODY_MAX_CHARS);
  return value.trim();
};

const quoted = (value: unknown) => {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalidField('quote');
  if (value.length > QUOTE_MAX_CHARS) throw fieldTooLarge('quote', QUOTE_MAX_CHARS);
  return value;
};

const anchorBytes = (value: unknown, field: 'anchorStart' | 'anchorEnd') => {
  if (typeof value !== 'string') throw invalidField('anchor');
  // Base64 of ANCHOR_MAX_BYTES bytes is at most this long: a longer text is refused before decoding.
  if (value.length > Math.ceil(ANCHOR_MAX_BYTES / 3) * 4) throw fieldTooLarge(field, ANCHOR_MAX_BYTES, 'anchorTooLarge');
  let bytes: Uint8Array;
  try {
    bytes = decodeAnchor(value);
  } catch {
    throw invalidField('anchor');
  }
  if (bytes.length > ANCHOR_MAX_BYTES) throw fieldTooLarge(field, ANCHOR_MAX_BYTES, 'anchorTooLarge');
  return bytes;
};

/**
 * Comment threads on a document: everyone who may read it may comment, reply, resolve and reopen,
 * and name colleagues with "@Name" (they are notified). Every change is pushed at once to everyone
 * following the document (GET …/events).
 * Every field has a size limit, a document a number of threads, a thread a number of replies, and
 * each user a number of comments per minute; a refused comment stores nothing.
 */
export function commentRoutes(router: Router, services: Services): void {
  const { config } = services;
  const perUser = new RateWindow(config.commentsPerMinute, 60_000);
  /** After a comment is stored: its author has read its thread, the people it names are told, everyone sees it. */
  const changed = (doc: DocumentMeta, comment: StoredComment, author: User) => {
    services.comments.markThreadRead(author.id, doc.id, comment.threadId);
    notifyMentions(services, doc, comment, author);
    publishThread(services, doc.id, comment.threadId);
  };
  const checkRate = (userId: string) => {
    const seconds = perUser.wait(userId);
    if (seconds > 0) throw tooManyRequests(seconds, 'tooManyComments');
  };
  router.add('GET', '/api/documents/:id/comments', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    return { status: 200, body: withUnread(services, doc.id, user.id, commentThreads(services, doc.id)) };
  });

  // The people a comment may name with "@": names only, for the mention picker.
  router.add('GET', '/api/documents/:id/people', (ctx) => {
    const doc = readableDocument(services, ctx.user(), ctx.params.id ?? '');
    return { status: 200, body: readersOf(services, doc).map((u) => ({ id: u.id, name: u.name })) };
  });

  router.add('POST', '/api/documents/:id/comments', async (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    const input = await ctx.json();
    if (!isLang(input.lang)) throw invalidField('lang');
    const thread = { lang: input.lang, anchorStart: anchorBytes(input.anchorStart, 'anchorStart'), anchorEnd: anchorBytes(input.anchorEnd, 'anchorEnd'), quote: quoted(input.quote), body: commentBody(input.body), authorId: user.id };
    checkRate(user.id);
    const limit = config.maxThreadsPerDocument;
    if (services.comments.threadCount(doc.id) >= limit) throw badRequest('too_many_threads', 'tooManyThreads', { limit });
    const comment = services.comments.startThread(doc.id, thread);
    perUser.record(user.id);
    services.audit.record('comment.create', user.id, doc.id, { threadId: comment.id });
    changed(doc, comment, user);
    return { status: 201, body: { id: comment.id } };
  });

  router.add('POST', '/api/documents/:id/comments/:threadId/replies', async (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    const text = commentBody((await ctx.json()).body);
    const threadId = ctx.params.threadId ?? '';
    checkRate(user.id);
    const limit = config.maxRepliesPerThread;
    if (services.comments.replyCount(doc.id, threadId) >= limit) throw badRequest('too_many_replies', 'tooManyReplies', { limit });
    const reply = services.comments.reply(doc.id, threadId, text, user.id);
    if (!reply) throw notFound();
    perUser.record(user.id);
    changed(doc, reply, user);
    return { status: 201, body: { id: reply.id } };
  });

  router.add('POST', '/api/documents/:id/comments/:threadId/resolve', async (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    const body = await ctx.json();
    if (typeof body.resolved !== 'boolean') throw invalidField('resolved');
    const threadId = ctx.params.threadId ?? '';
    if (!services.comments.setResolved(doc.id, threadId, body.resolved, user.id)) throw notFound();
    services.comments.markThreadRead(user.id, doc.id, threadId);
    publishThread(services, doc.id, threadId);
    return { status: 200, body: { ok: true } };
  });

  // What the caller has read: one thread (and its notifications), or every thread of the document.
  router.add('POST', '/api/documents/:id/comments/read', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    services.comments.markDocumentRead(user.id, doc.id);
    return { status: 200, body: { ok: true } };
  });

  router.add('POST', '/api/documents/:id/comments/:threadId/read', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    const threadId = ctx.params.threadId ?? '';
    const first = services.comments.get(doc.id, threadId);
    if (!first || first.threadId !== threadId) throw notFound();
    services.comments.markThreadRead(user.id, doc.id, threadId);
    if (services.notifications.markThreadRead(user.id, threadId) > 0) {
      services.events.toUser(user.id, 'notificationsRead', { unread: services.notifications.unreadCount(user.id) });
    }
    return { status: 200, body: { ok: true } };
  });
}
