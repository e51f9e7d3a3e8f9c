import * as Y from 'yjs';
import type { Lang } from '../../client/shared/bill/Lang';

/** The Y.XmlText of the `index`-th provision of the first section of a language, created if empty. */
export function provisionText(doc: Y.Doc, lang: Lang, index = 0): Y.XmlText {
  const fragment = doc.getXmlFragment(lang);
  const section = fragment.toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'section');
  if (!section) throw new Error(`no section in ${lang}`);
  const provisions = section.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'provision');
  const provision = provisions[index];
  if (!provision) throw new Error(`no provision ${index} in ${lang}`);
  const first = provision.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  provision.insert(0, [text]);
  return text;
}

/** Types `text` at the end of the first provision, one character per transaction like a person. */
export function typeText(doc: Y.Doc, lang: Lang, text: string): void {
  for (const ch of text) {
    const t = provisionText(doc, lang);
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
