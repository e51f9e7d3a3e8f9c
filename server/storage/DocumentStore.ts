import { randomUUID } from 'node:crypto';
import type { Db } from './openDatabase';

/** A model act, or a jurisdiction's variant of one. */
export type DocumentKind = 'model' | 'variant';
/** Acts and memorandums of understanding are numbered differently. */
export type DocumentType = 'act' | 'mou';
/** Where a document is in its life. */
export type DocumentStatus = 'draft' | 'review' | 'final';

/** A document's metadata, as served by GET /api/documents/:id. */
export interface DocumentMeta {
  id: string;
  kind: DocumentKind;
  docType: DocumentType;
  templateId: string | null;
  title: { en: string; es: string };
  jurisdiction: string | null;
  modelId: string | null;
  modelVersion: string | null;
  status: DocumentStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What a new document's metadata is made of; the store sets the rest. */
export type NewDocumentRecord = Omit<DocumentMeta, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

interface DocumentRow {
  id: string;
  kind: DocumentKind;
  doc_type: DocumentType;
  template_id: string | null;
  title_en: string;
  title_es: string;
  jurisdiction: string | null;
  model_id: string | null;
  model_version: string | null;
  status: DocumentStatus;
  created_by: string;
  created_at: number;
  updated_at: number;
}

function toMeta(row: DocumentRow): DocumentMeta {
  return {
    id: row.id,
    kind: row.kind,
    docType: row.doc_type,
    templateId: row.template_id,
    title: { en: row.title_en, es: row.title_es },
    jurisdiction: row.jurisdiction,
    modelId: row.model_id,
    modelVersion: row.model_version,
    status: row.status,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Document ids are UUIDs; anything else is rejected before it reaches SQL or a room. */
export const DOCUMENT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Document metadata in SQLite (the content lives in UpdateStore). */
export class DocumentStore {
  constructor(private readonly db: Db) {}

  create(input: NewDocumentRecord): DocumentMeta {
    const id = randomUUID();
    const now = Date.now();
    this.db
      .prepare(
        `INSERT INTO documents (id, kind, doc_type, template_id, title_en, title_es, jurisdiction, model_id, model_version, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.kind, input.docType, input.templateId, input.title.en, input.title.es, input.jurisdiction, input.modelId, input.modelVersion, input.createdBy, now, now);
    const meta = this.get(id);
    if (!meta) throw new Error('document vanished after insert');
    return meta;
  }

  get(id: string): DocumentMeta | undefined {
    if (!DOCUMENT_ID_PATTERN.test(id)) return undefined;
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
    return row && toMeta(row);
  }

  list(): DocumentMeta[] {
    return (this.db.prepare('SELECT * FROM documents ORDER BY updated_at DESC').all() as DocumentRow[]).map(toMeta);
  }

  touch(id: string, at = Date.now()): void {
    this.db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?').run(at, id);
  }

  setStatus(id: string, status: DocumentStatus): void {
    this.db.prepare('UPDATE documents SET status = ?, updated_at = ? WHERE id = ?').run(status, Date.now(), id);
  }
}
