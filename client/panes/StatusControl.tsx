import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import type { DocumentSummary, SessionUser } from '../app/types';

const STATUSES = ['draft', 'review', 'final'] as const;

/** Moves a document through draft, in review and final; a final document is read-only except for admins. */
export function StatusControl({ doc, user, onChanged, onError }: { doc: DocumentSummary; user: SessionUser; onChanged: (d: DocumentSummary) => void; onError: (m: string) => void }) {
  const { t } = useTranslation();
  const editable = doc.canWrite && (doc.status !== 'final' || user.role === 'admin');
  if (!editable) return <span className={`status status-${doc.status}`} data-testid="doc-status">{t(`documents.status.${doc.status}`)}</span>;
  return (
    <select
      value={doc.status}
      aria-label={t('documents.columns.status')}
      data-testid="doc-status"
      onChange={(e) => {
        const status = e.target.value;
        if (status === 'final' && !window.confirm(t('status.confirmFinal'))) return;
        api<DocumentSummary>(`/api/documents/${doc.id}/status`, { method: 'POST', body: { status } })
          .then(onChanged)
          .catch((err: unknown) => onError(err instanceof ApiError ? err.message : t('errors:internal')));
      }}
    >
      {STATUSES.filter((s) => s !== 'final' || user.role === 'admin' || user.role === 'drafter').map((s) => <option key={s} value={s}>{t(`documents.status.${s}`)}</option>)}
    </select>
  );
}
