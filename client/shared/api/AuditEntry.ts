/** One line of the audit log, as the server stores and serves it (GET /api/audit). */
export interface AuditEntry {
  id: number;
  at: string;
  userId: string | null;
  action: string;
  docId: string | null;
  detail: Record<string, unknown>;
}
