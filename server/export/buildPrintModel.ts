import type { TFunction } from 'i18next';
import type { Lang } from '@shared/bill/Lang';
import type { BilingualContent, PMJSON } from '@shared/bill/yBill';
import type { Jurisdiction } from '@shared/bill/templateFormat';
import type { NumberingStyle, Numbering } from '@shared/bill/numbering';
import { computeNumbering, crossRefLabel } from '@shared/bill/numbering';
import { billSchema } from '@shared/schema/billSchema';
import { resolveCrossRefs } from '@shared/bill/resolveCrossRefs';
import { compareDocuments } from '@shared/compare/compareDocuments';
import type { Change } from '@shared/compare/compareSections';
import type { BlockKind, PrintBlock, PrintModel, PrintRow, Run } from './PrintModel';

/** What is exported. */
export interface ExportInput {
  title: { en: string; es: string };
  docType: NumberingStyle;
  kind: 'model' | 'variant';
  content: BilingualContent;
  /** Present for a redline: the document compared against. */
  against?: BilingualContent;
  langs: Lang[];
  uiLang: Lang;
  jurisdiction: Jurisdiction | null;
  /** When the exported state was last changed. */
  versionDate: Date;
  t: TFunction;
}

const KINDS: Record<string, BlockKind> = {
  billTitle: 'title',
  enactingClause: 'enacting',
  frontHeading: 'heading',
  paragraph: 'paragraph',
  signatureBlock: 'signature',
};

function inlineRuns(node: PMJSON, numbering: Numbering, lang: Lang, counter: { unfilled: number }): Run[] {
  const runs: Run[] = [];
  for (const n of node.content ?? []) {
    if (n.type === 'text') {
      // Suggestions, when exported "shown", print as insertions and deletions.
      const marks = n.marks?.map((m) => m.type) ?? [];
      runs.push({ text: n.text ?? '', style: marks.includes('suggestedInsertion') ? 'ins' : marks.includes('suggestedDeletion') ? 'del' : 'normal' });
    }
    else if (n.type === 'hardBreak') runs.push({ text: '\n', style: 'normal' });
    else if (n.type === 'crossRef') runs.push({ text: crossRefLabel(numbering, String(n.attrs?.target ?? ''), lang), style: 'normal' });
    else if (n.type === 'parameter') {
      const value = n.attrs?.value as string | null | undefined;
      if (value) runs.push({ text: value, style: 'param' });
      else {
        counter.unfilled++;
        runs.push({ text: `⟨${String(n.attrs?.key ?? '')}⟩`, style: 'unfilled' });
      }
    }
  }
  return runs;
}

/** The document's units (front blocks, sections, back blocks) keyed so both languages line up. */
function plainUnits(doc: PMJSON, lang: Lang, style: NumberingStyle, counter: { unfilled: number }): Map<string, PrintBlock[]> {
  const node = billSchema.nodeFromJSON(doc);
  const numbering = computeNumbering(node, lang, style);
  const units = new Map<string, PrintBlock[]>();
  let seenSection = false;
  let loose = 0;
  for (const block of doc.content ?? []) {
    if (block.type === 'section') {
      seenSection = true;
      const id = String(block.attrs?.sectionId ?? '');
      const number = numbering.sections.find((s) => s.sectionId === id);
      const blocks: PrintBlock[] = [];
      let childOffset = (number?.pos ?? 0) + 1;
      for (const child of block.content ?? []) {
        const childNode = billSchema.nodeFromJSON(child);
        if (child.type === 'sectionHeading') {
          blocks.push({ kind: 'sectionHeading', level: 0, label: number?.label ?? null, runs: inlineRuns(child, numbering, lang, counter) });
        } else {
          blocks.push({ kind: 'provision', level: Number(child.attrs?.level ?? 0), label: numbering.provisions.get(childOffset) ?? null, runs: inlineRuns(child, numbering, lang, counter) });
        }
        childOffset += childNode.nodeSize;
      }
      units.set(`s:${id}`, blocks);
    } else {
      units.set(`${seenSection ? 'back' : 'front'}:${loose++}`, [{ kind: KINDS[block.type] ?? 'paragraph', level: 0, label: null, runs: inlineRuns(block, numbering, lang, counter) }]);
    }
  }
  return units;
}

function changeRuns(changes: Change[]): Run[] {
  return changes.map((c) => ({
    text: c.text,
    style: c.type === 'insert' ? 'ins' : c.type === 'delete' ? 'del' : c.type === 'parameter' ? 'param' : c.text.startsWith('⟨') ? 'unfilled' : 'normal',
  }));
}

/** Redline units: the comparison of `against` with `doc`, numbered as `doc` is now. */
function redlineUnits(against: PMJSON, doc: PMJSON, lang: Lang, style: NumberingStyle): Map<string, PrintBlock[]> {
  const numbering = computeNumbering(billSchema.nodeFromJSON(doc), lang, style);
  const comparison = compareDocuments(resolveCrossRefs(against, lang, style), resolveCrossRefs(doc, lang, style));
  const provisionLabels = new Map<string, (string | null)[]>();
  const node = billSchema.nodeFromJSON(doc);
  node.forEach((section, pos) => {
    if (section.type.name !== 'section') return;
    const labels: (string | null)[] = [];
    section.forEach((child, childOffset) => {
      if (child.type.name === 'provision') labels.push(numbering.provisions.get(pos + 1 + childOffset) ?? null);
    });
    provisionLabels.set(String(section.attrs.sectionId), labels);
  });
  const units = new Map<string, PrintBlock[]>();
  for (const s of comparison.sections) {
    if (s.kind === 'front' || s.kind === 'back') {
      s.paragraphs.forEach((p, i) => units.set(`${s.kind}:${i}`, [{ kind: i === 0 && s.kind === 'front' ? 'title' : 'paragraph', level: 0, label: null, runs: changeRuns(p.changes) }]));
      continue;
    }
    const number = numbering.byId.get(s.id);
    const labels = provisionLabels.get(s.id) ?? [];
    let current = 0;
    const blocks = s.paragraphs.map((p, i): PrintBlock => {
      const deletedOnly = p.changes.every((c) => c.type === 'delete');
      if (i === 0) return { kind: 'sectionHeading', level: 0, label: number && s.status !== 'removed' ? number.label : null, runs: changeRuns(p.changes) };
      const label = deletedOnly || s.status === 'removed' ? null : (labels[current++] ?? null);
      return { kind: 'provision', level: p.level, label, runs: changeRuns(p.changes) };
    });
    units.set(`s:${s.id}`, blocks);
  }
  return units;
}

/** Builds what the DOCX and PDF renderers print, in one or both languages, plain or as a redline. */
export function buildPrintModel(input: ExportInput): PrintModel {
  const { t, uiLang } = input;
  const counter = { unfilled: 0 };
  const perLang = new Map<Lang, Map<string, PrintBlock[]>>();
  for (const lang of input.langs) {
    perLang.set(lang, input.against ? redlineUnits(input.against[lang], input.content[lang], lang, input.docType) : plainUnits(input.content[lang], lang, input.docType, counter));
  }
  // Row order: the first language's units, with units only the second has inserted after their predecessor.
  const order: string[] = [];
  for (const units of perLang.values()) {
    let after = -1;
    for (const key of units.keys()) {
      const at = order.indexOf(key);
      if (at >= 0) after = at;
      else order.splice(++after, 0, key);
    }
  }
  const rows: PrintRow[] = order.map((key) => ({
    key,
    cells: Object.fromEntries(input.langs.map((lang) => [lang, perLang.get(lang)?.get(key) ?? []])),
  }));

  const j = input.jurisdiction;
  // Jurisdiction and legislature at the head of the bill, in each printed language.
  const headLine = (lang: Lang) =>
    j ? [j.parameters.stateFormalName?.[lang] ?? j.name[lang], j.parameters.legislatureName?.[lang]].filter(Boolean).join(' — ') : t('export.modelAct', { lng: lang });
  const head: PrintRow = {
    key: 'head',
    cells: Object.fromEntries(input.langs.map((lang) => [lang, [{ kind: 'head', level: 0, label: null, runs: [{ text: headLine(lang), style: 'normal' }] }]])),
  };
  const date = new Intl.DateTimeFormat(uiLang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'long' }).format(input.versionDate);
  const title = input.title[input.langs.length === 1 ? (input.langs[0] as Lang) : uiLang];
  return {
    langs: input.langs,
    uiLang,
    title,
    header: `${title} — ${t('export.versionOf', { lng: uiLang, date })}${input.against ? ` — ${t('export.redline', { lng: uiLang })}` : ''}`,
    pageLabel: t('export.pageLabel', { lng: uiLang }),
    columnHeadings: Object.fromEntries(input.langs.map((lang) => [lang, `${t(`languages.${lang}`, { lng: uiLang })}${j ? ` — ${j.authoritativeLanguage === lang ? t('editor.authoritative', { lng: uiLang }) : t('editor.translation', { lng: uiLang })}` : ''}`])),
    rows: [head, ...rows],
    redline: Boolean(input.against),
    unfilled: counter.unfilled,
  };
}
