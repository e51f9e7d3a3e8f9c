import * as Y from 'yjs';
import type { Lang } from './Lang';
import type { PMJSON } from './yBill';
import { META_MAP } from './yBill';

/**
 * Fingerprints of both languages of a section when they were last known to say the same thing.
 * Only hashes are kept (the texts would double the document); the text a language had before its
 * first change since then is recorded in `before` by the editing client, for the small redline.
 */
export interface Baseline {
  en: { hash: string };
  es: { hash: string };
  at: string;
  by: string;
  before?: Partial<Record<Lang, string>>;
}

/** Who last edited each language of a section, and when. */
export type LastEdits = Partial<Record<Lang, { by: string; at: string }>>;

/** Where a section stands between its two languages. */
export type AlignmentStatus =
  | { state: 'inStep'; refresh?: boolean }
  | { state: 'outdated'; outdated: Lang; changed: Lang; before: string; after: string; edit?: { by: string; at: string } }
  | { state: 'missing'; missing: Lang }
  | { state: 'unconfirmed' };

/** Name of the map (inside `meta`) holding the baselines, and of the one holding last edits. */
export const ALIGNMENT_KEY = 'alignment';
export const EDITS_KEY = 'edits';

const recentHashes = new Map<string, string>();

/** FNV-1a, 32 bits: enough to notice a changed section, not a security measure. Recent texts are remembered. */
export function textHash(text: string): string {
  const known = recentHashes.get(text);
  if (known) return known;
  const hash = fnv1a(text);
  if (recentHashes.size > 4000) recentHashes.clear();
  recentHashes.set(text, hash);
  return hash;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function inlineText(node: PMJSON): string {
  if (node.type === 'text') return node.text ?? '';
  // A parameter counts by its key: filling it in the variant changes both languages alike.
  if (node.type === 'parameter') return `{${String(node.attrs?.key ?? '')}}`;
  // A reference counts by its target, hashed so that the id's words are not read as text.
  if (node.type === 'crossRef') return `[ref:${textHash(String(node.attrs?.target ?? ''))}]`;
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

/** A section's text (heading and provisions, one per line) from its content nodes. */
export function sectionText(children: readonly PMJSON[]): string {
  return children.map(inlineText).join('\n');
}

/** Each section's text by id (heading and provisions, one per line), for one language. */
export function sectionTexts(doc: PMJSON): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of doc.content ?? []) {
    if (block.type !== 'section') continue;
    out.set(String(block.attrs?.sectionId ?? ''), sectionText(block.content ?? []));
  }
  return out;
}

const blank = (text: string) => text.replace(/\n/g, '').trim() === '';

/** The map of baselines inside `meta`, created on first use. */
export function alignmentMap(ydoc: Y.Doc, key = ALIGNMENT_KEY): Y.Map<unknown> {
  const meta = ydoc.getMap(META_MAP);
  let map = meta.get(key);
  if (!(map instanceof Y.Map)) {
    map = new Y.Map();
    meta.set(key, map);
  }
  return map as Y.Map<unknown>;
}

/** Records that both languages of `sectionId` say the same thing now. */
export function confirmInStep(ydoc: Y.Doc, sectionId: string, en: string, es: string, by: string, at = new Date().toISOString()): void {
  const baseline: Baseline = { en: { hash: textHash(en) }, es: { hash: textHash(es) }, at, by };
  ydoc.transact(() => alignmentMap(ydoc).set(sectionId, baseline));
}

/**
 * Called with a section's text in `lang` just before a local edit: if that text is still the in-step
 * one, keep it as the "before" of the redline shown when the other language is flagged outdated.
 */
export function rememberBefore(ydoc: Y.Doc, sectionId: string, lang: Lang, previousText: string): void {
  const map = alignmentMap(ydoc);
  const base = map.get(sectionId) as Baseline | undefined;
  if (!base || base.before?.[lang] !== undefined || textHash(previousText) !== base[lang].hash) return;
  ydoc.transact(() => map.set(sectionId, { ...base, before: { ...base.before, [lang]: previousText } }));
}

/** Records who edited one language of a section. */
export function recordEdit(ydoc: Y.Doc, sectionId: string, lang: Lang, by: string, at = new Date().toISOString()): void {
  ydoc.transact(() => {
    const edits = alignmentMap(ydoc, EDITS_KEY);
    const current = (edits.get(sectionId) as LastEdits | undefined) ?? {};
    edits.set(sectionId, { ...current, [lang]: { by, at } });
  });
}

/**
 * Compares each section's two languages with their last in-step baseline. A section whose one
 * language changed since then has its other language flagged outdated. When both changed, the
 * language edited last counts as the update of the other (in step again, `refresh`: record a new
 * baseline); without edit times it is unconfirmed until someone confirms. A section in one language
 * only is flagged missing.
 */
export function alignmentStatus(en: PMJSON, es: PMJSON, baselines: Record<string, Baseline | undefined>, edits: Record<string, LastEdits | undefined> = {}): Map<string, AlignmentStatus> {
  return alignmentStatusFromTexts(sectionTexts(en), sectionTexts(es), baselines, edits);
}

/**
 * The same, from each section's texts by id. A section whose one language is empty while the other
 * has text (pasted or drafted in one language only) is flagged missing in the empty one.
 */
export function alignmentStatusFromTexts(enTexts: Map<string, string>, esTexts: Map<string, string>, baselines: Record<string, Baseline | undefined>, edits: Record<string, LastEdits | undefined> = {}): Map<string, AlignmentStatus> {
  const out = new Map<string, AlignmentStatus>();
  for (const id of new Set([...enTexts.keys(), ...esTexts.keys()])) {
    const enText = enTexts.get(id);
    const esText = esTexts.get(id);
    if (enText === undefined || (blank(enText) && esText !== undefined && !blank(esText))) {
      out.set(id, { state: 'missing', missing: 'en' });
      continue;
    }
    if (esText === undefined || (blank(esText) && !blank(enText))) {
      out.set(id, { state: 'missing', missing: 'es' });
      continue;
    }
    const base = baselines[id];
    if (!base) {
      // A section just inserted in both languages is empty on both sides: nothing to compare yet.
      out.set(id, enText.trim() === '' && esText.trim() === '' ? { state: 'inStep' } : { state: 'unconfirmed' });
      continue;
    }
    const enChanged = textHash(enText) !== base.en.hash;
    const esChanged = textHash(esText) !== base.es.hash;
    if (enChanged && !esChanged) out.set(id, { state: 'outdated', outdated: 'es', changed: 'en', before: base.before?.en ?? '', after: enText, edit: edits[id]?.en });
    else if (esChanged && !enChanged) out.set(id, { state: 'outdated', outdated: 'en', changed: 'es', before: base.before?.es ?? '', after: esText, edit: edits[id]?.es });
    else if (enChanged && esChanged) {
      // Both changed: whichever language was edited last is the update of the other.
      const enAt = edits[id]?.en?.at;
      const esAt = edits[id]?.es?.at;
      if (!enAt || !esAt || enAt === esAt) out.set(id, { state: 'unconfirmed' });
      else out.set(id, { state: 'inStep', refresh: true });
    }
    else out.set(id, { state: 'inStep' });
  }
  return out;
}

/** Baselines for every section of a new document: both languages start in step. */
export function initialBaselines(en: PMJSON, es: PMJSON, by: string, at = new Date().toISOString()): Record<string, Baseline> {
  const enTexts = sectionTexts(en);
  const esTexts = sectionTexts(es);
  const out: Record<string, Baseline> = {};
  for (const [id, enText] of enTexts) {
    const esText = esTexts.get(id);
    if (esText === undefined) continue;
    out[id] = { en: { hash: textHash(enText) }, es: { hash: textHash(esText) }, at, by };
  }
  return out;
}
