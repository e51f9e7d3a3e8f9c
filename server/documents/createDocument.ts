import * as Y from 'yjs';
import type { Services } from '../services';
import type { DocumentMeta, NewDocumentRecord } from '../storage/DocumentStore';
import type { User } from '../storage/UserStore';
import { META_MAP, readBilingualContent, writeBilingualContent, type BilingualContent } from '@shared/bill/yBill';
import { writeBlockRecords, type BlockRecord } from '@shared/layout';
import type { ParameterValues } from '@shared/bill/fillParameters';
import type { ParameterValue } from '@shared/bill/templateFormat';
import { ALIGNMENT_KEY, initialBaselines } from '@shared/bill/alignment';

/** What a new document is made of: its metadata (the creator aside) and its initial content. */
export interface NewDocument extends Omit<NewDocumentRecord, 'createdBy'> {
  /** Whole-document content per language (a template, an import, a blank bill), or blocks to copy as they are (a variant). */
  content: BilingualContent | BlockRecord[];
  /** Initial entries of the shared `meta` map. */
  meta?: Record<string, unknown>;
  /** Parameter values, kept in `meta.params` so a change reaches every occurrence. */
  params?: ParameterValues;
}

/** Stores the metadata and the initial Yjs state of a new document in one transaction. */
export function createDocument(services: Services, user: User, input: NewDocument): DocumentMeta {
  const ydoc = new Y.Doc();
  if (Array.isArray(input.content)) writeBlockRecords(ydoc, input.content);
  else writeBilingualContent(ydoc, input.content);
  const written = readBilingualContent(ydoc);
  const meta = ydoc.getMap(META_MAP);
  ydoc.transact(() => {
    meta.set('docType', input.docType);
    for (const [k, v] of Object.entries(input.meta ?? {})) meta.set(k, v);
    const params = new Y.Map<ParameterValue>();
    meta.set('params', params);
    for (const [k, v] of Object.entries(input.params ?? {})) params.set(k, v);
    // Both languages of a new document start in step.
    const alignment = new Y.Map<unknown>();
    meta.set(ALIGNMENT_KEY, alignment);
    for (const [id, baseline] of Object.entries(initialBaselines(written.en, written.es, user.name))) alignment.set(id, baseline);
  });
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return services.db.transaction(() => {
    const doc = services.documents.create({ ...input, createdBy: user.id });
    services.updates.append(doc.id, state, user.id);
    services.audit.record('document.create', user.id, doc.id, { kind: input.kind, templateId: input.templateId, jurisdiction: input.jurisdiction });
    return doc;
  })();
}
