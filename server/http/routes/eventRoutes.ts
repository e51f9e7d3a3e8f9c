import type { Router } from '../Router';
import type { Services } from '../../services';
import type { RequestContext } from '../RequestContext';
import { invalidField, unauthenticated } from '../../errors';
import { readableDocument } from './documentRoutes';
import { notificationView } from '../../documents/commentEvents';

/** Answers with an event stream for the signed-in caller, following `docId` (or only their notifications). */
function openStream(services: Services, ctx: RequestContext, docId: string | null): void {
  const user = ctx.user();
  if (docId !== null) readableDocument(services, user, docId);
  const token = ctx.token();
  const live = token ? services.sessions.live(token) : undefined;
  if (!token || !live) throw unauthenticated();
  services.events.open(ctx.res, { userId: user.id, token, docId, expiresAt: live.expiresAt });
}

/**
 * Server-Sent Events, so changes arrive at once without polling: `GET /api/documents/:id/events`
 * carries `comments` (a thread that changed, as the caller sees it) and `versions` (a version was
 * kept) for that document, and both it and `GET /api/events` carry the caller's `notification` and
 * `notificationsRead`. Notifications: `GET /api/notifications`, `POST /api/notifications/read`.
 */
export function eventRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/documents/:id/events', (ctx) => openStream(services, ctx, ctx.params.id ?? ''));
  router.add('GET', '/api/events', (ctx) => openStream(services, ctx, null));

  router.add('GET', '/api/notifications', (ctx) => {
    const user = ctx.user();
    return {
      status: 200,
      body: { unread: services.notifications.unreadCount(user.id), items: services.notifications.recent(user.id).map((n) => notificationView(services, n)) },
    };
  });

  // Marks the given notifications read ({ids}), or all of them ({}).
  router.add('POST', '/api/notifications/read', async (ctx) => {
    const user = ctx.user();
    const { ids } = await ctx.json();
    if (ids !== undefined && (!Array.isArray(ids) || ids.length > 1000 || ids.some((id) => typeof id !== 'string'))) throw invalidField('ids');
    services.notifications.markRead(user.id, ids as string[] | undefined);
    const unread = services.notifications.unreadCount(user.id);
    services.events.toUser(user.id, 'notificationsRead', { unread });
    return { status: 200, body: { unread } };
  });
}
