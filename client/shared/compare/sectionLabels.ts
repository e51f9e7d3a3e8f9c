import type { Lang } from '../bill/Lang';
import type { PMJSON } from '../bill/yBill';
import { computeNumbering, type NumberingStyle } from '../bill/numbering';
import { billSchema } from '../schema/billSchema';

/** How one section of a document is named where people read it. */
export interface SectionLabel {
  /** As printed before the heading: "Section 3." / "Artículo 3.-" / "Primero.-". */
  label: string;
  /** As written inside a sentence: "Section 3" / "artículo Primero transitorio". */
  refLabel: string;
  /** The heading's text (parameters as filled in). */
  heading: string;
  /** The section's legislative form: `any`, `us` or `mx`. */
  form: string;
  /** The label of each paragraph (the heading first, so index 0 is null): "(a)", "(1)" / "I.", "a)"; null when unnumbered. */
  provisions: (string | null)[];
}

/** Plain text of an inline node, a filled-in parameter read as its value (or its key when unfilled). */
function inlineText(node: PMJSON): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'parameter') return (node.attrs?.value as string | null | undefined) ?? `⟨${String(node.attrs?.key ?? '')}⟩`;
  if (node.type === 'crossRef') return typeof node.attrs?.label === 'string' ? node.attrs.label : '';
  return (node.content ?? []).map(inlineText).join('');
}

/**
 * Every section's number, heading and provision labels in one language, as the bill's numbering
 * (client/shared/bill/numbering.ts) draws them on this content, keyed by section id.
 */
export function sectionLabels(doc: PMJSON, lang: Lang, style: NumberingStyle): Map<string, SectionLabel> {
  const node = billSchema.nodeFromJSON(doc);
  const numbering = computeNumbering(node, lang, style);
  const out = new Map<string, SectionLabel>();
  for (const s of numbering.sections) {
    const section = node.nodeAt(s.pos);
    if (!section || out.has(s.sectionId)) continue;
    const provisions: (string | null)[] = [];
    section.forEach((_child, offset) => provisions.push(numbering.provisions.get(s.pos + 1 + offset) ?? null));
    const heading = section.firstChild?.type.name === 'sectionHeading' ? inlineText(section.firstChild.toJSON() as PMJSON) : '';
    out.set(s.sectionId, { label: s.label, refLabel: s.refLabel, heading, form: String(section.attrs.form ?? 'any'), provisions });
  }
  return out;
}
