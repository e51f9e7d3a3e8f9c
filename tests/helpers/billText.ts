import * as Y from 'yjs';
import type { Lang } from '../../client/shared/bill/Lang';
import { blockFragment, visibleBlocks } from '../../client/shared/layout';

/** The id of the first shown section (or transitory article) of a document. */
export function firstSectionId(doc: Y.Doc): string {
  const first = visibleBlocks(doc).find((b) => b.kind === 'section' || b.kind === 'transitory');
  if (!first) throw new Error('no section');
  return first.id;
}

/**
 * The Y.XmlText of the `index`-th provision of a section (the first shown one unless `sectionId`
 * says which) in one language, created if empty.
 */
export function provisionText(doc: Y.Doc, lang: Lang, sectionId: string = firstSectionId(doc), index = 0): Y.XmlText {
  const fragment = blockFragment(doc, sectionId, lang);
  if (!fragment) throw new Error(`no section ${sectionId} in ${lang}`);
  const provisions = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'provision');
  const provision = provisions[index];
  if (!provision) throw new Error(`no provision ${index} in ${sectionId} (${lang})`);
  const first = provision.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  provision.insert(0, [text]);
  return text;
}

/** Types `text` at the end of the first provision of a section, one character per transaction like a person. */
export function typeText(doc: Y.Doc, lang: Lang, text: string, sectionId?: string): void {
  for (const ch of text) {
    const t = provisionText(doc, lang, sectionId);
    t.insert(t.length, ch);
  }
}

/** Plain text of every provision in a PM JSON document. */
export function provisionStrings(json: { content?: unknown[] }): string[] {
  const out: string[] = [];
  const walk = (node: { type?: string; text?: string; content?: unknown[] }): string =>
    node.text ?? (node.content ?? []).map((c) => walk(c as never)).join('');
  const visit = (node: { type?: string; content?: unknown[] }) => {
    if (node.type === 'provision') out.push(walk(node));
    else for (const c of node.content ?? []) visit(c as never);
  };
  visit(json);
  return out;
}
