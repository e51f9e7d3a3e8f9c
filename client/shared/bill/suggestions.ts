import type { Node as PMNode, Mark, MarkType } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { PMJSON } from './yBill';

/** One suggestion: a run of text with one suggestion mark by one author. */
export interface SuggestionRange {
  kind: 'insertion' | 'deletion';
  from: number;
  to: number;
  text: string;
  author: string;
  authorName: string;
  at: string;
}

const markName = (kind: SuggestionRange['kind']) => (kind === 'insertion' ? 'suggestedInsertion' : 'suggestedDeletion');

/** Every suggestion in a document, adjacent runs by the same author and kind merged. */
export function findSuggestions(doc: PMNode): SuggestionRange[] {
  const out: SuggestionRange[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind = mark.type.name === 'suggestedInsertion' ? 'insertion' : mark.type.name === 'suggestedDeletion' ? 'deletion' : null;
      if (!kind) continue;
      const last = out[out.length - 1];
      if (last && last.kind === kind && last.author === mark.attrs.author && last.to === pos) {
        last.to = pos + node.nodeSize;
        last.text += node.text ?? '';
      } else {
        out.push({ kind, from: pos, to: pos + node.nodeSize, text: node.text ?? '', author: String(mark.attrs.author), authorName: String(mark.attrs.authorName), at: String(mark.attrs.at) });
      }
    }
    return false;
  });
  return out;
}

/**
 * Accepts (or rejects) the suggestions of `doc` that `pick` selects: an accepted insertion keeps its
 * text, an accepted deletion removes it; rejecting does the opposite. Works from the end backwards
 * so positions stay valid.
 */
export function settleSuggestions(state: EditorState, accept: boolean, pick: (s: SuggestionRange) => boolean = () => true): Transaction | null {
  const tr = state.tr;
  const ranges = findSuggestions(state.doc).filter(pick).reverse();
  if (ranges.length === 0) return null;
  for (const r of ranges) {
    const type = state.schema.marks[markName(r.kind)] as MarkType;
    const keepText = (r.kind === 'insertion') === accept;
    if (keepText) tr.removeMark(r.from, r.to, type);
    else tr.delete(r.from, r.to);
  }
  return tr;
}

/** The text as it reads with every suggestion accepted ('accepted') or none ('original'), for comparison and export. */
export function resolveSuggestions(doc: PMJSON, mode: 'accepted' | 'original'): PMJSON {
  const drop = mode === 'accepted' ? 'suggestedDeletion' : 'suggestedInsertion';
  const visit = (n: PMJSON): PMJSON | null => {
    if (n.type === 'text') {
      if (n.marks?.some((m) => m.type === drop)) return null;
      const marks = n.marks?.filter((m: { type: string }) => m.type !== 'suggestedInsertion' && m.type !== 'suggestedDeletion');
      return { ...n, marks: marks && marks.length ? marks : undefined };
    }
    if (!n.content) return n;
    return { ...n, content: n.content.map(visit).filter((c): c is PMJSON => c !== null) };
  };
  return visit(doc) as PMJSON;
}

/** Whether a mark is a suggestion by `author`. */
export function isOwnInsertion(marks: readonly Mark[], author: string): boolean {
  return marks.some((m) => m.type.name === 'suggestedInsertion' && m.attrs.author === author);
}
