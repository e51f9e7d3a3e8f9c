import * as Y from 'yjs';
import type { Services } from '../services';
import type { DocumentMeta } from '../storage/DocumentStore';
import { badRequest, notFound } from '../errors';
import { LANGS, type Lang } from '@shared/bill/Lang';
import type { BilingualContent, PMJSON } from '@shared/bill/yBill';
import { META_MAP } from '@shared/bill/yBill';
import { deleteBlock, moveBlockAfter, replaceBlockContent, upsertBlock, visibleBlocks, visibleOrder } from '@shared/layout';
import { fillParameters, keepForm, type ParameterValues } from '@shared/bill/fillParameters';
import { sectionTokens, type SectionTokens } from '@shared/compare/sectionTokens';
import { compareSection, type ComparedParagraph } from '@shared/compare/compareSections';
import { sectionLabels } from '@shared/compare/sectionLabels';
import { labelCrossRefs } from '@shared/compare/labelCrossRefs';
import type { NumberingStyle } from '@shared/bill/numbering';
import { documentContent } from './documentContent';
import { versionContent } from './documentRefs';

/** Origin of the edits that take the model's text (and that undo taking it). */
export const UPSTREAM_ORIGIN = 'puente:upstream';

/** How a section of the model moved on since the variant was made from it. */
export type UpstreamState = 'clean' | 'conflict' | 'added' | 'removed';

/** One section the model changed since the variant's basis. */
export interface UpstreamSection {
  id: string;
  state: UpstreamState;
  /**
   * The section's number as printed in the requested language ("Section 8." / "Artículo 8.-" /
   * "Primero.-"): where the variant has it, its number there; a section new in the model, its number in the model.
   */
  label: string;
  /** Its heading, from the same side as `label`. */
  heading: string;
  /** What the model changed (basis → model now), paragraph by paragraph, in the requested language. */
  modelChanges: ComparedParagraph[];
  /** Whether the variant changed this section too (basis → variant now, parameters excluded). */
  variantChanged: boolean;
}

function sectionsById(doc: PMJSON): Map<string, PMJSON> {
  return new Map((doc.content ?? []).filter((n) => n.type === 'section').map((n) => [String(n.attrs?.sectionId), n]));
}

interface Sides { basis: BilingualContent; model: BilingualContent; variant: BilingualContent }

function sides(services: Services, variant: DocumentMeta): Sides {
  if (variant.kind !== 'variant' || !variant.modelId || !variant.modelVersion) throw badRequest('not_a_variant', 'notAVariant');
  const country = variant.jurisdiction ? services.library.jurisdictions.get(variant.jurisdiction)?.country : undefined;
  const form = country === 'MX' ? 'mx' : 'us';
  return {
    basis: keepForm(versionContent(services, variant.modelId, variant.modelVersion), form),
    model: keepForm(documentContent(services, variant.modelId), form),
    variant: documentContent(services, variant.id),
  };
}

type SectionsByLang = Record<Lang, Map<string, SectionTokens>>;

/** Each language's sections as tokens, cross-references read as that side numbers them. */
function tokensByLang(content: BilingualContent, style: NumberingStyle): SectionsByLang {
  const of = (lang: Lang) => new Map(sectionTokens(labelCrossRefs(content[lang], lang, style)).map((s) => [s.id, s]));
  return { en: of('en'), es: of('es') };
}

const has = (side: SectionsByLang, id: string) => side.en.has(id) || side.es.has(id);

/** Whether the words of a section differ between two sides in either language (filled-in values aside). */
function wordsDiffer(x: SectionsByLang, y: SectionsByLang, id: string): boolean {
  return LANGS.some((lang) => compareSection(x[lang].get(id), y[lang].get(id)).textChanged);
}

/**
 * The three-way view: model then (the variant's basis), model now, variant now. A section is listed
 * when the model changed it in either language and the variant does not already say what the model
 * says; it is a conflict when the variant changed it too, in either language. The redline is in `lang`.
 */
export function upstreamChanges(services: Services, variant: DocumentMeta, lang: Lang): UpstreamSection[] {
  const { basis, model, variant: ours } = sides(services, variant);
  const b = tokensByLang(basis, variant.docType);
  const m = tokensByLang(model, variant.docType);
  const v = tokensByLang(ours, variant.docType);
  const named = { variant: sectionLabels(ours[lang], lang, variant.docType), model: sectionLabels(model[lang], lang, variant.docType) };
  const out: UpstreamSection[] = [];
  for (const id of new Set([...m.en.keys(), ...m.es.keys(), ...b.en.keys(), ...b.es.keys()])) {
    if (id.startsWith('_')) continue;
    const inBasis = has(b, id);
    const inModel = has(m, id);
    const inVariant = has(v, id);
    if (inBasis && inModel && !wordsDiffer(b, m, id)) continue;
    // Already taken: the variant says what the model says now.
    if (inModel && inVariant && !wordsDiffer(m, v, id)) continue;
    if (!inModel && !inVariant) continue;
    const variantChanged = inBasis && inVariant ? wordsDiffer(b, v, id) : inBasis !== inVariant;
    const state: UpstreamState = !inBasis ? 'added' : !inModel ? 'removed' : variantChanged ? 'conflict' : 'clean';
    const name = named.variant.get(id) ?? named.model.get(id);
    const modelChanges = compareSection(b[lang].get(id), m[lang].get(id)).paragraphs;
    out.push({ id, state, label: name?.label ?? '', heading: name?.heading ?? '', modelChanges, variantChanged });
  }
  return out;
}

/** Where a section the variant lacks goes: after the nearest section before it in the model that the variant shows. */
function placeAfter(ydoc: Y.Doc, modelOrder: string[], sectionId: string): string | null {
  const shown = visibleBlocks(ydoc);
  const ids = new Set(shown.map((b) => b.id));
  const before = modelOrder.slice(0, Math.max(0, modelOrder.indexOf(sectionId))).reverse().find((id) => ids.has(id));
  if (before) return before;
  // First in the model: before the variant's first section, else at the end.
  const first = shown.findIndex((b) => b.kind === 'section' || b.kind === 'transitory');
  if (first < 0) return shown[shown.length - 1]?.id ?? null;
  return shown[first - 1]?.id ?? null;
}

/** The model's current text, filled with the variant's parameter values, section by section in each language. */
function filledModel(ydoc: Y.Doc, model: BilingualContent): { en: Map<string, PMJSON>; es: Map<string, PMJSON>; order: string[] } {
  const paramsMap = ydoc.getMap(META_MAP).get('params');
  const values = (paramsMap instanceof Y.Map ? paramsMap.toJSON() : {}) as ParameterValues;
  const filled = fillParameters(model, values);
  const en = sectionsById(filled.en);
  return { en, es: sectionsById(filled.es), order: [...en.keys()] };
}

/** Takes one section's model text into the live document (inside the caller's transaction). */
function takeSection(ydoc: Y.Doc, theirs: ReturnType<typeof filledModel>, sectionId: string, by: string): void {
  const section = { en: theirs.en.get(sectionId), es: theirs.es.get(sectionId) };
  const head = section.en ?? section.es;
  const shown = visibleOrder(ydoc).includes(sectionId);
  if (!head) {
    if (!shown) throw notFound('section_not_found', 'sectionNotFound', { id: sectionId });
    deleteBlock(ydoc, sectionId, by, UPSTREAM_ORIGIN);
    return;
  }
  if (shown) {
    for (const lang of LANGS) {
      const nodes = section[lang];
      if (nodes) replaceBlockContent(ydoc, sectionId, lang, nodes.content ?? [], UPSTREAM_ORIGIN);
    }
    return;
  }
  const form = head.attrs?.form;
  upsertBlock(ydoc, {
    id: sectionId,
    kind: head.attrs?.kind === 'transitory' ? 'transitory' : 'section',
    form: form === 'us' || form === 'mx' ? form : 'any',
    content: { en: section.en?.content ?? [], es: section.es?.content ?? [] },
  }, UPSTREAM_ORIGIN);
  moveBlockAfter(ydoc, sectionId, placeAfter(ydoc, theirs.order, sectionId), UPSTREAM_ORIGIN);
}

/**
 * Takes the model's current text of sections into the variant, in both languages, with the
 * variant's parameter values, in one transaction of the live document (persisted and broadcast like
 * any edit). A section the variant has is changed only where it differs; one it lacks is put after
 * its predecessor in the model; one the model removed is deleted from the variant (kept, restorable,
 * as deleted by `by`). Sections are taken in the model's order, so new neighbours land in sequence.
 */
export function applyUpstreamSections(services: Services, variant: DocumentMeta, sectionIds: readonly string[], by: string): void {
  const { model } = sides(services, variant);
  const room = services.rooms.open(variant.id);
  try {
    const ydoc = room.ydoc;
    const theirs = filledModel(ydoc, model);
    const rank = (id: string) => { const i = theirs.order.indexOf(id); return i < 0 ? Number.MAX_SAFE_INTEGER : i; };
    const ids = [...new Set(sectionIds)].sort((a, b) => rank(a) - rank(b));
    ydoc.transact(() => {
      for (const id of ids) takeSection(ydoc, theirs, id, by);
    }, UPSTREAM_ORIGIN);
  } finally {
    if (room.conns.size === 0) services.rooms.release(room);
  }
}

/** Takes the model's current text of one section into the variant (see applyUpstreamSections). */
export function applyUpstream(services: Services, variant: DocumentMeta, sectionId: string, by: string): void {
  applyUpstreamSections(services, variant, [sectionId], by);
}

/** The sections the model changed that the variant did not touch: those that can be taken without losing the state's own drafting. */
export function cleanUpstreamSections(services: Services, variant: DocumentMeta): string[] {
  // Which sections are listed, and whether the variant touched them, does not depend on the language of the redline.
  return upstreamChanges(services, variant, 'en').filter((s) => !s.variantChanged).map((s) => s.id);
}
