import * as Y from 'yjs';
import type { Services } from '../services';
import type { User } from '../storage/UserStore';
import type { DocumentMeta } from '../storage/DocumentStore';
import { notFound } from '../errors';
import { readBilingualContent, type BilingualContent } from '@shared/bill/yBill';
import { readableDocument } from '../http/routes/documentRoutes';
import { documentContent } from './documentContent';

/** A document, or one of its named versions, as the comparison and export see it. */
export interface ResolvedRef {
  doc: DocumentMeta;
  versionId: string | null;
  content: BilingualContent;
}

/** The content of a saved version (a full Yjs state). */
export function versionContent(services: Services, docId: string, versionId: string): BilingualContent {
  const state = services.versions.state(docId, versionId);
  if (!state) throw notFound('version_not_found', 'versionNotFound', { id: versionId });
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return readBilingualContent(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/** Resolves `<documentId>` or `<documentId>@<versionId>` for a user who must be allowed to read it. */
export function resolveRef(services: Services, user: User, ref: string): ResolvedRef {
  const [docId = '', versionId] = ref.split('@');
  const doc = readableDocument(services, user, docId);
  return { doc, versionId: versionId ?? null, content: versionId ? versionContent(services, doc.id, versionId) : documentContent(services, doc.id) };
}
