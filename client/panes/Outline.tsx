import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { billNumberingKey } from '../editor/extensions/BillNumbering';
import type { EditorPair } from './bilingualSectionOps';
import type { Lang } from '@shared/bill/Lang';

interface OutlineEntry {
  sectionId: string;
  label: string;
  heading: string;
}

function readOutline(editor: Editor): OutlineEntry[] {
  const numbering = billNumberingKey.getState(editor.state)?.numbering;
  if (!numbering) return [];
  return numbering.sections.map((s) => ({
    sectionId: s.sectionId,
    label: s.label,
    heading: editor.state.doc.nodeAt(s.pos)?.firstChild?.textContent ?? '',
  }));
}

/** Scrolls both languages' copies of a section into view and puts the cursor at its heading. */
export function jumpToSection(editors: EditorPair, sectionId: string, focusLang: Lang): void {
  for (const [lang, editor] of Object.entries(editors) as [Lang, Editor | null | undefined][]) {
    const el = editor?.view.dom.querySelector(`[data-section-id="${CSS.escape(sectionId)}"]`);
    el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    if (editor && lang === focusLang) {
      let target = -1;
      editor.state.doc.forEach((node, pos) => {
        if (target < 0 && node.attrs.sectionId === sectionId) target = pos + 2;
      });
      if (target >= 0) editor.chain().setTextSelection(target).run();
    }
  }
}

/** The sections of the document in order, in one language, with their current numbers; a click jumps. */
export function Outline({ editors, lang, canInsertRef, onInsertRef }: {
  editors: EditorPair;
  lang: Lang;
  canInsertRef: boolean;
  onInsertRef: (sectionId: string) => void;
}) {
  const { t } = useTranslation();
  const editor = editors[lang];
  const [entries, setEntries] = useState<OutlineEntry[]>([]);
  useEffect(() => {
    if (!editor) return;
    const update = () => setEntries(readOutline(editor));
    update();
    editor.on('update', update);
    return () => {
      editor.off('update', update);
    };
  }, [editor]);

  return (
    <nav className="side-panel outline" aria-labelledby="outline-title">
      <h2 id="outline-title">{t('outline.title')}</h2>
      <ol data-testid="outline">
        {entries.map((e) => (
          <li key={e.sectionId}>
            <button type="button" className="outline-link" onClick={() => jumpToSection(editors, e.sectionId, lang)}>
              <span className="outline-num">{e.label}</span> {e.heading || t('outline.untitled')}
            </button>
            {canInsertRef && (
              <button type="button" className="outline-ref" title={t('outline.insertRef')} aria-label={t('outline.insertRefTo', { label: e.label })} onClick={() => onInsertRef(e.sectionId)}>
                ↪
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
