import type { Lang } from './Lang';

/** One line of pasted text, and whether its source marked it as a heading. */
export interface PastedLine {
  text: string;
  heading: boolean;
}

/** A provision read from pasted text: its level (0 unnumbered, 1–3) and its text without the label. */
export interface PastedProvision {
  level: number;
  text: string;
}

/** Pasted text as a bill understands it: provisions for where the cursor is, then new sections. */
export interface PastedStructure {
  lead: PastedProvision[];
  sections: { heading: string; provisions: PastedProvision[] }[];
}

/** "Section 5.", "SEC. 2.", "Artículo 5.-", "ARTÍCULO QUINTO.-", "Cláusula 3." before a heading. */
const SECTION_LABEL = /^(?:section|sec\.|art[íi]culo|art\.|cl[áa]usula)\s+(?:\d+|[a-záéíóúñ]+(?:\s+[a-záéíóúñ]+)?)(?:\s+bis)?\s*(?:\.-|\.–|\.|-|–|:)\s*/i;

const LABELS: Record<Lang, [RegExp, number][]> = {
  en: [[/^\((\d+)\)\s+/, 2], [/^\(([A-Z]{1,3})\)\s+/, 3], [/^\(([a-z]{1,3})\)\s+/, 1]],
  es: [[/^([IVXLC]+)\.\s+/, 1], [/^([a-z]{1,2})\)\s+/, 2], [/^(\d+)\.\s+/, 3]],
};

/** A pasted paragraph as a provision: a leading label ("(a)", "II.", "b)") gives its level and is dropped, since labels are computed. */
export function pastedProvision(text: string, lang: Lang): PastedProvision {
  const clean = text.replace(/\s+/g, ' ').trim();
  for (const [pattern, level] of LABELS[lang]) {
    const m = pattern.exec(clean);
    if (m) return { level, text: clean.slice(m[0].length) };
  }
  return { level: 0, text: clean };
}

/** Whether a plain line reads as a section heading ("Section 4. Notice", "Artículo 4.- Notificación"). */
export function looksLikeSectionHeading(text: string): boolean {
  return SECTION_LABEL.test(text.trim()) && text.trim().length < 200;
}

/**
 * Reads pasted lines (from a web page, Word, or plain text) as bill structure: paragraphs before
 * the first heading become provisions where the cursor is; each heading starts a new section with
 * the paragraphs after it as its provisions. Section numbers in headings are dropped.
 */
export function structurePasted(lines: readonly PastedLine[], lang: Lang): PastedStructure {
  const out: PastedStructure = { lead: [], sections: [] };
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (line.heading || looksLikeSectionHeading(text)) {
      out.sections.push({ heading: text.replace(SECTION_LABEL, '').trim() || text, provisions: [] });
      continue;
    }
    const provision = pastedProvision(text, lang);
    const current = out.sections[out.sections.length - 1];
    if (current) current.provisions.push(provision);
    else out.lead.push(provision);
  }
  return out;
}
