import type { Router } from '../Router';
import type { Services } from '../../services';
import type { DocumentMeta } from '../../storage/DocumentStore';
import type { User } from '../../storage/UserStore';
import { forbidden, invalidField, notFound } from '../../errors';
import { canCreate, canRead, canWrite } from '../../auth/permissions';
import { createDocument } from '../../documents/createDocument';
import { documentContent } from '../../documents/documentContent';
import { emptyBill } from '@shared/bill/emptyBill';

/** A document as listed to a user: its metadata, what the user may do, who is in it now. */
function view(services: Services, user: User, doc: DocumentMeta) {
  return {
    ...doc,
    canWrite: canWrite(user, doc),
    presence: services.rooms.get(doc.id)?.presence().map((p) => ({ id: p.id, name: p.name, color: p.color })) ?? [],
  };
}

/** Looks up a document the user may read, or throws 404 / 403. */
export function readableDocument(services: Services, user: User, id: string): DocumentMeta {
  const doc = services.documents.get(id);
  if (!doc) throw notFound('document_not_found', 'documentNotFound', { id });
  if (!canRead(user, doc)) throw forbidden();
  return doc;
}

function optionalTitle(value: unknown): { en: string; es: string } | null {
  if (value === undefined) return null;
  if (typeof value === 'string' && value.trim() && value.length <= 300) return { en: value.trim(), es: value.trim() };
  if (value && typeof value === 'object') {
    const { en, es } = value as Record<string, unknown>;
    if (typeof en === 'string' && typeof es === 'string' && en.trim() && es.trim() && en.length <= 300 && es.length <= 300) {
      return { en: en.trim(), es: es.trim() };
    }
  }
  throw invalidField('title');
}

/** Documents: list, create, metadata and content (../shared/CONTRACT.md). */
export function documentRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/documents', (ctx) => {
    const user = ctx.user();
    return { status: 200, body: services.documents.list().filter((d) => canRead(user, d)).map((d) => view(services, user, d)) };
  });

  router.add('POST', '/api/documents', async (ctx) => {
    const user = ctx.user();
    const body = await ctx.json();
    if (!canCreate(user, null)) throw forbidden();
    const title = optionalTitle(body.title) ?? { en: 'Untitled bill', es: 'Proyecto sin título' };
    const doc = createDocument(services, user, {
      kind: 'model', docType: 'act', templateId: null, title, jurisdiction: null, modelId: null, modelVersion: null,
      content: emptyBill(title),
    });
    return { status: 201, body: view(services, user, doc) };
  });

  router.add('GET', '/api/documents/:id', (ctx) => {
    const user = ctx.user();
    return { status: 200, body: view(services, user, readableDocument(services, user, ctx.params.id ?? '')) };
  });

  router.add('GET', '/api/documents/:id/content', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    return { status: 200, body: documentContent(services, doc.id) };
  });
}
