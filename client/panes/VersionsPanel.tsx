import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { navigate } from '../app/navigation';
import { formatDateTime } from '../app/format';

interface Version { id: string; name: string; createdAt: string; createdBy: string; createdByName: string }

/** Named versions of a document: save the current state, compare a version with now, restore it. */
export function VersionsPanel({ docId, editable }: { docId: string; editable: boolean }) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<Version[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<Version[]>(`/api/documents/${docId}/versions`).then(setVersions).catch(() => setVersions([]));
  }, [docId]);
  useEffect(load, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await api(`/api/documents/${docId}/versions`, { method: 'POST', body: { name } });
      setName('');
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }
  async function restore(v: Version) {
    if (!window.confirm(t('versions.confirmRestore', { name: v.name }))) return;
    try {
      await api(`/api/documents/${docId}/versions/${v.id}/restore`, { method: 'POST', body: {} });
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }

  return (
    <section className="side-panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title')}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {editable && (
        <form onSubmit={save} className="version-form">
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('versions.namePlaceholder')} required maxLength={200} aria-label={t('versions.name')} />
          <button type="submit">{t('versions.save')}</button>
        </form>
      )}
      {versions.length === 0 && <p className="muted small">{t('versions.none')}</p>}
      <ul className="version-list">
        {[...versions].reverse().map((v) => (
          <li key={v.id}>
            <div><strong>{v.name}</strong> <span className="muted small">{v.createdByName} · {formatDateTime(v.createdAt)}</span></div>
            <button type="button" className="link-button" onClick={() => navigate(`/documents/${docId}/versions/${v.id}`)} data-testid="open-version">{t('versions.open')}</button>
            <button type="button" className="link-button" onClick={() => navigate(`/compare?left=${docId}@${v.id}&right=${docId}`)}>{t('versions.compare')}</button>
            {editable && <button type="button" className="link-button" onClick={() => void restore(v)}>{t('versions.restore')}</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
