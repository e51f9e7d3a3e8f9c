import type { Services } from '../services';
import type { User } from '../storage/UserStore';
import type { DocumentMeta } from '../storage/DocumentStore';
import type { Lang } from '@shared/bill/Lang';
import { canRead } from '../auth/permissions';
import { compareDocuments } from '@shared/compare/compareDocuments';
import { computeNumbering } from '@shared/bill/numbering';
import { billSchema } from '@shared/schema/billSchema';
import type { SectionStatus } from '@shared/compare/compareSections';
import { documentContent } from './documentContent';
import { resolveCrossRefs } from '@shared/bill/resolveCrossRefs';
import { keepForm } from '@shared/bill/fillParameters';

/** One cell of the map: how far a state departs from the model in one section. */
export interface MapCell {
  status: SectionStatus;
  words: number;
  wordsChanged: number;
  /** wordsChanged / words of the model's section (parameters excluded), 0 to 1. */
  share: number;
  parameterOnly: boolean;
}

/** The states × sections map of a model act. */
export interface StateMap {
  modelId: string;
  lang: Lang;
  sections: { id: string; label: string; heading: string }[];
  variants: { id: string; jurisdiction: string | null; title: { en: string; es: string }; added: number; share: number }[];
  /** cells[section][variant] */
  cells: MapCell[][];
}

/** Compares every readable variant of `model` with it, section by section. */
export function stateMap(services: Services, user: User, model: DocumentMeta, lang: Lang, country: string | null): StateMap {
  const rawModel = documentContent(services, model.id);
  const modelContent = resolveCrossRefs(rawModel[lang], lang, model.docType);
  const numbering = computeNumbering(billSchema.nodeFromJSON(modelContent), lang, model.docType);
  const headings = new Map<string, string>();
  for (const block of modelContent.content ?? []) {
    if (block.type !== 'section') continue;
    const heading = block.content?.[0];
    const text = (heading?.content ?? []).map((n) => n.text ?? (n.attrs?.value as string | undefined) ?? '').join('');
    headings.set(String(block.attrs?.sectionId), text);
  }
  const sections = numbering.sections.map((s) => ({ id: s.sectionId, label: s.refLabel, heading: headings.get(s.sectionId) ?? '' }));
  const variants = services.documents
    .list()
    .filter((d) => d.modelId === model.id && canRead(user, d) && (!country || d.jurisdiction?.startsWith(`${country}-`)))
    .sort((a, b) => (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? ''));
  const cells: MapCell[][] = sections.map(() => []);
  const bases = new Map<string, ReturnType<typeof resolveCrossRefs>>();
  const columns: StateMap['variants'] = [];
  for (const v of variants) {
    // Each variant against the model in its own legislative form (US or Mexican).
    const country = v.jurisdiction ? services.library.jurisdictions.get(v.jurisdiction)?.country : undefined;
    let base = country ? bases.get(country) : modelContent;
    if (!base && country) {
      base = resolveCrossRefs(keepForm(rawModel, country === 'US' ? 'us' : 'mx')[lang], lang, model.docType);
      bases.set(country, base);
    }
    const comparison = compareDocuments(base ?? modelContent, resolveCrossRefs(documentContent(services, v.id)[lang], lang, v.docType));
    const byId = new Map(comparison.sections.map((s) => [s.id, s]));
    sections.forEach((s, row) => {
      const c = byId.get(s.id);
      const words = c?.words ?? 0;
      const wordsChanged = c?.wordsChanged ?? 0;
      (cells[row] as MapCell[]).push({
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

/** The map as CSV: a row per section, a column per jurisdiction, cells as percentages of words changed. */
export function stateMapCsv(map: StateMap, lang: Lang): string {
  const head = [lang === 'es' ? 'Artículo' : 'Section', lang === 'es' ? 'Epígrafe' : 'Heading', ...map.variants.map((v) => v.jurisdiction ?? v.id)];
  const rows = map.sections.map((s, i) => [s.label, s.heading, ...(map.cells[i] ?? []).map((c) => (c.status === 'removed' ? (lang === 'es' ? 'suprimido' : 'removed') : (c.share * 100).toFixed(1)))]);
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
