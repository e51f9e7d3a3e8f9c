import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { isOwnInsertion } from '@shared/bill/suggestions';

/** Who is suggesting. */
export interface SuggestModeOptions {
  user: { id: string; name: string };
}

/** `tr.setMeta(suggestModeKey, true|false)` turns suggesting on or off in an editor. */
export const suggestModeKey = new PluginKey<boolean>('suggestMode');

function attrs(options: SuggestModeOptions) {
  return { author: options.user.id, authorName: options.user.name, at: new Date().toISOString() };
}

/** Marks [from, to) for deletion, except text this author suggested inserting, which simply goes. */
function suggestDeletion(state: EditorState, tr: Transaction, from: number, to: number, options: SuggestModeOptions): number {
  const del = state.schema.marks.suggestedDeletion;
  if (!del) return from;
  const own: [number, number][] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText && isOwnInsertion(node.marks, options.user.id)) own.push([Math.max(pos, from), Math.min(pos + node.nodeSize, to)]);
  });
  tr.addMark(from, to, del.create(attrs(options)));
  for (const [a, b] of own.reverse()) tr.delete(a, b);
  return tr.mapping.map(from);
}

function insertSuggested(view: EditorView, from: number, to: number, text: string, options: SuggestModeOptions): boolean {
  const { state } = view;
  const ins = state.schema.marks.suggestedInsertion;
  if (!ins) return false;
  const tr = state.tr;
  let at = to;
  if (to > from) {
    suggestDeletion(state, tr, from, to, options);
    at = tr.mapping.map(to);
  }
  // Typing on from one's own suggestion extends it (same mark, so one suggestion, not one per key).
  const before = tr.doc.resolve(at).nodeBefore;
  const own = before?.marks.find((m) => m.type === ins && m.attrs.author === options.user.id);
  const marks = [...state.doc.resolve(from).marks().filter((m) => m.type.name !== 'suggestedDeletion' && m.type.name !== 'suggestedInsertion'), own ?? ins.create(attrs(options))];
  tr.insert(at, state.schema.text(text, marks));
  tr.setSelection(TextSelection.create(tr.doc, at + text.length));
  view.dispatch(tr.scrollIntoView());
  return true;
}

/**
 * Suggesting instead of editing: typed and pasted text is marked as a suggested insertion, and
 * deleted text is marked as a suggested deletion (it stays until someone accepts). Structural edits
 * (new paragraphs, sections) are not suggestions and are held back while suggesting.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',
  addOptions: () => ({ user: { id: '', name: '' } }),
  addProseMirrorPlugins() {
    const options = this.options;
    const on = (state: EditorState) => suggestModeKey.getState(state) === true;
    return [
      new Plugin<boolean>({
        key: suggestModeKey,
        state: {
          init: () => false,
          apply: (tr, value) => (tr.getMeta(suggestModeKey) as boolean | undefined) ?? value,
        },
        props: {
          handleTextInput: (view, from, to, text) => (on(view.state) ? insertSuggested(view, from, to, text, options) : false),
          handlePaste: (view, event) => {
            if (!on(view.state)) return false;
            const text = event.clipboardData?.getData('text/plain') ?? '';
            const { from, to } = view.state.selection;
            return text ? insertSuggested(view, from, to, text.replace(/\s*\n\s*/g, ' '), options) : true;
          },
          handleKeyDown: (view, event) => {
            if (!on(view.state)) return false;
            const { state } = view;
            const { from, to, empty } = state.selection;
            if (event.key === 'Enter' || (event.key === 'Tab' && !event.altKey)) return true; // structure is not suggested
            if (event.key !== 'Backspace' && event.key !== 'Delete') return false;
            const $from = state.doc.resolve(from);
            let a = from;
            let b = to;
            if (empty) {
              if (event.key === 'Backspace') a = from - 1;
              else b = to + 1;
              if (a < $from.start() || b > $from.end()) return true; // not across paragraphs
            }
            const tr = state.tr;
            const at = suggestDeletion(state, tr, a, b, options);
            tr.setSelection(TextSelection.create(tr.doc, event.key === 'Backspace' ? at : tr.mapping.map(b)));
            view.dispatch(tr);
            return true;
          },
        },
      }),
    ];
  },
});
