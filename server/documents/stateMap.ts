import type { Services } from '../services';
import type { User } from '../storage/UserStore';
import type { DocumentMeta } from '../storage/DocumentStore';
import type { Lang } from '@shared/bill/Lang';
import { canRead } from '../auth/permissions';
import { compareDocuments } from '@shared/compare/compareDocuments';
import { sectionLabels } from '@shared/compare/sectionLabels';
import type { SectionStatus } from '@shared/compare/compareSections';
import { documentContent } from './documentContent';
import { labelCrossRefs } from '@shared/compare/labelCrossRefs';
import { keepForm } from '@shared/bill/fillParameters';

/**
 * How a state's variant stands in one section: as the comparison says (same, changed, removed by
 * the state…), or `notInForm` when the section belongs to the other country's legal form (a
 * Mexican transitory article in a US bill) and so is not a departure at all.
 */
export type MapCellStatus = SectionStatus | 'notInForm';

/** One cell of the map: how far a state departs from the model in one section. */
export interface MapCell {
  status: MapCellStatus;
  words: number;
  wordsChanged: number;
  /** wordsChanged / words of the model's section (parameters excluded), 0 to 1. */
  share: number;
  parameterOnly: boolean;
}

/** One row of the map: a section of the model, named as the model prints it. */
export interface MapSection {
  id: string;
  /** As printed: "Section 3." / "Artículo 3.-" / "Primero.-". */
  label: string;
  /** As in a sentence: "Section 3" / "artículo Primero transitorio". */
  refLabel: string;
  heading: string;
  /** Which variants keep it: `any`, `us` or `mx`. */
  form: string;
}

/** The states × sections map of a model act. */
export interface StateMap {
  modelId: string;
  lang: Lang;
  sections: MapSection[];
  variants: { id: string; jurisdiction: string | null; title: { en: string; es: string }; added: number; share: number }[];
  /** cells[section][variant] */
  cells: MapCell[][];
}

const NOT_IN_FORM: MapCell = { status: 'notInForm', words: 0, wordsChanged: 0, share: 0, parameterOnly: false };

/** Compares every readable variant of `model` with it, section by section. */
export function stateMap(services: Services, user: User, model: DocumentMeta, lang: Lang, country: string | null): StateMap {
  const rawModel = documentContent(services, model.id);
  const modelContent = labelCrossRefs(rawModel[lang], lang, model.docType);
  const sections: MapSection[] = [...sectionLabels(modelContent, lang, model.docType)].map(([id, s]) => ({ id, label: s.label, refLabel: s.refLabel, heading: s.heading, form: s.form }));
  const variants = services.documents
    .list()
    .filter((d) => d.modelId === model.id && canRead(user, d) && (!country || d.jurisdiction?.startsWith(`${country}-`)))
    .sort((a, b) => (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? ''));
  const cells: MapCell[][] = sections.map(() => []);
  const bases = new Map<string, ReturnType<typeof labelCrossRefs>>();
  const columns: StateMap['variants'] = [];
  for (const v of variants) {
    // Each variant against the model in its own legislative form (US or Mexican).
    const country = v.jurisdiction ? services.library.jurisdictions.get(v.jurisdiction)?.country : undefined;
    const form = country === 'US' ? 'us' : country === 'MX' ? 'mx' : null;
    let base = country ? bases.get(country) : modelContent;
    if (!base && country) {
      base = labelCrossRefs(keepForm(rawModel, country === 'US' ? 'us' : 'mx')[lang], lang, model.docType);
      bases.set(country, base);
    }
    const comparison = compareDocuments(base ?? modelContent, labelCrossRefs(documentContent(services, v.id)[lang], lang, v.docType));
    const byId = new Map(comparison.sections.map((s) => [s.id, s]));
    sections.forEach((s, row) => {
      const c = byId.get(s.id);
      const line = cells[row] as MapCell[];
      if (form && s.form !== 'any' && s.form !== form && (!c || c.status === 'removed')) {
        line.push(NOT_IN_FORM);
        return;
      }
      const words = c?.words ?? 0;
      const wordsChanged = c?.wordsChanged ?? 0;
      line.push({
        status: c?.status ?? 'removed',
        words,
        wordsChanged,
        share: words ? Math.min(1, wordsChanged / words) : wordsChanged ? 1 : 0,
        parameterOnly: c?.parameterOnly ?? false,
      });
    });
    const modelWords = comparison.stats.words || 1;
    columns.push({
      id: v.id,
      jurisdiction: v.jurisdiction,
      title: v.title,
      added: comparison.sections.filter((s) => s.status === 'added').length,
      share: Math.min(1, comparison.stats.wordsChanged / modelWords),
    });
  }
  return { modelId: model.id, lang, sections, variants: columns, cells };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Quote, and neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The map as CSV: a row per section, a column per jurisdiction, cells as percentages of words changed; words from the locales in the map's language. */
export function stateMapCsv(map: StateMap, t: (key: string) => string): string {
  const mark = (c: MapCell) => (c.status === 'removed' ? t('map.csvRemoved') : c.status === 'notInForm' ? t('map.csvNotInForm') : (c.share * 100).toFixed(1));
  const head = [t('map.csvSection'), t('map.csvHeading'), ...map.variants.map((v) => v.jurisdiction ?? v.id)];
  const rows = map.sections.map((s, i) => [s.label, s.heading, ...(map.cells[i] ?? []).map(mark)]);
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Longest file-name part, in characters; a title is cut at the last word that fits. */
const MAX_SLUG = 60;

/** The CSV's file name: the model's title in the map's language as ASCII words joined by dashes (cut at a word), "-map-", the language. */
export function stateMapFileName(title: string, lang: Lang): string {
  const words = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return `${slug || (words[0] ?? '').slice(0, MAX_SLUG) || 'model'}-map-${lang}.csv`;
}
