import type { User } from '../storage/UserStore';
import type { DocumentMeta } from '../storage/DocumentStore';

/** Everyone signed in reads every document: drafters read other states' variants, reviewers read all. */
export function canRead(user: User, _doc: DocumentMeta): boolean {
  return !user.disabled;
}

/**
 * Admins edit everything; drafters edit model acts and the variants of their jurisdictions;
 * reviewers edit nothing. A final document is read-only except for admins.
 */
export function canWrite(user: User, doc: DocumentMeta): boolean {
  if (user.disabled) return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'drafter') return false;
  if (doc.status === 'final') return false;
  if (doc.kind === 'model') return true;
  return doc.jurisdiction !== null && user.jurisdictions.includes(doc.jurisdiction);
}

/** Who may create documents: admins and drafters (variants only for their jurisdictions). */
export function canCreate(user: User, jurisdiction: string | null): boolean {
  if (user.disabled) return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'drafter') return false;
  return jurisdiction === null || user.jurisdictions.includes(jurisdiction);
}
