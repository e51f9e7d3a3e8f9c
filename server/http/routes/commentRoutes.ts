import type { Router } from '../Router';
import type { Services } from '../../services';
import { badRequest, fieldTooLarge, invalidField, notFound, tooManyRequests } from '../../errors';
import { isLang } from '@shared/bill/Lang';
import { readableDocument } from './documentRoutes';
import { withDocState } from '../../documents/documentContent';
import { currentQuote, decodeAnchor } from '../../documents/commentAnchors';
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
 * Comment threads on a document: everyone who may read it may comment, reply, resolve and reopen.
 * Every field has a size limit, a document a number of threads, a thread a number of replies, and
 * each user a number of comments per minute; a refused comment stores nothing.
 */
export function commentRoutes(router: Router, services: Services): void {
  const { config } = services;
  const perUser = new RateWindow(config.commentsPerMinute, 60_000);
  const checkRate = (userId: string) => {
    const seconds = perUser.wait(userId);
    if (seconds > 0) throw tooManyRequests(seconds, 'tooManyComments');
  };
  router.add('GET', '/api/documents/:id/comments', (ctx) => {
    const doc = readableDocument(services, ctx.user(), ctx.params.id ?? '');
    const all = services.comments.list(doc.id);
    const names = new Map(services.users.list().map((u) => [u.id, u.name]));
    const threads = withDocState(services, doc.id, (ydoc) =>
      all.filter((c) => c.id === c.threadId).map((first) => {
        const quote = currentQuote(ydoc, first.anchorStart, first.anchorEnd);
        return {
          id: first.id,
          lang: first.lang,
          quote: first.quote,
          currentQuote: quote,
          orphaned: quote === null || quote === '',
          anchorStart: first.anchorStart ? Buffer.from(first.anchorStart).toString('base64') : null,
          anchorEnd: first.anchorEnd ? Buffer.from(first.anchorEnd).toString('base64') : null,
          resolved: first.resolved,
          resolvedBy: first.resolvedBy ? { id: first.resolvedBy, name: names.get(first.resolvedBy) ?? '' } : null,
          resolvedAt: first.resolvedAt,
          comments: all.filter((c) => c.threadId === first.id).map((c) => ({ id: c.id, body: c.body, author: { id: c.authorId, name: names.get(c.authorId) ?? '' }, createdAt: c.createdAt })),
        };
      }),
    );
    return { status: 200, body: threads };
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
    return { status: 201, body: { id: reply.id } };
  });

  router.add('POST', '/api/documents/:id/comments/:threadId/resolve', async (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    const body = await ctx.json();
    if (typeof body.resolved !== 'boolean') throw invalidField('resolved');
    if (!services.comments.setResolved(doc.id, ctx.params.threadId ?? '', body.resolved, user.id)) throw notFound();
    return { status: 200, body: { ok: true } };
  });
}
