import type { Lang } from '../bill/Lang';
import type { PMJSON } from '../bill/yBill';
import { computeNumbering, crossRefLabel, type NumberingStyle } from '../bill/numbering';
import { billSchema } from '../schema/billSchema';

/**
 * Gives every cross-reference the words it reads as on this document ("Section 7", "artículo 7")
 * as `attrs.label`, keeping the node and its target: a comparison then matches references by
 * target, so a reference renumbered along with its section is not a drafting change, and shows
 * each side's words.
 */
export function labelCrossRefs(doc: PMJSON, lang: Lang, style: NumberingStyle): PMJSON {
  const numbering = computeNumbering(billSchema.nodeFromJSON(doc), lang, style);
  const visit = (n: PMJSON): PMJSON => {
    if (n.type === 'crossRef') return { ...n, attrs: { ...n.attrs, label: crossRefLabel(numbering, String(n.attrs?.target ?? ''), lang) } };
    return n.content ? { ...n, content: n.content.map(visit) } : n;
  };
  return visit(doc);
}
