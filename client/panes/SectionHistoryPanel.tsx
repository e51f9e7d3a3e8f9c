import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@shared/bill/Lang';
import type { BillStore } from '../bill/BillStore';
import { SectionHistory } from './SectionHistory';
import { sectionName } from './sectionName';

/** The history of the section holding the cursor: who changed it and when, with redlines. */
export function SectionHistoryPanel({ docId, store, lang }: { docId: string; store: BillStore; lang: Lang }) {
  const { t } = useTranslation();
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  const [sectionId, setSectionId] = useState<string | null>(() => store.currentSection());
  useEffect(() => store.onFocusChange(() => setSectionId(store.currentSection())), [store]);
  return (
    <section className="side-panel" aria-labelledby="section-history-title" data-testid="section-history-panel">
      <h2 id="section-history-title">{t('history.panelTitle')}</h2>
      {sectionId ? (
        <>
          <p className="small" data-testid="section-history-name">{t('history.title', { section: sectionName(store, snapshot, sectionId, lang, t) })}</p>
          <SectionHistory key={sectionId} docId={docId} sectionId={sectionId} lang={lang} />
        </>
      ) : (
        <p className="muted small">{t('history.noCursor')}</p>
      )}
    </section>
  );
}
