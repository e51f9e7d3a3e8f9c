import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import type { Change } from '@shared/compare/compareSections';
import type { Lang } from '@shared/bill/Lang';
import { Redline } from './Redline';

interface UpstreamSection {
  id: string;
  state: 'clean' | 'conflict' | 'added' | 'removed';
  modelChanges: { level: number; changes: Change[] }[];
  variantChanged: boolean;
}

/** For a variant: what the model changed since the variant was made, and taking it section by section. */
export function UpstreamPanel({ docId, lang, editable, labelOf }: { docId: string; lang: Lang; editable: boolean; labelOf: (id: string) => string }) {
  const { t } = useTranslation();
  const [sections, setSections] = useState<UpstreamSection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<{ sections: UpstreamSection[] }>(`/api/documents/${docId}/upstream?lang=${lang}`)
      .then((r) => setSections(r.sections))
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errors:internal')));
  }, [docId, lang, t]);
  useEffect(load, [load]);

  async function take(s: UpstreamSection) {
    if (s.state === 'conflict' && !window.confirm(t('upstream.confirmConflict'))) return;
    try {
      await api(`/api/documents/${docId}/upstream/${encodeURIComponent(s.id)}/apply`, { method: 'POST', body: {} });
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }

  return (
    <section className="side-panel" aria-labelledby="upstream-title" data-testid="upstream-panel">
      <h2 id="upstream-title">{t('upstream.title')}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {sections?.length === 0 && <p className="muted small">{t('upstream.none')}</p>}
      <ul className="align-list">
        {sections?.map((s) => (
          <li key={s.id} data-testid={`upstream-${s.id}`} data-state={s.state}>
            <strong className="outline-num">{labelOf(s.id)}</strong> <span className={`cmp-badge cmp-badge-${s.state === 'conflict' ? 'changed' : s.state === 'removed' ? 'removed' : 'added'}`}>{t(`upstream.state.${s.state}`)}</span>
            <div className="mini-redline">
              {s.modelChanges.filter((p) => p.changes.some((c) => c.type === 'insert' || c.type === 'delete')).map((p, i) => <p key={i}><Redline changes={p.changes} /></p>)}
            </div>
            {editable && <button type="button" className="link-button" onClick={() => void take(s)} data-testid={`take-${s.id}`}>{t('upstream.take')}</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
