import * as Y from 'yjs';
import type { Lang } from '../../client/shared/bill/Lang';
import type { PMJSON } from '../../client/shared/bill/yBill';
import { blockFragment, blockInfo, readBlock } from '../../client/shared/layout';

/** The elements (heading, provisions) of one language of a block, in order. */
export function blockElements(doc: Y.Doc, id: string, lang: Lang): Y.XmlElement[] {
  return (blockFragment(doc, id, lang)?.toArray() ?? []).filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
}

/** The first Y.XmlText of an element, created (in the caller's transaction) when it has none. */
export function textOf(element: Y.XmlElement): Y.XmlText {
  const existing = element.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
  if (existing) return existing;
  const text = new Y.XmlText();
  element.insert(element.length, [text]);
  return text;
}

/**
 * Places where a token may go in a text made of tokens `⟦…⟧` (and possibly other text): never inside
 * a token, so no typed token is ever split by another.
 */
export function tokenBoundaries(text: string): number[] {
  const out: number[] = [];
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    if (!inside) out.push(i);
    if (text[i] === '⟦') inside = true;
    else if (text[i] === '⟧') inside = false;
  }
  out.push(text.length);
  return out;
}

/**
 * Types `token` into one language of a block like a keystroke burst: into element `elementIndex`
 * (0 the heading, then the provisions) at `boundary` (an index into tokenBoundaries of its text).
 * Returns where it went, for a log; null when the block has no such language.
 */
export function typeToken(doc: Y.Doc, id: string, lang: Lang, token: string, elementIndex: number, boundary: number, origin: unknown): string | null {
  const elements = blockElements(doc, id, lang);
  const element = elements[elementIndex % Math.max(1, elements.length)];
  if (!element) return null;
  let at = 0;
  doc.transact(() => {
    const text = textOf(element);
    const places = tokenBoundaries(text.toString());
    at = places[boundary % places.length] ?? 0;
    text.insert(at, token);
  }, origin);
  return `${element.nodeName}#${elementIndex % elements.length}@${at}`;
}

/** Adds a provision holding `token` after element `afterIndex` of one language of a section (like Enter). */
export function addProvision(doc: Y.Doc, id: string, lang: Lang, token: string, afterIndex: number, level: number, origin: unknown): string | null {
  const fragment = blockFragment(doc, id, lang);
  if (!fragment) return null;
  const index = 1 + (afterIndex % Math.max(1, fragment.length));
  doc.transact(() => {
    const provision = new Y.XmlElement('provision');
    // The editor (y-tiptap) stores attributes with their JSON types, a number here; Yjs's typings say string.
    provision.setAttribute('level', level as unknown as string);
    provision.insert(0, [new Y.XmlText(token)]);
    fragment.insert(Math.min(index, fragment.length), [provision]);
  }, origin);
  return `provision@${index}`;
}

/** All text of a ProseMirror JSON node, concatenated. */
export function nodeText(node: PMJSON): string {
  return node.text ?? (node.content ?? []).map(nodeText).join('');
}

/** The `section` nodes of a whole-document language, in order: id and all their text. */
export function sectionsOf(doc: PMJSON): { id: string; text: string }[] {
  return (doc.content ?? [])
    .filter((n) => n.type === 'section')
    .map((n) => ({ id: String(n.attrs?.sectionId), text: nodeText(n) }));
}

/** How many times `needle` occurs in `haystack`. */
export function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The text of one language of a block as read for display (deleted or not), '' for no such block. */
export function blockText(doc: Y.Doc, id: string, lang: Lang): string {
  const info = blockInfo(doc, id);
  return info ? nodeText(readBlock(doc, info, lang).toJSON() as PMJSON) : '';
}

/** The raw text of every Y.XmlText of one language of a block, as stored (before any schema repair). */
export function rawBlockText(doc: Y.Doc, id: string, lang: Lang): string {
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText): string =>
    node instanceof Y.XmlText ? node.toString() : node.toArray().map((c) => (c instanceof Y.XmlHook ? '' : walk(c))).join('');
  const fragment = blockFragment(doc, id, lang);
  return fragment ? walk(fragment) : '';
}

/** The heading and provision texts of a section's children. */
export interface SectionParts {
  heading: string;
  provisions: string[];
}

function partsOf(children: readonly PMJSON[]): SectionParts {
  return {
    heading: children.filter((c) => c.type === 'sectionHeading').map(nodeText).join(''),
    provisions: children.filter((c) => c.type === 'provision').map(nodeText),
  };
}

/** The texts of one section of a whole-document language (as /content serves it), or null when it is not shown. */
export function sectionParts(doc: PMJSON, id: string): SectionParts | null {
  const section = (doc.content ?? []).find((n) => n.type === 'section' && n.attrs?.sectionId === id);
  return section ? partsOf(section.content ?? []) : null;
}

/** The texts of one language of a section block as stored, shown or deleted; null when there is no such block. */
export function blockParts(doc: Y.Doc, id: string, lang: Lang): SectionParts | null {
  const info = blockInfo(doc, id);
  return info ? partsOf((readBlock(doc, info, lang).toJSON() as PMJSON).content ?? []) : null;
}
