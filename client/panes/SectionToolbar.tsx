import { memo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillStore } from '../bill/BillStore';
import type { SectionActions } from '../bill/SectionActions';
import { BILL_SHORTCUTS } from '../editor/extensions/BlockKeys';

/** Keeps the cursor in the editor when a toolbar button is pressed. */
const keepFocus = (e: React.MouseEvent) => e.preventDefault();

/**
 * Insert, move and delete the section holding the cursor in both languages, undo and redo, and the
 * list of keyboard shortcuts.
 */
export const SectionToolbar = memo(function SectionToolbar({ store, actions }: { store: BillStore; actions: SectionActions }) {
  const { t } = useTranslation();
  const [help, setHelp] = useState(false);
  const current = useSyncExternalStore((fn) => store.onFocusChange(fn), () => store.currentSection());
  return (
    <div className="section-toolbar" role="toolbar" aria-label={t('editor.sectionTools')}>
      <button type="button" data-testid="insert-section" onMouseDown={keepFocus} onClick={() => actions.insert()} title={`${t('editor.insertSection')} (Ctrl+Alt+Enter)`}>
        {t('editor.insertSection')}
      </button>
      <button type="button" data-testid="move-up" onMouseDown={keepFocus} disabled={!current} onClick={() => actions.move(-1)} title={`${t('editor.moveUp')} (Alt+Shift+↑)`}>
        {t('editor.moveUp')}
      </button>
      <button type="button" data-testid="move-down" onMouseDown={keepFocus} disabled={!current} onClick={() => actions.move(1)} title={`${t('editor.moveDown')} (Alt+Shift+↓)`}>
        {t('editor.moveDown')}
      </button>
      <button type="button" className="danger" data-testid="delete-section" onMouseDown={keepFocus} disabled={!current} onClick={() => actions.remove()} title={`${t('editor.deleteSection')} (Alt+Shift+Delete)`}>
        {t('editor.deleteSection')}
      </button>
      <button type="button" data-testid="undo" onMouseDown={keepFocus} onClick={() => store.undo()} title={`${t('editor.undo')} (Ctrl+Z)`}>{t('editor.undo')}</button>
      <button type="button" data-testid="redo" onMouseDown={keepFocus} onClick={() => store.redo()} title={`${t('editor.redo')} (Ctrl+Y)`}>{t('editor.redo')}</button>
      <span className="shortcut-help">
        <button type="button" aria-expanded={help} aria-controls="shortcut-list" onClick={() => setHelp(!help)} data-testid="shortcuts" title={t('editor.shortcuts')} aria-label={t('editor.shortcuts')}>⌨</button>
        {help && (
          <div id="shortcut-list" className="shortcut-popover" role="dialog" aria-label={t('editor.shortcuts')}>
            <dl>
              {BILL_SHORTCUTS.map((s) => (
                <div key={s.action}><dt><kbd>{s.keys}</kbd></dt><dd>{t(`shortcut.${s.action}`)}</dd></div>
              ))}
            </dl>
          </div>
        )}
      </span>
    </div>
  );
});
