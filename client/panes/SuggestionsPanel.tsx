import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { findSuggestions, settleSuggestions, type SuggestionRange } from '@shared/bill/suggestions';
import { LANGS, type Lang } from '@shared/bill/Lang';
import { formatDateTime } from '../app/format';
import type { EditorPair } from './bilingualSectionOps';

type Listed = SuggestionRange & { lang: Lang };

function settle(editor: Editor | null | undefined, accept: boolean, pick?: (s: SuggestionRange) => boolean): void {
  if (!editor) return;
  const tr = settleSuggestions(editor.state, accept, pick);
  if (tr) editor.view.dispatch(tr);
}

/** Suggested insertions and deletions in both languages, accepted or rejected one by one or all at once. */
export function SuggestionsPanel({ editors, canSettle }: { editors: EditorPair; canSettle: boolean }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Listed[]>([]);
  useEffect(() => {
    const read = () => setItems(LANGS.flatMap((lang) => {
      const e = editors[lang];
      return e ? findSuggestions(e.state.doc).map((s) => ({ ...s, lang })) : [];
    }));
    read();
    const list = LANGS.map((l) => editors[l]).filter((e): e is Editor => Boolean(e));
    for (const e of list) e.on('update', read);
    return () => list.forEach((e) => e.off('update', read));
  }, [editors]);

  if (items.length === 0) return null;
  const one = (s: Listed) => (r: SuggestionRange) => r.from === s.from && r.to === s.to && r.kind === s.kind;
  return (
    <section className="side-panel" aria-labelledby="suggestions-title" data-testid="suggestions-panel">
      <h2 id="suggestions-title">{t('suggestions.title', { count: items.length })}</h2>
      {canSettle && (
        <div className="version-form">
          <button type="button" onClick={() => LANGS.forEach((l) => settle(editors[l], true))} data-testid="accept-all">{t('suggestions.acceptAll')}</button>
          <button type="button" onClick={() => LANGS.forEach((l) => settle(editors[l], false))}>{t('suggestions.rejectAll')}</button>
        </div>
      )}
      <ul className="align-list">
        {items.map((s) => (
          <li key={`${s.lang}-${s.kind}-${s.from}`} data-testid="suggestion">
            <span className="small muted">{s.lang.toUpperCase()} · {s.authorName} · {s.at ? formatDateTime(s.at) : ''}</span>
            <div>{s.kind === 'insertion' ? <ins className="rl-ins">{s.text}</ins> : <del className="rl-del">{s.text}</del>}</div>
            {canSettle && (
              <>
                <button type="button" className="link-button" onClick={() => settle(editors[s.lang], true, one(s))} data-testid="accept-suggestion">{t('suggestions.accept')}</button>
                <button type="button" className="link-button" onClick={() => settle(editors[s.lang], false, one(s))}>{t('suggestions.reject')}</button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
