import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from './api';
import type { DocumentSummary, SessionUser } from './types';
import { navigate } from './navigation';
import { formatDateTime } from './format';
import { NewModelForm, NewVariantForm } from './NewDocumentForms';
import type { Jurisdiction } from '@shared/bill/templateFormat';
import { isLang } from '@shared/bill/Lang';

function DocRow({ doc, depth, jurisdictionName }: { doc: DocumentSummary; depth: 0 | 1; jurisdictionName?: string }) {
  const { t, i18n } = useTranslation();
  const ui = isLang(i18n.language) ? i18n.language : 'en';
  return (
    <tr className={depth ? 'variant-row' : 'model-row'} data-testid={depth ? 'variant-row' : 'model-row'}>
      <td>
        <a href={`/documents/${doc.id}`} onClick={(e) => { e.preventDefault(); navigate(`/documents/${doc.id}`); }} data-testid="document-link">
          {depth ? `↳ ${doc.jurisdiction ?? ''}${jurisdictionName ? ` — ${jurisdictionName}` : ''}` : doc.title[ui]}
        </a>
      </td>
      <td>{t(`documents.kind.${doc.kind}`)}{doc.docType === 'mou' ? ` · ${t('documents.mou')}` : ''}</td>
      <td><span className={`status status-${doc.status}`}>{t(`documents.status.${doc.status}`)}</span></td>
      <td>{formatDateTime(doc.updatedAt)}</td>
      <td>
        {doc.presence.map((p) => (
          <span key={p.id} className="presence-chip"><span className="presence-dot" style={{ background: p.color }} />{p.name}</span>
        ))}
      </td>
    </tr>
  );
}

/** The dashboard: model acts, each with its variants by jurisdiction, status, last change and who is in it now. */
export function DocumentListPage({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const ui = isLang(i18n.language) ? i18n.language : 'en';
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [jurisdictions, setJurisdictions] = useState<Jurisdiction[]>([]);
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
    api<Jurisdiction[]>('/api/jurisdictions').then(setJurisdictions).catch(() => setJurisdictions([]));
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

  const models = (docs ?? []).filter((d) => d.kind === 'model');
  const orphans = (docs ?? []).filter((d) => d.kind === 'variant' && !models.some((m) => m.id === d.modelId));
  const mayCreate = user.role !== 'reviewer';
  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('documents.title')}</h1>
        <div className="page-actions">
          {mayCreate && <NewModelForm onError={setError} />}
          {mayCreate && <button type="button" onClick={() => void createBlank()} data-testid="new-document">{t('documents.newBlank')}</button>}
          <button type="button" onClick={() => navigate('/compare')} data-testid="open-compare">{t('documents.compare')}</button>
        </div>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {docs === null && !error && <p className="muted">{t('common.loading')}</p>}
      {docs?.length === 0 && <p className="muted">{t('documents.empty')}</p>}
      {models.map((model) => {
        const variants = (docs ?? []).filter((d) => d.modelId === model.id).sort((a, b) => (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? ''));
        return (
          <section key={model.id} className="model-group" data-testid="model-group">
            <table className="doc-table">
              <thead>
                <tr>
                  <th>{t('documents.columns.title')}</th>
                  <th>{t('documents.columns.kind')}</th>
                  <th>{t('documents.columns.status')}</th>
                  <th>{t('documents.columns.updated')}</th>
                  <th>{t('documents.columns.presence')}</th>
                </tr>
              </thead>
              <tbody>
                <DocRow doc={model} depth={0} />
                {variants.map((v) => <DocRow key={v.id} doc={v} depth={1} jurisdictionName={jurisdictions.find((j) => j.code === v.jurisdiction)?.name[ui]} />)}
              </tbody>
            </table>
            {mayCreate && <NewVariantForm model={model} user={user} jurisdictions={jurisdictions} onError={setError} />}
          </section>
        );
      })}
      {orphans.length > 0 && (
        <table className="doc-table"><tbody>{orphans.map((v) => <DocRow key={v.id} doc={v} depth={1} />)}</tbody></table>
      )}
    </main>
  );
}
