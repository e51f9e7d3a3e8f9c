import { diffArrays } from 'diff';
import type { Token, SectionTokens } from './sectionTokens';
import { wordCount } from './sectionTokens';

/** One run of a redline. `parameter` is a filled-in value that differs (not a policy change). */
export interface Change {
  type: 'equal' | 'insert' | 'delete' | 'parameter';
  text: string;
  /** For `parameter`: its key and the left value. */
  key?: string;
  from?: string;
}

/**
 * One paragraph of a compared section: its runs, and where it stands in each side's section
 * (`left` / `right`: the index among that section's paragraphs, the heading being 0; absent on the
 * side that lacks it), so labels drawn for either side can be put beside it.
 */
export interface ComparedParagraph {
  level: number;
  changes: Change[];
  left?: number;
  right?: number;
}

/** How a section differs between the two sides. */
export type SectionStatus = 'same' | 'changed' | 'added' | 'removed' | 'moved';

/** One aligned section of a comparison. */
export interface SectionComparison {
  id: string;
  kind: SectionTokens['kind'];
  status: SectionStatus;
  /** Moved sections can also have changed text. */
  textChanged: boolean;
  /** The only differences are filled-in parameter values. */
  parameterOnly: boolean;
  /** Paragraph by paragraph (the heading first), each a list of runs. */
  paragraphs: ComparedParagraph[];
  /** All runs, paragraphs separated by "\n". */
  changes: Change[];
  words: number;
  wordsChanged: number;
}

/** A whole comparison. */
export interface Comparison {
  sections: SectionComparison[];
  stats: { words: number; wordsChanged: number; sectionsChanged: number; parameterDifferences: number };
  /** True when some paragraph pair was too different to diff word by word within the work bound. */
  coarse: boolean;
}

/** Most edits a single paragraph pair may need before it is shown as replaced whole. */
const MAX_EDIT = 400;

const keyCache = new WeakMap<Token[], string>();
const paragraphKey = (p: Token[]) => {
  let key = keyCache.get(p);
  if (key === undefined) {
    key = p.map((t) => (t.kind === 'param' ? `\u0001${t.key}` : t.ref !== undefined ? `\u0002${t.ref}` : t.text)).join('');
    keyCache.set(p, key);
  }
  return key;
};

function push(out: Change[], type: Change['type'], text: string, extra: Partial<Change> = {}): void {
  const last = out[out.length - 1];
  if (last && last.type === type && type !== 'parameter' && !extra.key) last.text += text;
  else out.push({ type, text, ...extra });
}

function whole(out: Change[], type: 'insert' | 'delete', tokens: Token[]): number {
  let words = 0;
  for (const t of tokens) {
    push(out, type, t.text);
    if (t.kind === 'word') words++;
  }
  return words;
}

/**
 * Makes a redline read as a person would mark it: a lone space between two changed words joins the
 * change, and each run of changes becomes one deletion followed by one insertion.
 */
function tidy(changes: Change[]): Change[] {
  const isEdit = (c: Change | undefined) => c !== undefined && (c.type === 'insert' || c.type === 'delete');
  const spread: Change[] = [];
  changes.forEach((c, i) => {
    if (c.type === 'equal' && /^\s+$/.test(c.text) && isEdit(changes[i - 1]) && isEdit(changes[i + 1])) {
      spread.push({ type: 'delete', text: c.text }, { type: 'insert', text: c.text });
    } else spread.push(c);
  });
  const out: Change[] = [];
  for (let i = 0; i < spread.length; ) {
    if (!isEdit(spread[i])) {
      out.push(spread[i] as Change);
      i++;
      continue;
    }
    let del = '';
    let ins = '';
    while (i < spread.length && isEdit(spread[i])) {
      const c = spread[i] as Change;
      if (c.type === 'delete') del += c.text;
      else ins += c.text;
      i++;
    }
    if (del) out.push({ type: 'delete', text: del });
    if (ins) out.push({ type: 'insert', text: ins });
  }
  return out;
}

/** Word-level diff of two paragraphs; parameters with the same key align, differing values are `parameter` runs. */
function diffParagraph(left: Token[], right: Token[], state: { coarse: boolean }): { changes: Change[]; wordsChanged: number; params: number } {
  const changes: Change[] = [];
  // Tokens are interned to small integers so the diff compares numbers, not strings through a callback.
  const ids = new Map<string, number>();
  const intern = (t: Token) => {
    const key = t.kind === 'param' ? `\u0001${t.key ?? ''}` : t.ref !== undefined ? `\u0002${t.ref}` : t.text.trimEnd();
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const numeric = diffArrays(left.map(intern), right.map(intern), { maxEditLength: MAX_EDIT });
  let ri = 0;
  let lj = 0;
  // Back to tokens: equal runs take the right-hand text, as the redline shows the new wording.
  const parts = numeric?.map((p) => {
    const value = p.removed ? left.slice(lj, lj + p.count) : right.slice(ri, ri + p.count);
    if (!p.added) lj += p.count;
    if (!p.removed) ri += p.count;
    return { added: p.added, removed: p.removed, count: p.count, value };
  });
  if (!parts) {
    state.coarse = true;
    return { changes, wordsChanged: whole(changes, 'delete', left) + whole(changes, 'insert', right), params: 0 };
  }
  let wordsChanged = 0;
  let params = 0;
  let li = 0;
  for (const part of parts) {
    if (part.added) {
      wordsChanged += whole(changes, 'insert', part.value);
    } else if (part.removed) {
      wordsChanged += whole(changes, 'delete', left.slice(li, li + part.count));
      li += part.count;
    } else {
      for (let k = 0; k < part.count; k++) {
        const l = left[li + k] as Token;
        const r = part.value[k] as Token;
        if (l.kind === 'param' && l.text !== r.text) {
          push(changes, 'parameter', r.text, { key: l.key, from: l.text });
          params++;
        } else push(changes, 'equal', r.text);
      }
      li += part.count;
    }
  }
  return { changes: tidy(changes), wordsChanged, params };
}

/** Compares one section: paragraphs aligned first, then words inside changed paragraphs. */
export function compareSection(left: SectionTokens | undefined, right: SectionTokens | undefined, state = { coarse: false }): Omit<SectionComparison, 'status'> & { params: number } {
  const base = (left ?? right) as SectionTokens;
  const lp = left?.paragraphs ?? [];
  const rp = right?.paragraphs ?? [];
  const paragraphs: SectionComparison['paragraphs'] = [];
  let wordsChanged = 0;
  let params = 0;
  const parts = diffArrays(lp.map(paragraphKey), rp.map(paragraphKey), { maxEditLength: MAX_EDIT }) ?? [
    { removed: true, added: false, count: lp.length, value: lp.map(paragraphKey) },
    { added: true, removed: false, count: rp.length, value: rp.map(paragraphKey) },
  ];
  let li = 0;
  let ri = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as (typeof parts)[number];
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // A replaced run: pair paragraphs one to one and diff their words.
      const pairs = Math.min(part.count, next.count);
      for (let k = 0; k < part.count || k < next.count; k++) {
        const l = k < part.count ? (lp[li + k] as Token[]) : null;
        const r = k < next.count ? (rp[ri + k] as Token[]) : null;
        const level = (r ? right?.levels[ri + k] : left?.levels[li + k]) ?? 0;
        if (k < pairs && l && r) {
          const d = diffParagraph(l, r, state);
          wordsChanged += d.wordsChanged;
          params += d.params;
          paragraphs.push({ level, changes: d.changes, left: li + k, right: ri + k });
        } else {
          const changes: Change[] = [];
          wordsChanged += whole(changes, l ? 'delete' : 'insert', (l ?? r) as Token[]);
          paragraphs.push(l ? { level, changes, left: li + k } : { level, changes, right: ri + k });
        }
      }
      li += part.count;
      ri += next.count;
      i++;
      continue;
    }
    for (let k = 0; k < part.count; k++) {
      if (part.added) {
        const changes: Change[] = [];
        wordsChanged += whole(changes, 'insert', rp[ri] as Token[]);
        paragraphs.push({ level: right?.levels[ri] ?? 0, changes, right: ri });
        ri++;
      } else if (part.removed) {
        const changes: Change[] = [];
        wordsChanged += whole(changes, 'delete', lp[li] as Token[]);
        paragraphs.push({ level: left?.levels[li] ?? 0, changes, left: li });
        li++;
      } else {
        const d = diffParagraph(lp[li] as Token[], rp[ri] as Token[], state);
        params += d.params;
        paragraphs.push({ level: right?.levels[ri] ?? 0, changes: d.changes, left: li, right: ri });
        li++;
        ri++;
      }
    }
  }
  const changes: Change[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) push(changes, 'equal', '\n');
    for (const c of p.changes) changes.push({ ...c });
  });
  return {
    id: base.id,
    kind: base.kind,
    textChanged: wordsChanged > 0,
    parameterOnly: wordsChanged === 0 && params > 0,
    paragraphs,
    changes,
    words: wordCount(left?.paragraphs ?? right?.paragraphs ?? []),
    wordsChanged,
    params,
  };
}
