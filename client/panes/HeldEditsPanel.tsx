import { memo, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { formatDateTime } from '../app/format';
import type { SessionUser } from '../app/types';
import type { Lang } from '@shared/bill/Lang';
import type { BillStore } from '../bill/BillStore';

interface HeldSummary {
  id: string;
  author: { id: string; name: string };
  createdAt: string;
  blocks: { id: string; kind: string; langs: Lang[]; change: 'changed' | 'added' | 'removed' }[];
}

/**
 * Changes that reached the server after the document became final: never merged silently. An
 * admin adds them to the text as suggestions (to accept or reject one by one); their author, or an
 * admin, discards them.
 */
export const HeldEditsPanel = memo(function HeldEditsPanel({ docId, store, user, uiLang, refreshKey }: { docId: string; store: BillStore; user: SessionUser; uiLang: Lang; refreshKey: string | null }) {
  const { t } = useTranslation();
  const [held, setHeld] = useState<HeldSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<HeldSummary[]>(`/api/documents/${docId}/held`).then(setHeld).catch(() => setHeld([]));
  }, [docId]);
  useEffect(load, [load, refreshKey]);
  if (held.length === 0) return null;
  const act = (path: string, method: 'POST' | 'DELETE') => {
    api<HeldSummary[]>(path, { method, body: method === 'POST' ? {} : undefined }).then((list) => { setHeld(list); setError(null); })
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errors:internal')));
  };
  const name = (b: HeldSummary['blocks'][number]) => store.describe(b.id, uiLang) || t(`blocks.${b.kind}`);
  return (
    <section className="side-panel held-panel" aria-labelledby="held-title" data-testid="held-edits">
      <h2 id="held-title">{t('held.title', { count: held.length })}</h2>
      <p className="small muted">{t('held.explain')}</p>
      {error && <p className="error small" role="alert">{error}</p>}
      <ul className="align-list">
        {held.map((h) => (
          <li key={h.id} data-testid={`held-${h.id}`}>
            <div className="small"><strong>{h.author.name}</strong> · {formatDateTime(h.createdAt)}</div>
            <ul className="held-blocks">
              {h.blocks.map((b) => <li key={b.id} className="small">{t(`held.change.${b.change}`, { name: name(b) })}</li>)}
            </ul>
            {user.role === 'admin' && <button type="button" className="link-button" onClick={() => act(`/api/documents/${docId}/held/${h.id}/suggest`, 'POST')} data-testid={`held-suggest-${h.id}`}>{t('held.suggest')}</button>}
            {(user.role === 'admin' || h.author.id === user.id) && <button type="button" className="link-button danger" onClick={() => act(`/api/documents/${docId}/held/${h.id}`, 'DELETE')} data-testid={`held-discard-${h.id}`}>{t('held.discard')}</button>}
          </li>
        ))}
      </ul>
    </section>
  );
});
