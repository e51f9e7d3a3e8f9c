import * as Y from 'yjs';
import type { Services } from '../services';
import type { DocumentMeta } from '../storage/DocumentStore';
import { badRequest, notFound } from '../errors';
import { LANGS, type Lang } from '@shared/bill/Lang';
import type { BilingualContent, PMJSON } from '@shared/bill/yBill';
import { META_MAP } from '@shared/bill/yBill';
import { deleteBlock, moveBlockAfter, replaceBlockContent, upsertBlock, visibleBlocks, visibleOrder } from '@shared/layout';
import { fillParameters, keepForm, type ParameterValues } from '@shared/bill/fillParameters';
import { sectionTokens } from '@shared/compare/sectionTokens';
import { compareSection, type Change } from '@shared/compare/compareSections';
import { documentContent } from './documentContent';
import { versionContent } from './documentRefs';

/** Origin of the edits that take the model's text. */
const UPSTREAM_ORIGIN = 'puente:upstream';

/** How a section of the model moved on since the variant was made from it. */
export type UpstreamState = 'clean' | 'conflict' | 'added' | 'removed';

/** One section the model changed since the variant's basis. */
export interface UpstreamSection {
  id: string;
  state: UpstreamState;
  /** What the model changed (basis → model now), paragraph by paragraph, in the requested language. */
  modelChanges: { level: number; changes: Change[] }[];
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

/** The three-way view: model then (the variant's basis), model now, variant now. */
export function upstreamChanges(services: Services, variant: DocumentMeta, lang: Lang): UpstreamSection[] {
  const { basis, model, variant: ours } = sides(services, variant);
  const b = new Map(sectionTokens(basis[lang]).map((s) => [s.id, s]));
  const m = new Map(sectionTokens(model[lang]).map((s) => [s.id, s]));
  const v = new Map(sectionTokens(ours[lang]).map((s) => [s.id, s]));
  const out: UpstreamSection[] = [];
  for (const id of new Set([...m.keys(), ...b.keys()])) {
    if (id.startsWith('_')) continue;
    const theirs = compareSection(b.get(id), m.get(id));
    const modelChanged = !b.has(id) || !m.has(id) || theirs.textChanged;
    if (!modelChanged) continue;
    // Already taken: the variant says what the model says now.
    if (m.has(id) && v.has(id) && !compareSection(m.get(id), v.get(id)).textChanged) continue;
    if (!m.has(id) && !v.has(id)) continue;
    const mine = b.has(id) && v.has(id) ? compareSection(b.get(id), v.get(id)) : null;
    const variantChanged = mine ? mine.textChanged : b.has(id) !== v.has(id);
    const state: UpstreamState = !b.has(id) ? 'added' : !m.has(id) ? 'removed' : variantChanged ? 'conflict' : 'clean';
    out.push({ id, state, modelChanges: theirs.paragraphs, variantChanged });
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

/**
 * Takes the model's current text of one section into the variant, in both languages, with the
 * variant's parameter values; the change goes through the live document like any edit. A section
 * the variant has is changed only where it differs; one it lacks is put after its predecessor in
 * the model; one the model removed is deleted from the variant (kept, restorable, as deleted by `by`).
 */
export function applyUpstream(services: Services, variant: DocumentMeta, sectionId: string, by: string): void {
  const { model } = sides(services, variant);
  const room = services.rooms.open(variant.id);
  try {
    const ydoc = room.ydoc;
    const paramsMap = ydoc.getMap(META_MAP).get('params');
    const values = (paramsMap instanceof Y.Map ? paramsMap.toJSON() : {}) as ParameterValues;
    const filled = fillParameters(model, values);
    const theirs = { en: sectionsById(filled.en).get(sectionId), es: sectionsById(filled.es).get(sectionId) };
    const head = theirs.en ?? theirs.es;
    const shown = visibleOrder(ydoc).includes(sectionId);
    if (!head) {
      if (!shown) throw notFound('section_not_found', 'sectionNotFound', { id: sectionId });
      deleteBlock(ydoc, sectionId, by, UPSTREAM_ORIGIN);
      return;
    }
    ydoc.transact(() => {
      if (shown) {
        for (const lang of LANGS) {
          const section = theirs[lang];
          if (section) replaceBlockContent(ydoc, sectionId, lang, section.content ?? [], UPSTREAM_ORIGIN);
        }
        return;
      }
      const form = head.attrs?.form;
      upsertBlock(ydoc, {
        id: sectionId,
        kind: head.attrs?.kind === 'transitory' ? 'transitory' : 'section',
        form: form === 'us' || form === 'mx' ? form : 'any',
        content: { en: theirs.en?.content ?? [], es: theirs.es?.content ?? [] },
      }, UPSTREAM_ORIGIN);
      moveBlockAfter(ydoc, sectionId, placeAfter(ydoc, [...sectionsById(filled.en).keys()], sectionId), UPSTREAM_ORIGIN);
    }, UPSTREAM_ORIGIN);
  } finally {
    if (room.conns.size === 0) services.rooms.release(room);
  }
}
