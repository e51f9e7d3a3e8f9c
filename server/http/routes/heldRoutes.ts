import type { Router } from '../Router';
import type { Services } from '../../services';
import { forbidden } from '../../errors';
import { readableDocument } from './documentRoutes';
import { discardHeld, listHeld, suggestHeld } from '../../documents/heldEdits';

/**
 * Edits held because the document had become final: listed to admins (all) and to their authors
 * (their own), turned into suggestions by an admin, or discarded by their author or an admin.
 */
export function heldRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/documents/:id/held', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    return { status: 200, body: listHeld(services, doc.id, user) };
  });

  router.add('POST', '/api/documents/:id/held/:heldId/suggest', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    if (user.role !== 'admin') throw forbidden();
    suggestHeld(services, doc.id, ctx.params.heldId ?? '', user.id);
    return { status: 200, body: listHeld(services, doc.id, user) };
  });

  router.add('DELETE', '/api/documents/:id/held/:heldId', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    discardHeld(services, doc.id, ctx.params.heldId ?? '', user);
    return { status: 200, body: listHeld(services, doc.id, user) };
  });
}
