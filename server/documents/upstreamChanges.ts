import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Services } from '../services';
import type { DocumentMeta } from '../storage/DocumentStore';
import { badRequest, notFound } from '../errors';
import { LANGS, type Lang } from '@shared/bill/Lang';
import type { BilingualContent, PMJSON } from '@shared/bill/yBill';
import { META_MAP } from '@shared/bill/yBill';
import { billSchema } from '@shared/schema/billSchema';
import { fillParameters, keepForm, type ParameterValues } from '@shared/bill/fillParameters';
import { sectionTokens } from '@shared/compare/sectionTokens';
import { compareSection, type Change } from '@shared/compare/compareSections';
import { documentContent } from './documentContent';
import { versionContent } from './documentRefs';

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

/**
 * Takes the model's current text of one section into the variant, in both languages, with the
 * variant's parameter values; the change goes through the live document like any edit.
 */
export function applyUpstream(services: Services, variant: DocumentMeta, sectionId: string): void {
  const { model } = sides(services, variant);
  const room = services.rooms.open(variant.id);
  try {
    const paramsMap = room.ydoc.getMap(META_MAP).get('params');
    const values = (paramsMap instanceof Y.Map ? paramsMap.toJSON() : {}) as ParameterValues;
    const filled = fillParameters(model, values);
    let applied = false;
    room.ydoc.transact(() => {
      for (const lang of LANGS) {
        const fragment = room.ydoc.getXmlFragment(lang);
        const children = fragment.toArray();
        const index = children.findIndex((c) => c instanceof Y.XmlElement && c.nodeName === 'section' && c.getAttribute('sectionId') === sectionId);
        const theirs = sectionsById(filled[lang]).get(sectionId);
        if (index >= 0) fragment.delete(index, 1);
        if (!theirs) {
          applied ||= index >= 0;
          continue;
        }
        // Where to put it: where it was, else after the section that precedes it in the model.
        let at = index;
        if (at < 0) {
          const order = [...sectionsById(filled[lang]).keys()];
          const before = order[order.indexOf(sectionId) - 1];
          const current = fragment.toArray();
          const prev = current.findIndex((c) => c instanceof Y.XmlElement && c.getAttribute('sectionId') === before);
          at = prev >= 0 ? prev + 1 : current.length;
        }
        const scratch = new Y.Doc();
        prosemirrorJSONToYXmlFragment(billSchema, { type: 'doc', content: [theirs] }, scratch.getXmlFragment('x'));
        const element = scratch.getXmlFragment('x').get(0);
        if (element instanceof Y.XmlElement) fragment.insert(at, [element.clone()]);
        scratch.destroy();
        applied = true;
      }
    }, 'upstream');
    if (!applied) throw notFound('section_not_found', 'sectionNotFound', { id: sectionId });
  } finally {
    if (room.conns.size === 0) services.rooms.release(room);
  }
}
