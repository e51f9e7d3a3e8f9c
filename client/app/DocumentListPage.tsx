import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from './api';
import type { DocumentSummary, SessionUser } from './types';
import { navigate } from './navigation';
import { formatDateTime } from './format';
import { isLang } from '@shared/bill/Lang';

/** The documents the user may read, and a button to start a new one. */
export function DocumentListPage({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'en';
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDocs(await api<DocumentSummary[]>('/api/documents'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }, [t]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, [load]);

  async function createBlank() {
    try {
      const doc = await api<DocumentSummary>('/api/documents', { method: 'POST', body: { title: { en: t('documents.untitledEn'), es: t('documents.untitledEs') } } });
      navigate(`/documents/${doc.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }

  const mayCreate = user.role !== 'reviewer';
  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('documents.title')}</h1>
        {mayCreate && (
          <button type="button" className="primary" onClick={() => void createBlank()} data-testid="new-document">
            {t('documents.newBlank')}
          </button>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {docs === null && !error && <p className="muted">{t('common.loading')}</p>}
      {docs?.length === 0 && <p className="muted">{t('documents.empty')}</p>}
      {docs && docs.length > 0 && (
        <table className="doc-table">
          <thead>
            <tr>
              <th>{t('documents.columns.title')}</th>
              <th>{t('documents.columns.kind')}</th>
              <th>{t('documents.columns.jurisdiction')}</th>
              <th>{t('documents.columns.status')}</th>
              <th>{t('documents.columns.updated')}</th>
              <th>{t('documents.columns.presence')}</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={`/documents/${d.id}`} onClick={(e) => { e.preventDefault(); navigate(`/documents/${d.id}`); }} data-testid="document-link">
                    {d.title[lang]}
                  </a>
                </td>
                <td>{t(`documents.kind.${d.kind}`)}</td>
                <td>{d.jurisdiction ?? '—'}</td>
                <td><span className={`status status-${d.status}`}>{t(`documents.status.${d.status}`)}</span></td>
                <td>{formatDateTime(d.updatedAt)}</td>
                <td>
                  {d.presence.map((p) => (
                    <span key={p.id} className="presence-dot" style={{ background: p.color }} title={p.name} />
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
