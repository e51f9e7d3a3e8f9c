import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import {
  ALIGNMENT_KEY, EDITS_KEY, alignmentStatusFromTexts, confirmInStep, recordEdit, rememberBefore, sectionText,
  type AlignmentStatus, type Baseline, type LastEdits,
} from '@shared/bill/alignment';
import { META_MAP, type PMJSON } from '@shared/bill/yBill';
import { resolveSuggestions } from '@shared/bill/suggestions';
import { observeLayout } from '@shared/layout';
import { isSectionKind } from '@shared/schema/blockSchemas';
import { LANGS, type Lang } from '@shared/bill/Lang';
import type { GlossaryMatcher, GlossaryMismatch } from '@shared/bill/glossary';
import type { BillStore } from '../bill/BillStore';
import type { CellFlags } from './BillView';

/**
 * A section's comparable text from one language of its block, as it reads before pending
 * suggestions: a suggestion does not put the other language out of step until it is accepted.
 */
export function blockText(node: PMNode): string {
  return sectionText((resolveSuggestions(node.toJSON() as PMJSON, 'original').content ?? []));
}

/** Texts of every shown section in both languages, re-read only for blocks that changed. */
function useSectionTexts(store: BillStore) {
  const cache = useRef(new Map<string, { rev: number; en: string; es: string }>());
  return useCallback(() => {
    const en = new Map<string, string>();
    const es = new Map<string, string>();
    for (const b of store.snapshot().blocks) {
      if (!isSectionKind(b.kind)) continue;
      const rev = store.revision(b.id);
      let hit = cache.current.get(b.id);
      if (!hit || hit.rev !== rev) {
        const enNode = store.node(b.id, 'en');
        const esNode = store.node(b.id, 'es');
        hit = { rev, en: enNode ? blockText(enNode) : '', es: esNode ? blockText(esNode) : '' };
        cache.current.set(b.id, hit);
      }
      en.set(b.id, hit.en);
      es.set(b.id, hit.es);
    }
    return { en, es };
  }, [store]);
}

/** `next`, reusing the entries of `old` that are equal (and `old` itself when nothing changed). */
function keepSame<V>(old: Map<string, V>, next: Map<string, V>): Map<string, V> {
  const merged = new Map<string, V>();
  let changed = old.size !== next.size;
  for (const [id, value] of next) {
    const prev = old.get(id);
    const same = prev !== undefined && JSON.stringify(prev) === JSON.stringify(value);
    merged.set(id, same ? (prev as V) : value);
    if (!same) changed = true;
  }
  return changed ? merged : old;
}

/** Labels of the flags, in the interface language. */
export interface FlagLabels { outdated: string; missing: string; unconfirmed: string; glossary: string }

/**
 * The bilingual state of every section (in step, outdated, missing, unconfirmed, glossary terms
 * unpaired), computed from the shared document after each change (only changed blocks are re-read),
 * the flags to draw on each language's cell, and the recorder of local edits (who changed which
 * language of which section, and the text before).
 */
export function useAlignment(store: BillStore, userName: string, canWrite: boolean, labels: FlagLabels, matcher: GlossaryMatcher | null): {
  statuses: Map<string, AlignmentStatus>;
  glossary: Map<string, GlossaryMismatch[]>;
  flags: CellFlags;
  onLocalEdit: (blockId: string, lang: Lang, tr: Transaction) => void;
  texts: () => { en: Map<string, string>; es: Map<string, string> };
} {
  const ydoc: Y.Doc = store.ydoc;
  const [statuses, setStatuses] = useState<Map<string, AlignmentStatus>>(new Map());
  const [glossary, setGlossary] = useState<Map<string, GlossaryMismatch[]>>(new Map());
  const [flags, setFlags] = useState<CellFlags>(new Map());
  const texts = useSectionTexts(store);
  const lastRecorded = useRef(new Map<string, number>());
  // Glossary checks per section, redone only when its texts change.
  const glossaryCache = useRef(new Map<string, { en: string; es: string; found: GlossaryMismatch[] }>());

  useEffect(() => {
    glossaryCache.current.clear();
  }, [matcher]);

  useEffect(() => {
    let timer: number | null = null;
    const compute = () => {
      timer = null;
      const { en, es } = texts();
      const meta = ydoc.getMap(META_MAP);
      const baselines = ((meta.get(ALIGNMENT_KEY) as Y.Map<unknown> | undefined)?.toJSON() ?? {}) as Record<string, Baseline>;
      const edits = ((meta.get(EDITS_KEY) as Y.Map<unknown> | undefined)?.toJSON() ?? {}) as Record<string, LastEdits>;
      const next = alignmentStatusFromTexts(en, es, baselines, edits);
      if (canWrite) {
        // A counterpart updated after the other language: record the new in-step texts.
        for (const [id, s] of next) if (s.state === 'inStep' && s.refresh) confirmInStep(ydoc, id, en.get(id) ?? '', es.get(id) ?? '', userName);
      }
      const mismatches = new Map<string, GlossaryMismatch[]>();
      if (matcher) {
        for (const [id, enText] of en) {
          const esText = es.get(id) ?? '';
          let hit = glossaryCache.current.get(id);
          if (!hit || hit.en !== enText || hit.es !== esText) {
            hit = { en: enText, es: esText, found: matcher.mismatches(enText, esText) };
            glossaryCache.current.set(id, hit);
          }
          if (hit.found.length) mismatches.set(id, hit.found);
        }
      }
      const cells: CellFlags = new Map();
      const put = (id: string, lang: Lang, flag: 'outdated' | 'missing' | 'unconfirmed' | 'glossary') => {
        cells.set(id, { ...cells.get(id), [lang]: { flag, label: labels[flag] } });
      };
      for (const [id, found] of mismatches) for (const lang of LANGS) if (found.some((m) => m.has !== lang)) put(id, lang, 'glossary');
      for (const [id, s] of next) {
        if (s.state === 'outdated') put(id, s.outdated, 'outdated');
        if (s.state === 'missing') put(id, s.missing, 'missing');
        if (s.state === 'unconfirmed') for (const lang of LANGS) put(id, lang, 'unconfirmed');
      }
      // Unchanged entries keep their objects, and unchanged maps their identity, so panels draw only what changed.
      setStatuses((old) => keepSame(old, next));
      setGlossary((old) => keepSame(old, mismatches));
      // Unchanged flags keep their objects, so only rows whose flags changed draw again.
      setFlags((old) => {
        const same = (a: CellFlags extends Map<string, infer V> ? V : never, b: typeof a | undefined) =>
          !!b && LANGS.every((l) => a[l]?.flag === b[l]?.flag && a[l]?.label === b[l]?.label);
        const merged: CellFlags = new Map();
        for (const [id, f] of cells) {
          const prev = old.get(id);
          merged.set(id, prev && same(f, prev) ? prev : f);
        }
        return merged.size === old.size && [...merged].every(([id, f]) => old.get(id) === f) ? old : merged;
      });
    };
    const schedule = (delay = 150) => {
      if (timer === null) timer = window.setTimeout(compute, delay);
    };
    const stop = observeLayout(ydoc, () => schedule());
    const meta = ydoc.getMap(META_MAP);
    const onMeta = () => schedule();
    meta.observeDeep(onMeta);
    // The first pass over a long bill waits a moment, so the editor takes typing first.
    schedule(600);
    return () => {
      stop();
      meta.unobserveDeep(onMeta);
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [ydoc, texts, userName, canWrite, labels, matcher]);

  const onLocalEdit = useCallback((blockId: string, lang: Lang, tr: Transaction) => {
    if (!canWrite) return;
    const info = store.snapshot().blocks.find((b) => b.id === blockId);
    if (!info || !isSectionKind(info.kind)) return;
    // Keep the in-step text as it was before this edit, for the redline of the other language's flag.
    rememberBefore(ydoc, blockId, lang, blockText(tr.before));
    const now = Date.now();
    const key = `${blockId}:${lang}`;
    if ((lastRecorded.current.get(key) ?? 0) + 3000 > now) return;
    lastRecorded.current.set(key, now);
    recordEdit(ydoc, blockId, lang, userName);
  }, [store, ydoc, userName, canWrite]);

  return { statuses, glossary, flags, onLocalEdit, texts };
}
