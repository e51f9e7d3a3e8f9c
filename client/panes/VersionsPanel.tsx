import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { navigate } from '../app/navigation';
import { formatDateTime } from '../app/format';
import { subscribeEvents } from '../app/eventStream';

/** A version as GET /api/documents/:id/versions?include=automatic lists it. */
interface Version {
  id: string;
  name: string;
  kind: 'named' | 'automatic' | 'beforeRestore';
  createdAt: string;
  createdBy: string;
  createdByName: string;
  restoredVersion: string | null;
  editors: { id: string; name: string }[];
}

/**
 * Versions of a document: save the current state under a name, compare a version with now, restore
 * it. Restoring keeps the current text first as a version, and "Undo restore" on that version
 * brings it back. Automatic versions (kept by the server after bursts of editing) are listed on
 * request. The list follows new versions as they are kept.
 */
export function VersionsPanel({ docId, editable }: { docId: string; editable: boolean }) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<Version[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; undo: Version } | null>(null);
  const [showAutomatic, setShowAutomatic] = useState(false);
  const load = useCallback(() => {
    api<Version[]>(`/api/documents/${docId}/versions?include=automatic`).then(setVersions).catch(() => setVersions([]));
  }, [docId]);
  useEffect(() => {
    load();
    return subscribeEvents(`/api/documents/${encodeURIComponent(docId)}/events`, { events: { versions: load } });
  }, [docId, load]);
  const nameOf = (id: string | null) => versions.find((v) => v.id === id)?.name ?? '';

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

  async function restore(v: Version, question: string) {
    if (!window.confirm(question)) return;
    try {
      const { before } = await api<{ before: Version }>(`/api/documents/${docId}/versions/${v.id}/restore`, { method: 'POST', body: {} });
      setNotice({ text: t('versions.restored', { name: v.name, before: before.name }), undo: before });
      setError(null);
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }
  const undo = (v: Version) => restore(v, t('versions.confirmUndo', { name: nameOf(v.restoredVersion) }));

  const automatic = versions.filter((v) => v.kind === 'automatic').length;
  const shown = [...versions].reverse().filter((v) => showAutomatic || v.kind !== 'automatic');
  return (
    <section className="side-panel" aria-labelledby="versions-title" data-testid="versions-panel">
      <h2 id="versions-title">{t('versions.title')}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && (
        <p className="notice small" role="status" data-testid="restore-notice">
          {notice.text}{' '}
          {editable && <button type="button" className="link-button" onClick={() => void undo(notice.undo)}>{t('versions.undoRestore')}</button>}
        </p>
      )}
      {editable && (
        <form onSubmit={save} className="version-form">
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('versions.namePlaceholder')} required maxLength={200} aria-label={t('versions.name')} />
          <button type="submit">{t('versions.save')}</button>
        </form>
      )}
      {shown.length === 0 && <p className="muted small">{t('versions.none')}</p>}
      <ul className="version-list">
        {shown.map((v) => (
          <li key={v.id} data-testid="version-item" data-kind={v.kind} className={`version-${v.kind}`}>
            <div>
              <strong>{v.name}</strong>{' '}
              <span className="muted small">
                {v.kind === 'automatic'
                  ? (v.editors.length ? t('versions.editedBy', { names: v.editors.map((p) => p.name).join(', '), when: formatDateTime(v.createdAt) }) : formatDateTime(v.createdAt))
                  : t('versions.savedBy', { who: v.createdByName, when: formatDateTime(v.createdAt) })}
              </span>
            </div>
            <button type="button" className="link-button" onClick={() => navigate(`/documents/${docId}/versions/${v.id}`)} data-testid="open-version">{t('versions.open')}</button>
            <button type="button" className="link-button" onClick={() => navigate(`/compare?left=${docId}@${v.id}&right=${docId}`)}>{t('versions.compare')}</button>
            {editable && v.kind === 'beforeRestore' && (
              <button type="button" className="link-button" onClick={() => void undo(v)} data-testid="undo-restore">{t('versions.undoRestore')}</button>
            )}
            {editable && v.kind !== 'beforeRestore' && (
              <button type="button" className="link-button" onClick={() => void restore(v, t('versions.confirmRestore', { name: v.name }))} data-testid="restore-version">{t('versions.restore')}</button>
            )}
          </li>
        ))}
      </ul>
      {automatic > 0 && (
        <button type="button" className="link-button small" onClick={() => setShowAutomatic(!showAutomatic)} data-testid="toggle-automatic">
          {showAutomatic ? t('versions.hideAutomatic') : t('versions.showAutomatic', { count: automatic })}
        </button>
      )}
    </section>
  );
}
