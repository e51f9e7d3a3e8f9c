import type { Lang } from '../bill/Lang';
import type { PMJSON } from '../bill/yBill';
import type { NumberingStyle } from '../bill/numbering';
import type { ComparedParagraph, Comparison, SectionComparison } from './compareSections';
import { sectionLabels, type SectionLabel } from './sectionLabels';

/** A compared paragraph with the provision label it carries: the right-hand side's, or the left's where only the left has it. */
export interface LabelledParagraph extends ComparedParagraph {
  label: string | null;
}

/** A compared section with its printed number on each side ("Section 3." / "Artículo 3.-"). */
export interface LabelledSection extends SectionComparison {
  /** The number where the section stands now (the right-hand side), or on the left for a removed section; null for front and back matter. */
  label: string | null;
  /** Its number on the left-hand side, when it has one there. */
  leftLabel: string | null;
  /** The same as written in a sentence ("Section 8" / "artículo 8"), to say what a renumbered section was. */
  leftRefLabel: string | null;
  paragraphs: LabelledParagraph[];
}

/** A comparison whose sections and provisions carry their labels in the comparison's language. */
export interface LabelledComparison extends Comparison {
  sections: LabelledSection[];
}

function paragraphLabel(p: ComparedParagraph, left: SectionLabel | undefined, right: SectionLabel | undefined): string | null {
  const fromRight = p.right !== undefined ? right?.provisions[p.right] : undefined;
  const fromLeft = p.left !== undefined ? left?.provisions[p.left] : undefined;
  return (p.right !== undefined ? fromRight : fromLeft) ?? null;
}

/**
 * Puts the numbers of the two compared documents (in one language, each in its own numbering style)
 * on a comparison of them: section numbers and the provision labels "(a)", "(1)" / "I.", "a)".
 */
export function labelComparison(comparison: Comparison, left: { doc: PMJSON; style: NumberingStyle }, right: { doc: PMJSON; style: NumberingStyle }, lang: Lang): LabelledComparison {
  const l = sectionLabels(left.doc, lang, left.style);
  const r = sectionLabels(right.doc, lang, right.style);
  return {
    ...comparison,
    sections: comparison.sections.map((s) => {
      const ls = l.get(s.id);
      const rs = r.get(s.id);
      return {
        ...s,
        label: (rs ?? ls)?.label ?? null,
        leftLabel: ls?.label ?? null,
        leftRefLabel: ls?.refLabel ?? null,
        paragraphs: s.paragraphs.map((p) => ({ ...p, label: paragraphLabel(p, ls, rs) })),
      };
    }),
  };
}
