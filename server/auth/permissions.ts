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

/** Why a user may not edit a document: their role, its status, or their jurisdictions. */
export type ReadOnlyReason = 'disabled' | 'reviewer' | 'final' | 'jurisdiction';

/** Why `user` may not edit `doc`, or null when they may. */
export function readOnlyReason(user: User, doc: DocumentMeta): ReadOnlyReason | null {
  if (canWrite(user, doc)) return null;
  if (user.disabled) return 'disabled';
  if (user.role !== 'drafter') return 'reviewer';
  if (doc.status === 'final') return 'final';
  return 'jurisdiction';
}

/** Whether the user would edit `doc` but for its final status: offline edits of theirs are held, not dropped. */
export function writesUnlessFinal(user: User, doc: DocumentMeta): boolean {
  return canWrite(user, { ...doc, status: 'draft' });
}
