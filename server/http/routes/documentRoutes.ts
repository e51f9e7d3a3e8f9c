import type { Router } from '../Router';
import type { Services } from '../../services';
import type { DocumentMeta } from '../../storage/DocumentStore';
import type { User } from '../../storage/UserStore';
import { forbidden, invalidField, notFound } from '../../errors';
import { canCreate, canRead, canWrite, readOnlyReason } from '../../auth/permissions';
import { createDocument } from '../../documents/createDocument';
import { documentContent } from '../../documents/documentContent';
import { emptyBill } from '@shared/bill/emptyBill';
import { revalidateConnections } from '../../auth/revalidateConnections';
import { createModelFromTemplate, createVariant } from '../../documents/createFromTemplate';

/** When the document got its current status, and who set it (from the audit log). */
function statusChange(services: Services, docId: string): { at: string; by: string } | null {
  const last = services.audit.latest('document.status', docId);
  return last ? { at: last.at, by: (last.userId && services.users.byId(last.userId)?.name) || '' } : null;
}

/** A document as listed to a user: its metadata, what the user may do, who is in it now. */
function view(services: Services, user: User, doc: DocumentMeta) {
  return {
    ...doc,
    canWrite: canWrite(user, doc),
    readOnlyReason: readOnlyReason(user, doc),
    statusChange: statusChange(services, doc.id),
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
    if (body.templateId !== undefined) {
      if (typeof body.templateId !== 'string') throw invalidField('templateId');
      return { status: 201, body: view(services, user, createModelFromTemplate(services, user, body.templateId)) };
    }
    if (body.modelId !== undefined || body.jurisdiction !== undefined) {
      if (typeof body.modelId !== 'string') throw invalidField('modelId');
      if (typeof body.jurisdiction !== 'string') throw invalidField('jurisdiction');
      if (body.counterpart !== undefined && body.counterpart !== null && typeof body.counterpart !== 'string') throw invalidField('counterpart');
      const counterpart = typeof body.counterpart === 'string' && body.counterpart ? body.counterpart : undefined;
      return { status: 201, body: view(services, user, createVariant(services, user, body.modelId, body.jurisdiction, counterpart)) };
    }
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

  router.add('POST', '/api/documents/:id/status', async (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    const { status } = await ctx.json();
    if (status !== 'draft' && status !== 'review' && status !== 'final') throw invalidField('status');
    // Drafters move their documents forward; only an admin may reopen a final document.
    if (!canWrite(user, doc)) throw forbidden();
    services.documents.setStatus(doc.id, status);
    services.audit.record('document.status', user.id, doc.id, { from: doc.status, to: status });
    revalidateConnections(services, (c) => c.docId === doc.id);
    return { status: 200, body: view(services, user, readableDocument(services, user, doc.id)) };
  });

  router.add('GET', '/api/documents/:id/content', (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    return { status: 200, body: documentContent(services, doc.id) };
  });
}
