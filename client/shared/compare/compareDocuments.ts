import { diffArrays } from 'diff';
import type { PMJSON } from '../bill/yBill';
import { sectionTokens, type SectionTokens } from './sectionTokens';
import { compareSection, type Comparison, type SectionComparison } from './compareSections';

// One document is often compared with many (a model with all its variants): tokenize it once.
const tokenCache = new WeakMap<PMJSON, SectionTokens[]>();
function tokensOf(doc: PMJSON): SectionTokens[] {
  let tokens = tokenCache.get(doc);
  if (!tokens) {
    tokens = sectionTokens(doc);
    tokenCache.set(doc, tokens);
  }
  return tokens;
}

/** Ids common to both sides that keep their relative order (the longest common subsequence). */
function inOrder(leftIds: string[], rightIds: string[]): Set<string> {
  const common = new Set(leftIds.filter((id) => rightIds.includes(id)));
  const l = leftIds.filter((id) => common.has(id));
  const r = rightIds.filter((id) => common.has(id));
  const kept = new Set<string>();
  for (const part of diffArrays(l, r)) if (!part.added && !part.removed) for (const id of part.value) kept.add(id);
  return kept;
}

/**
 * Compares two versions of one language of a bill, aligned by stable section ids: sections are
 * same, changed, added, removed or moved; inside a section paragraphs are aligned, then words.
 * The result is in the right-hand document's order, with removed sections where they stood.
 */
export function compareDocuments(left: PMJSON, right: PMJSON): Comparison {
  const ls = tokensOf(left);
  const rs = tokensOf(right);
  const lById = new Map(ls.map((s) => [s.id, s]));
  const rById = new Map(rs.map((s) => [s.id, s]));
  const kept = inOrder(ls.map((s) => s.id), rs.map((s) => s.id));
  const state = { coarse: false };
  const out: SectionComparison[] = [];
  let parameterDifferences = 0;

  const emit = (l: SectionTokens | undefined, r: SectionTokens | undefined) => {
    const { params, ...c } = compareSection(l, r, state);
    parameterDifferences += params;
    const status: SectionComparison['status'] = !l ? 'added' : !r ? 'removed' : !kept.has(c.id) ? 'moved' : c.textChanged || params > 0 ? 'changed' : 'same';
    out.push({ ...c, status });
  };

  // Walk the right side; removed left sections are emitted just before the next left section that survives.
  let li = 0;
  const flushRemovedUntil = (stopId: string | null) => {
    while (li < ls.length) {
      const l = ls[li] as SectionTokens;
      if (l.id === stopId) return;
      if (!rById.has(l.id)) emit(l, undefined);
      li++;
    }
  };
  for (const r of rs) {
    const l = lById.get(r.id);
    if (l && kept.has(r.id)) {
      flushRemovedUntil(r.id);
      li++;
    }
    emit(l, r);
  }
  flushRemovedUntil(null);

  const words = out.reduce((n, s) => n + s.words, 0);
  const wordsChanged = out.reduce((n, s) => n + s.wordsChanged, 0);
  return {
    sections: out,
    stats: { words, wordsChanged, sectionsChanged: out.filter((s) => s.status !== 'same' && !s.parameterOnly).length, parameterDifferences },
    coarse: state.coarse,
  };
}
