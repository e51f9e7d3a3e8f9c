import type { Node as PMNode } from '@tiptap/pm/model';
import type { Lang } from './Lang';
import type { SectionKind } from '../schema/Section';

/** Acts number "Section 1" / "Artículo 1"; MOUs "Section 1" / "Cláusula 1". */
export type NumberingStyle = 'act' | 'mou';

/** The number drawn for one section. */
export interface SectionNumber {
  pos: number;
  sectionId: string;
  kind: SectionKind;
  ordinal: number;
  /** As printed before the heading: "Section 3." / "Artículo 3.-" / "Primero.-". */
  label: string;
  /** As written inside a sentence by a cross-reference: "Section 3" / "artículo 3". */
  refLabel: string;
}

/** The numbers drawn for a whole document (one language). */
export interface Numbering {
  sections: SectionNumber[];
  byId: Map<string, SectionNumber>;
  /** Provision labels by the provision's position: "(a)", "(1)", "(A)" / "I.", "a)", "1.". */
  provisions: Map<number, string>;
}

const ORDINALS: Record<Lang, string[]> = {
  en: ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth',
    'Eleventh', 'Twelfth', 'Thirteenth', 'Fourteenth', 'Fifteenth', 'Sixteenth', 'Seventeenth', 'Eighteenth',
    'Nineteenth', 'Twentieth'],
  es: ['Primero', 'Segundo', 'Tercero', 'Cuarto', 'Quinto', 'Sexto', 'Séptimo', 'Octavo', 'Noveno', 'Décimo',
    'Décimo Primero', 'Décimo Segundo', 'Décimo Tercero', 'Décimo Cuarto', 'Décimo Quinto', 'Décimo Sexto',
    'Décimo Séptimo', 'Décimo Octavo', 'Décimo Noveno', 'Vigésimo'],
};

/** "Primero", "Second"… (falls back to digits past twenty). */
export function ordinalWord(n: number, lang: Lang): string {
  return ORDINALS[lang][n - 1] ?? `${n}.º`;
}

/** Lower-case letters a, b, … z, aa, bb … as legislatures extend them. */
export function letterLabel(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Roman numerals for Mexican fracciones. */
export function romanLabel(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = n;
  let out = '';
  for (const [value, glyph] of table) {
    while (rest >= value) { out += glyph; rest -= value; }
  }
  return out;
}

/** The label of a provision at `level` with counter `n`. */
export function provisionLabel(level: number, n: number, lang: Lang): string {
  if (lang === 'en') {
    if (level === 1) return `(${letterLabel(n)})`;
    if (level === 2) return `(${n})`;
    return `(${letterLabel(n).toUpperCase()})`;
  }
  if (level === 1) return `${romanLabel(n)}.`;
  if (level === 2) return `${letterLabel(n)})`;
  return `${n}.`;
}

function sectionLabels(kind: SectionKind, ordinal: number, lang: Lang, style: NumberingStyle): { label: string; refLabel: string } {
  if (kind === 'transitory') {
    const word = ordinalWord(ordinal, lang);
    return lang === 'en'
      ? { label: `${word}.`, refLabel: `${word} Transitory Article` }
      : { label: `${word}.-`, refLabel: `artículo ${word} transitorio` };
  }
  if (lang === 'en') return { label: `Section ${ordinal}.`, refLabel: `Section ${ordinal}` };
  const word = style === 'mou' ? 'Cláusula' : 'Artículo';
  return { label: `${word} ${ordinal}.-`, refLabel: `${word.toLowerCase()} ${ordinal}` };
}

/** The number of one numbered block in the shared order. */
export interface BlockNumber {
  kind: SectionKind;
  ordinal: number;
  label: string;
  refLabel: string;
}

/**
 * Numbers the sections of a document from its reading order alone (no content needed): sections and
 * transitorios are counted separately. Other blocks get no number.
 */
export function numberBlocks(blocks: readonly { id: string; kind: string }[], lang: Lang, style: NumberingStyle = 'act'): Map<string, BlockNumber> {
  const out = new Map<string, BlockNumber>();
  const counters: Record<SectionKind, number> = { section: 0, transitory: 0 };
  for (const b of blocks) {
    if (b.kind !== 'section' && b.kind !== 'transitory') continue;
    const kind: SectionKind = b.kind;
    counters[kind] += 1;
    if (!out.has(b.id)) out.set(b.id, { kind, ordinal: counters[kind], ...sectionLabels(kind, counters[kind], lang, style) });
  }
  return out;
}

/** Labels of the provisions of one section's content, by the provision's offset inside `parent`'s content. */
export function provisionLabels(parent: PMNode, lang: Lang): Map<number, string> {
  const out = new Map<number, string>();
  const levelCounts = [0, 0, 0, 0];
  parent.forEach((child, offset) => {
    if (child.type.name !== 'provision') return;
    const level = Number(child.attrs.level) || 0;
    if (level === 0) return;
    levelCounts[level] = (levelCounts[level] ?? 0) + 1;
    for (let deeper = level + 1; deeper < levelCounts.length; deeper++) levelCounts[deeper] = 0;
    out.set(offset, provisionLabel(level, levelCounts[level] ?? 1, lang));
  });
  return out;
}

/** The in-sentence label of a cross-reference from block numbers, or a visible marker when its target is gone. */
export function blockRefLabel(numbers: Map<string, BlockNumber>, target: string, lang: Lang): string {
  return numbers.get(target)?.refLabel ?? (lang === 'en' ? '[missing section]' : '[artículo inexistente]');
}

/** Computes every number of a document. Sections and transitorios are counted separately. */
export function computeNumbering(doc: PMNode, lang: Lang, style: NumberingStyle = 'act'): Numbering {
  const sections: SectionNumber[] = [];
  const byId = new Map<string, SectionNumber>();
  const provisions = new Map<number, string>();
  const counters: Record<SectionKind, number> = { section: 0, transitory: 0 };
  doc.forEach((node, offset) => {
    if (node.type.name !== 'section') return;
    const kind: SectionKind = node.attrs.kind === 'transitory' ? 'transitory' : 'section';
    counters[kind] += 1;
    const entry: SectionNumber = {
      pos: offset,
      sectionId: String(node.attrs.sectionId ?? ''),
      kind,
      ordinal: counters[kind],
      ...sectionLabels(kind, counters[kind], lang, style),
    };
    sections.push(entry);
    if (entry.sectionId && !byId.has(entry.sectionId)) byId.set(entry.sectionId, entry);
    for (const [childOffset, label] of provisionLabels(node, lang)) provisions.set(offset + 1 + childOffset, label);
  });
  return { sections, byId, provisions };
}

/** The in-sentence label of a cross-reference, or a visible marker when its target is gone. */
export function crossRefLabel(numbering: Numbering, target: string, lang: Lang): string {
  const hit = numbering.byId.get(target);
  if (hit) return hit.refLabel;
  return lang === 'en' ? '[missing section]' : '[artículo inexistente]';
}
