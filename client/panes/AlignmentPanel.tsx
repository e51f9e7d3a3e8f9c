import { memo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { diffWords } from 'diff';
import { confirmInStep, type AlignmentStatus } from '@shared/bill/alignment';
import type { Lang } from '@shared/bill/Lang';
import { formatDateTime } from '../app/format';
import type { GlossaryMatcher, GlossaryMismatch } from '@shared/bill/glossary';
import type { BillStore } from '../bill/BillStore';

/** A section text for reading: cross-references (kept as hashes of their target) shown as "§". */
const readable = (text: string) => text.replace(/\[ref:[0-9a-f]{8}\]/g, '§');

/** How many flagged sections are listed before "Show all". */
const FIRST_SHOWN = 30;

interface ItemProps {
  store: BillStore;
  id: string;
  status: AlignmentStatus;
  mismatches: GlossaryMismatch[] | undefined;
  matcher: GlossaryMatcher | null;
  canWrite: boolean;
  uiLang: Lang;
  label: string;
  heading: string;
  onConfirm: (id: string) => void;
}

/** One flagged section; drawn again only when its own state changes. */
const AlignmentItem = memo(function AlignmentItem({ store, id, status: s, mismatches, matcher, canWrite, uiLang, label, heading, onConfirm }: ItemProps) {
  const { t } = useTranslation();
  const pair = (termId: string) => {
    const e = matcher?.entries.find((x) => x.id === termId);
    return e ? `${e.en[0]} ↔ ${e.es[0]}` : termId;
  };
  return (
    <li data-testid={`align-${id}`} data-state={s.state}>
      <button type="button" className="outline-link" onClick={() => void store.focusBlock(id, uiLang, 'start')}>
        <span className="outline-num">{label}</span> {heading}
      </button>
      {s.state === 'outdated' && (
        <>
          <div className="small">
            {t('alignment.outdated', { outdated: t(`languages.${s.outdated}`), changed: t(`languageNames.${s.changed}`) })}
            {s.edit && <> · {t('alignment.editedBy', { name: s.edit.by, when: formatDateTime(s.edit.at) })}</>}
          </div>
          <div className="mini-redline" lang={s.changed}>
            {diffWords(readable(s.before), readable(s.after)).map((part, i) =>
              part.added ? <ins key={i} className="rl-ins">{part.value}</ins> : part.removed ? <del key={i} className="rl-del">{part.value}</del> : <span key={i}>{part.value.length > 80 ? `…${part.value.slice(-60)}` : part.value}</span>,
            )}
          </div>
        </>
      )}
      {s.state === 'missing' && <div className="small">{t('alignment.missing', { language: t(`languageNames.${s.missing}`) })}</div>}
      {s.state === 'unconfirmed' && <div className="small">{t('alignment.unconfirmed')}</div>}
      {mismatches?.map((m) => (
        <div key={`${m.id}-${m.has}`} className="small glossary-note" data-testid={`glossary-${id}-${m.id}`}>
          {t('alignment.glossaryMismatch', { term: m.term, language: t(`languageNames.${m.has === 'en' ? 'es' : 'en'}`), pair: pair(m.id) })}
        </div>
      ))}
      {canWrite && s.state !== 'missing' && s.state !== 'inStep' && (
        <button type="button" className="link-button" onClick={() => onConfirm(id)} data-testid={`confirm-${id}`}>{t('alignment.confirm')}</button>
      )}
    </li>
  );
});

/** Sections whose two languages are out of step, with who changed what, a small redline, and Confirm. */
export const AlignmentPanel = memo(function AlignmentPanel({ store, statuses, glossary, matcher, canWrite, userName, uiLang, texts }: {
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
  const [all, setAll] = useState(false);
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  // Out-of-step sections first (they need a decision), then glossary notes, in reading order.
  const order = new Map(snapshot.blocks.map((b, i) => [b.id, i]));
  const flagged = [...statuses].filter(([id, s]) => s.state !== 'inStep' || glossary.has(id))
    .sort(([a, sa], [b, sb]) => Number(sa.state === 'inStep') - Number(sb.state === 'inStep') || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const shown = all ? flagged : flagged.slice(0, FIRST_SHOWN);
  const confirm = (id: string) => {
    const { en, es } = texts();
    confirmInStep(store.ydoc, id, en.get(id) ?? '', es.get(id) ?? '', userName);
  };
  return (
    <section className="side-panel" aria-labelledby="align-title" data-testid="alignment-panel">
      <h2 id="align-title">{t('alignment.title')}</h2>
      {flagged.length === 0 && <p className="muted small" data-testid="all-in-step">{t('alignment.allInStep')}</p>}
      <ul className="align-list">
        {shown.map(([id, s]) => (
          <AlignmentItem key={id} store={store} id={id} status={s} mismatches={glossary.get(id)} matcher={matcher} canWrite={canWrite} uiLang={uiLang}
            label={snapshot.numbers[uiLang].get(id)?.label ?? ''} heading={snapshot.headings[uiLang].get(id) ?? ''} onConfirm={confirm} />
        ))}
      </ul>
      {flagged.length > shown.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)} data-testid="alignment-show-all">{t('alignment.showAll', { count: flagged.length })}</button>
      )}
    </section>
  );
});
