import { useTranslation } from 'react-i18next';
import { diffWords } from 'diff';
import { confirmInStep, type AlignmentStatus } from '@shared/bill/alignment';
import type { Lang } from '@shared/bill/Lang';
import { formatDateTime } from '../app/format';
import type { GlossaryMatcher, GlossaryMismatch } from '@shared/bill/glossary';
import type { BillStore } from '../bill/BillStore';

/** Sections whose two languages are out of step, with who changed what, a small redline, and Confirm. */
export function AlignmentPanel({ store, statuses, glossary, matcher, canWrite, userName, uiLang, texts }: {
  store: BillStore;
  statuses: Map<string, AlignmentStatus>;
  glossary: Map<string, GlossaryMismatch[]>;
  matcher: GlossaryMatcher | null;
  canWrite: boolean;
  userName: string;
  uiLang: Lang;
  texts: () => { en: Map<string, string>; es: Map<string, string> };
}) {
  const { t } = useTranslation();
  const flagged = [...statuses].filter(([id, s]) => s.state !== 'inStep' || glossary.has(id));
  const pair = (id: string) => {
    const e = matcher?.entries.find((x) => x.id === id);
    return e ? `${e.en[0]} ↔ ${e.es[0]}` : id;
  };

  function confirm(id: string) {
    const { en, es } = texts();
    confirmInStep(store.ydoc, id, en.get(id) ?? '', es.get(id) ?? '', userName);
  }

  return (
    <section className="side-panel" aria-labelledby="align-title" data-testid="alignment-panel">
      <h2 id="align-title">{t('alignment.title')}</h2>
      {flagged.length === 0 && <p className="muted small" data-testid="all-in-step">{t('alignment.allInStep')}</p>}
      <ul className="align-list">
        {flagged.map(([id, s]) => (
          <li key={id} data-testid={`align-${id}`} data-state={s.state}>
            <button type="button" className="outline-link" onClick={() => void store.focusBlock(id, uiLang, 'start')}>
              <span className="outline-num">{store.label(id, uiLang)}</span> {store.snapshot().headings[uiLang].get(id) ?? ''}
            </button>
            {s.state === 'outdated' && (
              <>
                <div className="small">
                  {t('alignment.outdated', { outdated: t(`languages.${s.outdated}`), changed: t(`languageNames.${s.changed}`) })}
                  {s.edit && <> · {t('alignment.editedBy', { name: s.edit.by, when: formatDateTime(s.edit.at) })}</>}
                </div>
                <div className="mini-redline" lang={s.changed}>
                  {diffWords(s.before, s.after).map((part, i) =>
                    part.added ? <ins key={i} className="rl-ins">{part.value}</ins> : part.removed ? <del key={i} className="rl-del">{part.value}</del> : <span key={i}>{part.value.length > 80 ? `…${part.value.slice(-60)}` : part.value}</span>,
                  )}
                </div>
              </>
            )}
            {s.state === 'missing' && <div className="small">{t('alignment.missing', { language: t(`languageNames.${s.missing}`) })}</div>}
            {s.state === 'unconfirmed' && <div className="small">{t('alignment.unconfirmed')}</div>}
            {glossary.get(id)?.map((m) => (
              <div key={`${m.id}-${m.has}`} className="small glossary-note" data-testid={`glossary-${id}-${m.id}`}>
                {t('alignment.glossaryMismatch', { term: m.term, language: t(`languageNames.${m.has === 'en' ? 'es' : 'en'}`), pair: pair(m.id) })}
              </div>
            ))}
            {canWrite && s.state !== 'missing' && s.state !== 'inStep' && (
              <button type="button" className="link-button" onClick={() => confirm(id)} data-testid={`confirm-${id}`}>{t('alignment.confirm')}</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
