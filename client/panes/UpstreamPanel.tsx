import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import type { ComparedParagraph } from '@shared/compare/compareSections';
import type { Lang } from '@shared/bill/Lang';
import { Redline } from './Redline';

interface UpstreamSection {
  id: string;
  state: 'clean' | 'conflict' | 'added' | 'removed';
  label: string;
  heading: string;
  modelChanges: ComparedParagraph[];
  variantChanged: boolean;
}

/** What the last "take all" did, kept so it can be undone from the panel. */
interface TakenAll { sections: string[]; version: { id: string; name: string } }

/**
 * For a variant: what the model changed since the variant was made, each change named by its
 * section's number and heading; taking it section by section, or every clean change at once
 * (the server saves a named version first, and "Undo" puts those sections back as they were).
 */
export function UpstreamPanel({ docId, lang, editable, labelOf }: { docId: string; lang: Lang; editable: boolean; labelOf?: (id: string) => string }) {
  const { t } = useTranslation();
  const [sections, setSections] = useState<UpstreamSection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [taken, setTaken] = useState<TakenAll | null>(null);
  const [undone, setUndone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [mou, setMou] = useState(false);
  const context = mou ? 'mou' : undefined;
  const load = useCallback(() => {
    api<{ sections: UpstreamSection[]; docType: string }>(`/api/documents/${docId}/upstream?lang=${lang}`)
      .then((r) => {
        setSections(r.sections);
        setMou(r.docType === 'mou');
      })
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errors:internal')));
  }, [docId, lang, t]);
  useEffect(load, [load]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    } finally {
      setBusy(false);
      load();
    }
  }

  const take = (s: UpstreamSection) => {
    if (s.state === 'conflict' && !window.confirm(t('upstream.confirmConflict'))) return;
    void run(async () => {
      await api(`/api/documents/${docId}/upstream/${encodeURIComponent(s.id)}/apply`, { method: 'POST', body: {} });
      setTaken(null);
      setUndone(null);
    });
  };
  const takeAll = () => void run(async () => {
    const r = await api<{ sections: string[]; version: TakenAll['version'] | null }>(`/api/documents/${docId}/upstream/apply-clean`, { method: 'POST', body: {} });
    setUndone(null);
    setTaken(r.version ? { sections: r.sections, version: r.version } : null);
  });
  const undo = (done: TakenAll) => void run(async () => {
    await api(`/api/documents/${docId}/upstream/undo`, { method: 'POST', body: { versionId: done.version.id, sections: done.sections } });
    setTaken(null);
    setUndone(done.sections.length);
  });

  const clean = sections?.filter((s) => !s.variantChanged).length ?? 0;
  // The live number where the variant has the section (it follows moves at once), else the server's
  // (a caller's label that is only the id back means the variant does not show the section).
  const number = (s: UpstreamSection) => {
    const live = labelOf?.(s.id);
    return live && live !== s.id ? live : s.label;
  };
  return (
    <section className="side-panel" aria-labelledby="upstream-title" data-testid="upstream-panel">
      <h2 id="upstream-title">{t('upstream.title')}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {taken && (
        <p className="upstream-done" role="status" data-testid="upstream-taken">
          {t('upstream.tookAll', { count: taken.sections.length, name: taken.version.name, context })}{' '}
          {editable && <button type="button" className="link-button" disabled={busy} onClick={() => undo(taken)} data-testid="upstream-undo">{t('upstream.undo')}</button>}
        </p>
      )}
      {undone !== null && <p className="upstream-done" role="status" data-testid="upstream-undone">{t('upstream.undone', { count: undone, context })}</p>}
      {sections?.length === 0 && <p className="muted small">{t('upstream.none')}</p>}
      {editable && clean > 0 && (
        <div className="upstream-all">
          <button type="button" disabled={busy} onClick={takeAll} data-testid="upstream-take-all">{t('upstream.takeAll', { count: clean })}</button>
          <p className="muted small">{t('upstream.takeAllHint')}</p>
        </div>
      )}
      <ul className="align-list">
        {sections?.map((s) => (
          <li key={s.id} data-testid={`upstream-${s.id}`} data-state={s.state}>
            <div className="upstream-name" data-testid="upstream-name">
              <strong className="outline-num">{number(s)}</strong> <span>{s.heading || t('outline.untitled')}</span>
            </div>
            <span className={`cmp-badge cmp-badge-${s.state === 'conflict' ? 'changed' : s.state === 'removed' ? 'removed' : 'added'}`}>{t(`upstream.state.${s.state}`)}</span>
            <div className="mini-redline">
              {s.modelChanges.filter((p) => p.changes.some((c) => c.type === 'insert' || c.type === 'delete')).map((p, i) => <p key={i}><Redline changes={p.changes} /></p>)}
            </div>
            {editable && <button type="button" className="link-button" disabled={busy} onClick={() => take(s)} data-testid={`take-${s.id}`}>{t('upstream.take')}</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
