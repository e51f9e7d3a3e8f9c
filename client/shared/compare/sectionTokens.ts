import type { PMJSON } from '../bill/yBill';

/** A unit of comparison: a word, the white space between words, or a filled-in parameter. */
export interface Token {
  kind: 'word' | 'space' | 'param';
  text: string;
  /** Parameter key (kind 'param'). */
  key?: string;
  /** For a cross-reference: the section it points to. Two references compare by target, so one renumbered with its target is not a change; `text` is its label on its own side. */
  ref?: string;
}

/** One section (or the front or back matter) as paragraphs of tokens; the heading is paragraph 0. */
export interface SectionTokens {
  id: string;
  kind: 'section' | 'transitory' | 'front' | 'back';
  paragraphs: Token[][];
  /** Provision level of each paragraph (heading and unnumbered text: 0). */
  levels: number[];
}

/**
 * Splits text into words, each carrying the white space that follows it (leading white space is a
 * token of its own): half the tokens of a word-and-space split, so diffs do a quarter of the work.
 */
export function tokenizeText(text: string): Token[] {
  const out: Token[] = [];
  const lead = /^\s+/.exec(text)?.[0];
  if (lead) out.push({ kind: 'space', text: lead });
  for (const m of text.slice(lead?.length ?? 0).matchAll(/\S+\s*/g)) out.push({ kind: 'word', text: m[0] });
  return out;
}

function inlineTokens(node: PMJSON): Token[] {
  const out: Token[] = [];
  const visit = (n: PMJSON) => {
    if (n.type === 'text') out.push(...tokenizeText(n.text ?? ''));
    else if (n.type === 'parameter') {
      const key = String(n.attrs?.key ?? '');
      const value = n.attrs?.value as string | null | undefined;
      out.push({ kind: 'param', key, text: value ?? `⟨${key}⟩` });
    } else if (n.type === 'crossRef') {
      const target = String(n.attrs?.target ?? '');
      const label = n.attrs?.label;
      out.push({ kind: 'word', text: typeof label === 'string' ? label : `[→${target}]`, ref: target });
    }
    else if (n.type === 'hardBreak') out.push({ kind: 'space', text: '\n' });
    else n.content?.forEach(visit);
  };
  node.content?.forEach(visit);
  return out;
}

/**
 * Cuts one language of a bill into comparable units: the front matter, each section by its stable
 * id, and the back matter.
 */
export function sectionTokens(doc: PMJSON): SectionTokens[] {
  const front: SectionTokens = { id: '_front', kind: 'front', paragraphs: [], levels: [] };
  const back: SectionTokens = { id: '_back', kind: 'back', paragraphs: [], levels: [] };
  const sections: SectionTokens[] = [];
  for (const block of doc.content ?? []) {
    if (block.type === 'section') {
      const s: SectionTokens = {
        id: String(block.attrs?.sectionId ?? ''),
        kind: block.attrs?.kind === 'transitory' ? 'transitory' : 'section',
        paragraphs: [],
        levels: [],
      };
      for (const child of block.content ?? []) {
        s.paragraphs.push(inlineTokens(child));
        s.levels.push(child.type === 'provision' ? Number(child.attrs?.level ?? 0) : 0);
      }
      sections.push(s);
    } else {
      const target = sections.length ? back : front;
      target.paragraphs.push(inlineTokens(block));
      target.levels.push(0);
    }
  }
  return [...(front.paragraphs.length ? [front] : []), ...sections, ...(back.paragraphs.length ? [back] : [])];
}

/** Number of words in a list of paragraphs (parameters excluded: they are not drafting). */
export function wordCount(paragraphs: Token[][]): number {
  let n = 0;
  for (const p of paragraphs) for (const t of p) if (t.kind === 'word') n++;
  return n;
}
