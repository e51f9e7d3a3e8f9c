import { useTranslation } from 'react-i18next';
import { bilingualSectionOps, currentSectionId, type EditorPair } from './bilingualSectionOps';
import type { Lang } from '@shared/bill/Lang';

/** Insert, move and delete sections in both languages, relative to the section holding the cursor. */
export function SectionToolbar({ editors, focusedLang }: { editors: EditorPair; focusedLang: Lang }) {
  const { t } = useTranslation();
  const current = () => currentSectionId(editors[focusedLang]) ?? currentSectionId(editors.en) ?? null;
  return (
    <div className="section-toolbar" role="toolbar" aria-label={t('editor.sectionTools')}>
      <button type="button" data-testid="insert-section" onClick={() => bilingualSectionOps.insertAfter(editors, current())}>
        {t('editor.insertSection')}
      </button>
      <button type="button" onClick={() => { const id = current(); if (id) bilingualSectionOps.move(editors, id, -1); }}>
        {t('editor.moveUp')}
      </button>
      <button type="button" onClick={() => { const id = current(); if (id) bilingualSectionOps.move(editors, id, 1); }}>
        {t('editor.moveDown')}
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => {
          const id = current();
          if (id && window.confirm(t('editor.confirmDelete'))) bilingualSectionOps.remove(editors, id);
        }}
      >
        {t('editor.deleteSection')}
      </button>
    </div>
  );
}
