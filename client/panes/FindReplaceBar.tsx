import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorState } from '@tiptap/pm/state';
import { casedReplacement, findMatches, type FindQuery } from '@shared/bill/findMatches';
import { replaceBlockContent, STRUCTURE_ORIGIN } from '@shared/layout';
import { LANGS, type Lang } from '@shared/bill/Lang';
import type { PMJSON } from '@shared/bill/yBill';
import type { BillStore } from '../bill/BillStore';

interface Hit {
  blockId: string;
  lang: Lang;
  from: number;
  to: number;
}

/**
 * Replaces matches in one language of one block, from the end so positions stay valid. While
 * suggesting, the old text is marked for deletion and the new text is a suggested insertion.
 */
function replaceIn(store: BillStore, blockId: string, lang: Lang, hits: Hit[], typed: string, user: { id: string; name: string }, keepCase: boolean): void {
  const node = store.node(blockId, lang);
  if (!node || hits.length === 0) return;
  const state = EditorState.create({ doc: node });
  const { schema } = state;
  const tr = state.tr;
  const attrs = { author: user.id, authorName: user.name, at: new Date().toISOString() };
  for (const h of [...hits].sort((a, b) => b.from - a.from)) {
    const replacement = keepCase ? casedReplacement(typed, tr.doc.textBetween(h.from, h.to)) : typed;
    if (store.suggesting) {
      tr.addMark(h.from, h.to, schema.marks.suggestedDeletion!.create(attrs));
      if (replacement) tr.insert(h.to, schema.text(replacement, [...tr.doc.resolve(h.from).marks().filter((m) => !m.type.name.startsWith('suggested')), schema.marks.suggestedInsertion!.create(attrs)]));
    } else if (replacement) tr.insertText(replacement, h.from, h.to);
    else tr.delete(h.from, h.to);
  }
  replaceBlockContent(store.ydoc, blockId, lang, (tr.doc.toJSON() as PMJSON).content ?? []);
}

/** Find and replace across the whole bill, in one language or both; parameters are never touched. */
export function FindReplaceBar({ store, canReplace, user, uiLang, onClose }: { store: BillStore; canReplace: boolean; user: { id: string; name: string }; uiLang: Lang; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [replacement, setReplacement] = useState('');
  const [scope, setScope] = useState<'both' | Lang>('both');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [hits, setHits] = useState<Hit[]>([]);
  const [current, setCurrent] = useState(0);
  // Whether the current match has been shown: the first Enter shows it, the next ones move on.
  const [visited, setVisited] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const query: FindQuery = useMemo(() => ({ text, caseSensitive, wholeWord }), [text, caseSensitive, wholeWord]);
  const langs = useMemo(() => (scope === 'both' ? [...LANGS] : [scope]), [scope]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    store.setFind({ en: langs.includes('en') ? query : null, es: langs.includes('es') ? query : null });
    const search = () => {
      const out: Hit[] = [];
      for (const b of store.snapshot().blocks) {
        for (const lang of langs) {
          const node = store.node(b.id, lang);
          if (node) for (const m of findMatches(node, query)) out.push({ blockId: b.id, lang, from: m.from, to: m.to });
        }
      }
      setHits(out);
    };
    search();
    return store.onSettled(search, 150);
  }, [store, query, langs]);
  useEffect(() => () => store.setFind({ en: null, es: null }), [store]);
  useEffect(() => setCurrent((c) => (hits.length ? Math.min(c, hits.length - 1) : 0)), [hits]);
  useEffect(() => setVisited(false), [query, langs]);

  const go = async (index: number) => {
    const hit = hits[(index + hits.length) % hits.length];
    if (!hit) return;
    setCurrent((index + hits.length) % hits.length);
    setVisited(true);
    const editor = await store.ensureEditor(hit.blockId, hit.lang);
    editor.chain().setTextSelection({ from: hit.from, to: hit.to }).scrollIntoView().run();
    store.setFocused({ id: hit.blockId, lang: hit.lang });
    editor.view.dom.closest('[data-testid^=row-]')?.scrollIntoView({ block: 'center' });
  };

  const replaceOne = () => {
    const hit = hits[current];
    if (!hit) return;
    store.undoManager.stopCapturing();
    replaceIn(store, hit.blockId, hit.lang, [hit], replacement, user, !caseSensitive);
    store.undoManager.stopCapturing();
  };

  const replaceAll = () => {
    const groups = new Map<string, Hit[]>();
    for (const h of hits) groups.set(`${h.blockId}\u0000${h.lang}`, [...(groups.get(`${h.blockId}\u0000${h.lang}`) ?? []), h]);
    store.undoManager.stopCapturing();
    // One transaction for every block, so one Ctrl+Z takes the whole replacement back.
    store.ydoc.transact(() => {
      for (const list of groups.values()) replaceIn(store, list[0]!.blockId, list[0]!.lang, list, replacement, user, !caseSensitive);
    }, STRUCTURE_ORIGIN);
    store.undoManager.stopCapturing();
  };

  const hit = hits[current];
  const locale = uiLang === 'es' ? 'es-MX' : 'en-US';
  return (
    <div className="find-bar" role="search" aria-label={t('find.title')} data-testid="find-bar">
      <input ref={input} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('find.placeholder')} aria-label={t('find.placeholder')} data-testid="find-input"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void go(e.shiftKey ? current - 1 : visited ? current + 1 : current);
          }
          if (e.key === 'Escape') onClose();
        }} />
      {canReplace && <input value={replacement} onChange={(e) => setReplacement(e.target.value)} placeholder={t('find.replacePlaceholder')} aria-label={t('find.replacePlaceholder')} data-testid="replace-input" />}
      <select value={scope} onChange={(e) => setScope(e.target.value as 'both' | Lang)} aria-label={t('find.scope')} data-testid="find-scope">
        <option value="both">{t('find.both')}</option>
        {LANGS.map((l) => <option key={l} value={l}>{t(`languages.${l}`)}</option>)}
      </select>
      <label className="inline-check"><input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} />{t('find.matchCase')}</label>
      <label className="inline-check"><input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} />{t('find.wholeWord')}</label>
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {text ? (hits.length ? t('find.position', { current: (current + 1).toLocaleString(locale), total: hits.length.toLocaleString(locale) }) : t('find.none')) : ''}
      </span>
      <button type="button" onClick={() => void go(current - 1)} disabled={!hits.length} aria-label={t('find.previous')} title={t('find.previous')}>↑</button>
      <button type="button" onClick={() => void go(visited ? current + 1 : current)} disabled={!hits.length} aria-label={t('find.next')} title={t('find.next')} data-testid="find-next">↓</button>
      {canReplace && (
        <>
          <button type="button" onClick={replaceOne} disabled={!hit} data-testid="replace-one">{t('find.replace')}</button>
          <button type="button" onClick={replaceAll} disabled={!hits.length} data-testid="replace-all">{t('find.replaceAll', { count: hits.length })}</button>
        </>
      )}
      <button type="button" className="link-button" onClick={onClose} aria-label={t('find.close')} title={t('find.close')}>✕</button>
    </div>
  );
}
