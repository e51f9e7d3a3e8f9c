import { memo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isSectionKind } from '@shared/schema/blockSchemas';
import type { Lang } from '@shared/bill/Lang';
import type { BillStore } from '../bill/BillStore';

/** The sections of the document in order, in one language, with their current numbers; a click jumps. */
export const Outline = memo(function Outline({ store, lang, canInsertRef, onInsertRef }: {
  store: BillStore;
  lang: Lang;
  canInsertRef: boolean;
  onInsertRef: (sectionId: string) => void;
}) {
  const { t } = useTranslation();
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  const entries = snapshot.blocks.filter((b) => isSectionKind(b.kind));
  return (
    <nav className="side-panel outline" aria-labelledby="outline-title">
      <h2 id="outline-title">{t('outline.title')}</h2>
      <ol data-testid="outline">
        {entries.map((e) => {
          const label = snapshot.numbers[lang].get(e.id)?.label ?? '';
          return (
            <li key={e.id}>
              <button type="button" className="outline-link" onClick={() => void store.focusBlock(e.id, lang, 'start')}>
                <span className="outline-num">{label}</span> {snapshot.headings[lang].get(e.id) || t('outline.untitled')}
              </button>
              {canInsertRef && (
                <button type="button" className="outline-ref" title={t('outline.insertRef')} aria-label={t('outline.insertRefTo', { label })} onMouseDown={(ev) => ev.preventDefault()} onClick={() => onInsertRef(e.id)}>
                  ↪
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
