/** The signed-in user as the API returns it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'drafter' | 'reviewer';
  jurisdictions: string[];
}

/** A document as listed by the API. */
export interface DocumentSummary {
  id: string;
  kind: 'model' | 'variant';
  docType: 'act' | 'mou';
  templateId: string | null;
  title: { en: string; es: string };
  jurisdiction: string | null;
  modelId: string | null;
  status: 'draft' | 'review' | 'final';
  createdAt: string;
  updatedAt: string;
  canWrite: boolean;
  /** Why the caller may not edit, when they may not. */
  readOnlyReason: 'disabled' | 'reviewer' | 'final' | 'jurisdiction' | null;
  /** When the document got its current status, and who set it. */
  statusChange: { at: string; by: string } | null;
  presence: { id: string; name: string; color: string }[];
}
