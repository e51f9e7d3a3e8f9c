import type { Node as PMNode } from '@tiptap/pm/model';

/** What to look for. */
export interface FindQuery {
  text: string;
  caseSensitive: boolean;
  wholeWord: boolean;
}

/** One match: positions in the block's content, and the matched text. */
export interface FindMatch {
  from: number;
  to: number;
  text: string;
}

const OBJECT = '\uFFFC';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every match of `query` in a node's text blocks. Parameters, cross-references and line breaks are
 * atoms that stand for one object character, so a match never reaches into a filled-in value or
 * across one: replacing text can never change a parameter.
 */
export function findMatches(doc: PMNode, query: FindQuery): FindMatch[] {
  if (!query.text) return [];
  const pattern = new RegExp(query.wholeWord ? `(?<![\\p{L}\\p{N}])${escape(query.text)}(?![\\p{L}\\p{N}])` : escape(query.text), query.caseSensitive ? 'gu' : 'giu');
  const out: FindMatch[] = [];
  doc.descendants((block, blockPos) => {
    if (!block.isTextblock) return true;
    let text = '';
    const starts: number[] = [];
    block.forEach((child, offset) => {
      const piece = child.isText ? (child.text ?? '') : OBJECT;
      for (let i = 0; i < piece.length; i++) starts.push(blockPos + 1 + offset + (child.isText ? i : 0));
      text += piece;
    });
    for (const m of text.matchAll(pattern)) {
      const index = m.index ?? 0;
      if (m[0].includes(OBJECT) || m[0].length === 0) continue;
      const from = starts[index];
      const last = starts[index + m[0].length - 1];
      if (from === undefined || last === undefined) continue;
      out.push({ from, to: last + 1, text: m[0] });
    }
    return false;
  });
  return out;
}

/**
 * The replacement written the way the matched text was (when searching without case and the
 * replacement is typed in lower case): "ORGANIZACIONES" → upper case, "Organizaciones Criminales"
 * → each word capitalised, "Organizaciones" → first letter capitalised.
 */
export function casedReplacement(replacement: string, matched: string): string {
  if (replacement !== replacement.toLowerCase() || matched === matched.toLowerCase()) return replacement;
  if (matched === matched.toUpperCase() && /\p{L}{2}/u.test(matched)) return replacement.toUpperCase();
  const words = matched.split(/\s+/).filter(Boolean);
  const titled = words.length > 1 && words.every((w) => w[0] === w[0]?.toUpperCase());
  if (titled) return replacement.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
  return replacement.replace(/^\p{L}/u, (c) => c.toUpperCase());
}
