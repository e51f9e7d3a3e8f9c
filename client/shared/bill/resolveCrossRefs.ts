import type { Lang } from './Lang';
import type { PMJSON } from './yBill';
import { billSchema } from '../schema/billSchema';
import { computeNumbering, crossRefLabel, type NumberingStyle } from './numbering';

/**
 * Replaces every cross-reference node with its current text ("Section 7", "artículo 7"), for
 * comparison and printing, where references must read as words.
 */
export function resolveCrossRefs(doc: PMJSON, lang: Lang, style: NumberingStyle): PMJSON {
  const numbering = computeNumbering(billSchema.nodeFromJSON(doc), lang, style);
  const visit = (n: PMJSON): PMJSON => {
    if (n.type === 'crossRef') return { type: 'text', text: crossRefLabel(numbering, String(n.attrs?.target ?? ''), lang) };
    return n.content ? { ...n, content: n.content.map(visit) } : n;
  };
  return visit(doc);
}
