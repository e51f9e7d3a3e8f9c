import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Editor } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Transaction } from '@tiptap/pm/state';
import {
  ALIGNMENT_KEY, EDITS_KEY, alignmentStatus, confirmInStep, recordEdit, rememberBefore, sectionTexts,
  type AlignmentStatus, type Baseline, type LastEdits,
} from '@shared/bill/alignment';
import { META_MAP, type PMJSON } from '@shared/bill/yBill';
import type { Lang } from '@shared/bill/Lang';
import { sectionFlagsKey, type SectionFlag } from '../editor/extensions/SectionFlags';
import { glossaryKey } from '../editor/extensions/GlossaryHighlight';
import type { GlossaryMatcher, GlossaryMismatch } from '@shared/bill/glossary';
import type { EditorPair } from './bilingualSectionOps';

/** Ids of the top-level sections a local transaction touched. */
function touchedSections(tr: Transaction): Set<string> {
  const ids = new Set<string>();
  tr.steps.forEach((step, i) => {
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const doc = tr.docs[i + 1] ?? tr.doc;
      const from = Math.min(newStart, doc.content.size);
      const to = Math.min(Math.max(newEnd, from), doc.content.size);
      doc.nodesBetween(from, to, (node) => {
        if (node.type.name === 'section' && node.attrs.sectionId) ids.add(String(node.attrs.sectionId));
        return node.type.name !== 'section';
      });
    });
  });
  // Map positions to the final document for ids that survive.
  const final = new Set<string>();
  tr.doc.forEach((node) => {
    if (node.type.name === 'section' && ids.has(String(node.attrs.sectionId))) final.add(String(node.attrs.sectionId));
  });
  return final;
}

/**
 * Computes the bilingual flags of every section from the shared document, draws them in both
 * editors, records who edits which language of which section, aligns section rows, and refreshes
 * baselines when a counterpart has been updated. Returns the statuses for the side panel.
 */
export function useAlignment(ydoc: Y.Doc, editors: EditorPair, userName: string, canWrite: boolean, labels: { outdated: string; missing: string; unconfirmed: string; glossary: string }, rowsAligned: boolean, matcher: GlossaryMatcher | null): { statuses: Map<string, AlignmentStatus>; glossary: Map<string, GlossaryMismatch[]> } {
  const [statuses, setStatuses] = useState<Map<string, AlignmentStatus>>(new Map());
  const [glossary, setGlossary] = useState<Map<string, GlossaryMismatch[]>>(new Map());
  const timer = useRef<number | null>(null);
  const lastRecorded = useRef(new Map<string, number>());
  const { en, es } = editors;

  useEffect(() => {
    if (!en || !es) return;
    const compute = () => {
      timer.current = null;
      const enJson = en.getJSON() as PMJSON;
      const esJson = es.getJSON() as PMJSON;
      const meta = ydoc.getMap(META_MAP);
      const baselines = ((meta.get(ALIGNMENT_KEY) as Y.Map<unknown> | undefined)?.toJSON() ?? {}) as Record<string, Baseline>;
      const edits = ((meta.get(EDITS_KEY) as Y.Map<unknown> | undefined)?.toJSON() ?? {}) as Record<string, LastEdits>;
      const next = alignmentStatus(enJson, esJson, baselines, edits);
      if (canWrite) {
        // A counterpart updated after the other language: record the new in-step texts.
        const enTexts = sectionTexts(enJson);
        const esTexts = sectionTexts(esJson);
        for (const [id, s] of next) {
          if (s.state === 'inStep' && s.refresh) confirmInStep(ydoc, id, enTexts.get(id) ?? '', esTexts.get(id) ?? '', userName);
        }
      }
      const mismatches = new Map<string, GlossaryMismatch[]>();
      if (matcher) {
        const enTexts = sectionTexts(enJson);
        const esTexts = sectionTexts(esJson);
        for (const [id, enText] of enTexts) {
          const found = matcher.mismatches(enText, esTexts.get(id) ?? '');
          if (found.length && esTexts.has(id)) mismatches.set(id, found);
        }
      }
      setStatuses(next);
      setGlossary(mismatches);
      draw(next, mismatches);
    };
    const draw = (next: Map<string, AlignmentStatus>, mismatches: Map<string, GlossaryMismatch[]>) => {
      for (const [lang, editor] of [['en', en], ['es', es]] as [Lang, Editor][]) {
        const flags = new Map<string, SectionFlag>();
        for (const [id, found] of mismatches) {
          if (found.some((m) => m.has !== lang)) flags.set(id, { flag: 'glossary', label: labels.glossary });
        }
        for (const [id, s] of next) {
          if (s.state === 'outdated' && s.outdated === lang) flags.set(id, { flag: 'outdated', label: labels.outdated });
          if (s.state === 'missing') flags.set(id, { flag: 'missing', label: labels.missing });
          if (s.state === 'unconfirmed') flags.set(id, { flag: 'unconfirmed', label: labels.unconfirmed });
        }
        if (rowsAligned) {
          for (const [id, h] of rowHeights(en, es)) flags.set(id, { ...flags.get(id), minHeight: h });
        }
        if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(sectionFlagsKey, flags).setMeta('addToHistory', false));
      }
    };
    const schedule = () => {
      if (timer.current === null) timer.current = window.setTimeout(compute, 150);
    };
    // The first pass over a large bill waits for an idle moment, so the editor takes typing first.
    const firstPass = () => {
      if (timer.current !== null) return;
      timer.current = window.setTimeout(compute, 1000);
      if ('requestIdleCallback' in window) {
        window.requestIdleCallback(() => {
          if (timer.current !== null) {
            window.clearTimeout(timer.current);
            compute();
          }
        }, { timeout: 1000 });
      }
    };
    const onTransaction = (lang: Lang) => ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged) return;
      if (canWrite && !transaction.getMeta(ySyncPluginKey)) {
        // Who edited what, when: recorded at most every few seconds per section and language.
        const now = Date.now();
        const touched = touchedSections(transaction);
        // Keep the in-step text of each touched section as it was before this edit.
        transaction.before.forEach((node) => {
          const id = String(node.attrs.sectionId ?? '');
          if (node.type.name === 'section' && touched.has(id)) {
            rememberBefore(ydoc, id, lang, sectionTexts({ type: 'doc', content: [node.toJSON() as PMJSON] }).get(id) ?? '');
          }
        });
        for (const id of touched) {
          const key = `${id}:${lang}`;
          if ((lastRecorded.current.get(key) ?? 0) + 3000 > now) continue;
          lastRecorded.current.set(key, now);
          recordEdit(ydoc, id, lang, userName);
        }
      }
      schedule();
    };
    const enHandler = onTransaction('en');
    const esHandler = onTransaction('es');
    en.on('transaction', enHandler);
    es.on('transaction', esHandler);
    if (matcher) {
      for (const editor of [en, es]) if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(glossaryKey, matcher).setMeta('addToHistory', false));
    }
    const meta = ydoc.getMap(META_MAP);
    meta.observeDeep(schedule);
    window.addEventListener('resize', schedule);
    firstPass();
    return () => {
      en.off('transaction', enHandler);
      es.off('transaction', esHandler);
      meta.unobserveDeep(schedule);
      window.removeEventListener('resize', schedule);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    };
  }, [ydoc, en, es, userName, canWrite, labels.outdated, labels.missing, labels.unconfirmed, labels.glossary, rowsAligned, matcher]);

  return { statuses, glossary };
}

/** Natural height of each section's content in both editors; the taller sets the row height. */
function rowHeights(en: Editor, es: Editor): Map<string, number> {
  const natural = (editor: Editor) => {
    const out = new Map<string, number>();
    editor.view.dom.querySelectorAll<HTMLElement>(':scope > section.bill-section[data-section-id]').forEach((el) => {
      const first = el.firstElementChild as HTMLElement | null;
      const last = el.lastElementChild as HTMLElement | null;
      if (!first || !last) return;
      const h = last.getBoundingClientRect().bottom - first.getBoundingClientRect().top;
      out.set(el.dataset.sectionId ?? '', h);
    });
    return out;
  };
  const a = natural(en);
  const b = natural(es);
  const out = new Map<string, number>();
  for (const [id, h] of a) {
    const other = b.get(id);
    if (other !== undefined) out.set(id, Math.max(h, other));
  }
  return out;
}
