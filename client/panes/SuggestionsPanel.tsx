import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorState } from '@tiptap/pm/state';
import { findSuggestions, settleSuggestions, type SuggestionRange } from '@shared/bill/suggestions';
import { replaceBlockContent } from '@shared/layout';
import { LANGS, type Lang } from '@shared/bill/Lang';
import type { PMJSON } from '@shared/bill/yBill';
import { formatDateTime } from '../app/format';
import type { BillStore } from '../bill/BillStore';

type Listed = SuggestionRange & { lang: Lang; blockId: string };

/** Accepts or rejects the suggestions `pick` selects in one language of one block, through the shared document. */
function settle(store: BillStore, blockId: string, lang: Lang, accept: boolean, pick?: (s: SuggestionRange) => boolean): void {
  const node = store.node(blockId, lang);
  if (!node) return;
  const tr = settleSuggestions(EditorState.create({ doc: node }), accept, pick);
  if (tr) replaceBlockContent(store.ydoc, blockId, lang, (tr.doc.toJSON() as PMJSON).content ?? []);
}

/** Suggested insertions and deletions in both languages, accepted or rejected one by one or all at once. */
export const SuggestionsPanel = memo(function SuggestionsPanel({ store, canSettle }: { store: BillStore; canSettle: boolean }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Listed[]>([]);
  const cache = useRef(new Map<string, { rev: number; list: Listed[] }>());
  useEffect(() => {
    const read = () => {
      const out: Listed[] = [];
      for (const b of store.snapshot().blocks) {
        const rev = store.revision(b.id);
        let hit = cache.current.get(b.id);
        if (!hit || hit.rev !== rev) {
          const list = LANGS.flatMap((lang) => {
            const node = store.node(b.id, lang);
            return node ? findSuggestions(node).map((s) => ({ ...s, lang, blockId: b.id })) : [];
          });
          hit = { rev, list };
          cache.current.set(b.id, hit);
        }
        out.push(...hit.list);
      }
      setItems(out);
    };
    read();
    return store.onSettled(read, 200);
  }, [store]);

  if (items.length === 0) return null;
  // The listed suggestion as it reads now: the same author and kind over the same place (it may have grown since the list was drawn).
  const one = (s: Listed) => (r: SuggestionRange) => r.kind === s.kind && r.author === s.author && r.from <= s.to && r.to >= s.from;
  const all = (accept: boolean) => {
    const seen = new Set<string>();
    for (const s of items) {
      const k = `${s.blockId}:${s.lang}`;
      if (seen.has(k)) continue;
      seen.add(k);
      settle(store, s.blockId, s.lang, accept);
    }
  };
  return (
    <section className="side-panel" aria-labelledby="suggestions-title" data-testid="suggestions-panel">
      <h2 id="suggestions-title">{t('suggestions.title', { count: items.length })}</h2>
      {canSettle && (
        <div className="version-form">
          <button type="button" onClick={() => all(true)} data-testid="accept-all">{t('suggestions.acceptAll')}</button>
          <button type="button" onClick={() => all(false)}>{t('suggestions.rejectAll')}</button>
        </div>
      )}
      <ul className="align-list">
        {items.map((s) => (
          <li key={`${s.blockId}-${s.lang}-${s.kind}-${s.from}`} data-testid="suggestion">
            <span className="small muted">{s.lang.toUpperCase()} · {store.label(s.blockId, s.lang) || t(`blocks.${store.snapshot().blocks.find((b) => b.id === s.blockId)?.kind ?? 'section'}`)} · {s.authorName} · {s.at ? formatDateTime(s.at) : ''}</span>
            <div>{s.kind === 'insertion' ? <ins className="rl-ins">{s.text}</ins> : <del className="rl-del">{s.text}</del>}</div>
            {canSettle && (
              <>
                <button type="button" className="link-button" onClick={() => settle(store, s.blockId, s.lang, true, one(s))} data-testid="accept-suggestion">{t('suggestions.accept')}</button>
                <button type="button" className="link-button" onClick={() => settle(store, s.blockId, s.lang, false, one(s))}>{t('suggestions.reject')}</button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
});
