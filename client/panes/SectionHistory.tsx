import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { formatDateTime } from '../app/format';
import { subscribeEvents } from '../app/eventStream';
import { LANGS, type Lang } from '@shared/bill/Lang';
import type { Change } from '@shared/compare/compareSections';
import { Redline } from './Redline';

/** One change of a section as GET /api/documents/:id/sections/:sectionId/history serves it. */
interface Entry {
  versionId: string | null;
  kind: 'named' | 'automatic' | 'beforeRestore' | null;
  name: string;
  at: string;
  by: { id: string; name: string }[];
  status: 'changed' | 'added' | 'deleted' | 'restored';
  changes: Record<Lang, Change[][] | null>;
}

/** Longest unchanged run shown whole; longer ones keep only their ends around the change. */
const KEEP = 60;
const END = 28;

/** A paragraph's redline with long unchanged stretches cut down to the words near the change. */
function shorten(changes: Change[]): Change[] {
  return changes.map((c, i) => {
    if (c.type !== 'equal' || c.text.length <= KEEP) return c;
    const first = i === 0;
    const last = i === changes.length - 1;
    const text = first ? `…${c.text.slice(-END)}` : last ? `${c.text.slice(0, END)}…` : `${c.text.slice(0, END)} … ${c.text.slice(-END)}`;
    return { ...c, text };
  });
}

/**
 * Who changed one section and when, newest first: each change between two versions of the document
 * (automatic ones included) or since the last, with a word redline of each language that changed
 * (`lang` first). Stays current as versions are kept.
 */
export function SectionHistory({ docId, sectionId, lang }: { docId: string; sectionId: string; lang: Lang }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<Entry[]>(`/api/documents/${docId}/sections/${encodeURIComponent(sectionId)}/history`)
      .then((list) => { setEntries(list); setError(null); })
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errors:internal')));
  }, [docId, sectionId, t]);
  useEffect(() => {
    load();
    return subscribeEvents(`/api/documents/${encodeURIComponent(docId)}/events`, { events: { versions: load } });
  }, [docId, load]);
  const langs = [lang, ...LANGS.filter((l) => l !== lang)];
  if (error) return <p className="error small" role="alert">{error}</p>;
  if (!entries) return <p className="muted small">{t('common.loading')}</p>;
  if (entries.length === 0) return <p className="muted small" data-testid="history-none">{t('history.none')}</p>;
  return (
    <ol className="section-history" data-testid="section-history">
      {entries.map((e) => (
        <li key={e.versionId ?? 'now'} data-testid="history-entry">
          <div className="small">
            <strong data-testid="history-status">{t(`history.status.${e.status}`)}</strong>
            {' · '}<span data-testid="history-by">{e.by.length ? e.by.map((p) => p.name).join(', ') : t('history.unrecorded')}</span>
            {' · '}{formatDateTime(e.at)}
            {' · '}<span className="muted">{e.versionId ? t('history.inVersion', { name: e.name }) : t('history.pending')}</span>
          </div>
          {langs.map((l) => e.changes[l] && (
            <div key={l} className="history-lang" lang={l} data-testid={`history-${l}`}>
              <span className="muted small">{t(`languages.${l}`)}</span>
              {e.changes[l].map((p, i) => <div key={i} className="mini-redline"><Redline changes={shorten(p)} /></div>)}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
