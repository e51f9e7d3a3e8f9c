import type { Lang } from '@shared/bill/Lang';
import type { BlockKind, PrintBlock, Run, RunStyle } from './PrintModel';

/** The four embedded faces of DejaVu Serif. */
export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** Width of `text` in points, in a face and size. */
export type Measure = (text: string, face: FontFace, size: number) => number;

/** A stretch of one line printed in one face and style, positioned from the column's left edge. */
export interface Fragment {
  x: number;
  width: number;
  text: string;
  face: FontFace;
  size: number;
  style: RunStyle;
}

/** One printed line of a block: its fragments and the height of the slot it occupies. */
export interface Line {
  frags: Fragment[];
  height: number;
}

/** A block broken into lines, with the spacing and keep rules pagination needs. */
export interface LaidBlock {
  lines: Line[];
  spaceBefore: number;
  /** Signature blocks are never split across pages. */
  keepTogether: boolean;
  /** A section heading is never left alone at the foot of a page. */
  keepWithNext: boolean;
}

interface BlockStyle {
  face: FontFace;
  size: number;
  center: boolean;
  upper: boolean;
  spaceBefore: number;
}

/** Body size; every line's slot is 1.5 times its font size. */
export const BODY_SIZE = 11;
/** Line height as a multiple of the font size. */
export const LINE_SPACING = 1.5;
/** Provision indentation per level, in points. */
const LEVEL_INDENT = 24;
/** Minimum hanging width for a provision label, so sibling texts usually line up. */
const MIN_HANG = 24;

const STYLES: Record<BlockKind, BlockStyle> = {
  head: { face: 'bold', size: 10, center: true, upper: true, spaceBefore: 0 },
  title: { face: 'bold', size: 14, center: true, upper: false, spaceBefore: 14 },
  enacting: { face: 'italic', size: BODY_SIZE, center: false, upper: false, spaceBefore: 14 },
  heading: { face: 'bold', size: BODY_SIZE, center: true, upper: true, spaceBefore: 16 },
  sectionHeading: { face: 'bold', size: BODY_SIZE, center: false, upper: false, spaceBefore: 14 },
  provision: { face: 'regular', size: BODY_SIZE, center: false, upper: false, spaceBefore: 4 },
  paragraph: { face: 'regular', size: BODY_SIZE, center: false, upper: false, spaceBefore: 6 },
  signature: { face: 'regular', size: BODY_SIZE, center: false, upper: false, spaceBefore: 33 },
};

interface Piece {
  text: string;
  face: FontFace;
  style: RunStyle;
  width: number;
}

/** A word may span runs (e.g. an inserted suffix), so it is a list of pieces that never break apart. */
type Item = { kind: 'word'; pieces: Piece[]; width: number } | { kind: 'space'; piece: Piece } | { kind: 'break' };

const BOLDER: Record<FontFace, FontFace> = { regular: 'bold', bold: 'bold', italic: 'boldItalic', boldItalic: 'boldItalic' };

function runFace(base: FontFace, style: RunStyle): FontFace {
  return style === 'unfilled' ? BOLDER[base] : base;
}

/** Splits runs into words, spaces and hard breaks; only ASCII spaces and tabs break, so a no-break space holds. */
function tokenize(runs: Run[], style: BlockStyle, lang: Lang, measure: Measure): Item[] {
  const items: Item[] = [];
  for (const run of runs) {
    const face = runFace(style.face, run.style);
    // Unfilled markers keep their spelling: they name a parameter.
    const text = style.upper && run.style !== 'unfilled' ? run.text.toLocaleUpperCase(lang) : run.text;
    text.split('\n').forEach((segment, i) => {
      if (i > 0) items.push({ kind: 'break' });
      for (const token of segment.match(/[ \t]+|[^ \t]+/g) ?? []) {
        const isSpace = token[0] === ' ' || token[0] === '\t';
        const piece: Piece = { text: isSpace ? token.replace(/\t/g, ' ') : token, face, style: run.style, width: 0 };
        piece.width = measure(piece.text, face, style.size);
        const last = items[items.length - 1];
        if (isSpace) items.push({ kind: 'space', piece });
        else if (last?.kind === 'word') {
          last.pieces.push(piece);
          last.width += piece.width;
        } else items.push({ kind: 'word', pieces: [piece], width: piece.width });
      }
    });
  }
  return items;
}

/** Breaks a word wider than a whole line into chunks that fit; rare (long URLs, citations), so measured per character. */
function splitWord(pieces: Piece[], width: number, size: number, measure: Measure): Piece[][] {
  const chunks: Piece[][] = [];
  let chunk: Piece[] = [];
  let used = 0;
  for (const piece of pieces) {
    const chars = Array.from(piece.text); // code points, so a surrogate pair is never cut
    let start = 0;
    while (start < chars.length) {
      let end = start;
      let w = 0;
      // Take as many characters as fit, and at least one on an empty line so the loop always advances.
      while (end < chars.length) {
        const next = measure(chars.slice(start, end + 1).join(''), piece.face, size);
        if (used + next > width && (end > start || chunk.length > 0)) break;
        end++;
        w = next;
      }
      if (end > start) {
        chunk.push({ ...piece, text: chars.slice(start, end).join(''), width: w });
        used += w;
        start = end;
      }
      if (start < chars.length) {
        chunks.push(chunk);
        chunk = [];
        used = 0;
      }
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Turns a line's pieces into fragments, merging neighbours of the same face and style so each is drawn once. */
function toLine(pieces: Piece[], left: number, available: number, style: BlockStyle, prefix: Fragment[]): Line {
  const total = pieces.reduce((sum, p) => sum + p.width, 0);
  let x = style.center ? left + Math.max(0, (available - total) / 2) : left;
  const frags: Fragment[] = [...prefix];
  let prev: Fragment | undefined;
  for (const p of pieces) {
    if (prev && prev.face === p.face && prev.style === p.style) {
      prev.text += p.text;
      prev.width += p.width;
    } else {
      prev = { x, width: p.width, text: p.text, face: p.face, size: style.size, style: p.style };
      frags.push(prev);
    }
    x += p.width;
  }
  return { frags, height: style.size * LINE_SPACING };
}

/**
 * Breaks a block into lines that fit `width` (greedy, word by word, from cached word widths).
 * Provision labels hang: the label sits at the level's indent and every line of text starts after it.
 * Other labels ("Section 3.", "Artículo 3.-") run in before the text, as one unbreakable word.
 */
export function layoutBlock(block: PrintBlock, width: number, lang: Lang, measure: Measure): LaidBlock {
  const style = STYLES[block.kind];
  const items = tokenize(block.runs, style, lang, measure);
  let left = 0;
  let prefix: Fragment[] = [];
  if (block.kind === 'provision') {
    const indent = LEVEL_INDENT * Math.max(0, Math.min(3, block.level));
    left = indent;
    if (block.label) {
      const labelWidth = measure(block.label, style.face, style.size);
      prefix = [{ x: indent, width: labelWidth, text: block.label, face: style.face, size: style.size, style: 'normal' }];
      left = indent + Math.max(MIN_HANG, labelWidth + style.size / 2);
    }
  } else if (block.label) {
    const label: Piece = { text: block.label, face: style.face, style: 'normal', width: measure(block.label, style.face, style.size) };
    const space: Piece = { text: ' ', face: style.face, style: 'normal', width: measure(' ', style.face, style.size) };
    items.unshift({ kind: 'word', pieces: [label], width: label.width }, { kind: 'space', piece: space });
  }
  const available = Math.max(width - left, style.size);
  const lines: Line[] = [];
  let current: Piece[] = [];
  let used = 0;
  let pending: Piece | null = null;
  const flush = () => {
    lines.push(toLine(current, left, available, style, lines.length === 0 ? prefix : []));
    current = [];
    used = 0;
    pending = null;
  };
  for (const item of items) {
    if (item.kind === 'break') flush();
    // A space waits until the next word is known to fit, so no line ends with one or (after a wrap) starts with one.
    else if (item.kind === 'space') pending = current.length > 0 ? item.piece : null;
    else {
      const space: Piece | null = pending;
      if (space && used + space.width + item.width <= available) {
        current.push(space, ...item.pieces);
        used += space.width + item.width;
      } else {
        if (current.length > 0) flush();
        let pieces = item.pieces;
        if (item.width > available) {
          const chunks = splitWord(item.pieces, available, style.size, measure);
          for (const chunk of chunks.slice(0, -1)) {
            current = chunk;
            flush();
          }
          pieces = chunks[chunks.length - 1] ?? [];
        }
        current = [...pieces];
        used = pieces.reduce((sum, p) => sum + p.width, 0);
      }
      pending = null;
    }
  }
  // A block always prints at least one line, so an empty paragraph keeps its place.
  if (current.length > 0 || lines.length === 0) flush();
  return { lines, spaceBefore: style.spaceBefore, keepTogether: block.kind === 'signature', keepWithNext: block.kind === 'sectionHeading' };
}
