import type { Router } from '../Router';
import type { Services } from '../../services';
import { invalidField, notFound } from '../../errors';
import { isLang } from '@shared/bill/Lang';
import { readableDocument } from './documentRoutes';
import { withDocState } from '../../documents/documentContent';
import { currentQuote, decodeAnchor } from '../../documents/commentAnchors';

const text = (value: unknown, field: string, max: number) => {
  if (typeof value !== 'string' || !value.trim() || value.length > max) throw invalidField(field);
  return value.trim();
};

/** Comment threads on a document: everyone who may read it may comment, reply, resolve and reopen. */
export function commentRoutes(router: Router, services: Services): void {
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
    const body = await ctx.json();
    if (!isLang(body.lang)) throw invalidField('lang');
    let anchorStart: Uint8Array;
    let anchorEnd: Uint8Array;
    try {
      anchorStart = decodeAnchor(String(body.anchorStart ?? ''));
      anchorEnd = decodeAnchor(String(body.anchorEnd ?? ''));
    } catch {
      throw invalidField('anchor');
    }
    const quote = typeof body.quote === 'string' ? body.quote.slice(0, 2000) : '';
    const comment = services.comments.startThread(doc.id, { lang: body.lang, anchorStart, anchorEnd, quote, body: text(body.body, 'body', 10_000), authorId: user.id });
    services.audit.record('comment.create', user.id, doc.id, { threadId: comment.id });
    return { status: 201, body: { id: comment.id } };
  });

  router.add('POST', '/api/documents/:id/comments/:threadId/replies', async (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    const body = await ctx.json();
    const reply = services.comments.reply(doc.id, ctx.params.threadId ?? '', text(body.body, 'body', 10_000), user.id);
    if (!reply) throw notFound();
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
