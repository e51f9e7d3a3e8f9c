import { Extension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { clampLevel } from '@shared/schema/Provision';
import type { Lang } from '@shared/bill/Lang';
import type { BillStore } from '../../bill/BillStore';
import type { SectionActions } from '../../bill/SectionActions';

/** Options: which block and language this editor holds, the bill, and the section commands. */
export interface BlockKeysOptions {
  blockId: string;
  lang: Lang;
  store: BillStore | null;
  actions: SectionActions | null;
}

/** The keyboard shortcuts of the bill, for the help popover (labels are locale keys). */
export const BILL_SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Ctrl+Alt+Enter', action: 'insertSection' },
  { keys: 'Alt+Shift+↑', action: 'moveUp' },
  { keys: 'Alt+Shift+↓', action: 'moveDown' },
  { keys: 'Alt+Shift+Delete', action: 'deleteSection' },
  { keys: 'Ctrl+Z', action: 'undo' },
  { keys: 'Ctrl+Y / Ctrl+Shift+Z', action: 'redo' },
  { keys: 'Tab / Shift+Tab', action: 'level' },
  { keys: '↑ ↓ ← →', action: 'arrows' },
];

/** The shown block before (-1) or after (+1) `id`. */
function neighbour(store: BillStore, id: string, direction: -1 | 1): string | null {
  const blocks = store.snapshot().blocks;
  const index = blocks.findIndex((b) => b.id === id);
  return index < 0 ? null : (blocks[index + direction]?.id ?? null);
}

/** Whether the cursor is at the edge of the block's content in `dir`, so the next key leaves the block. */
function atEdge(view: EditorView, dir: 'up' | 'down' | 'left' | 'right'): boolean {
  const { selection, doc } = view.state;
  if (!selection.empty) return false;
  const $head = selection.$head;
  const forward = dir === 'down' || dir === 'right';
  const textblockIndex = $head.index(0);
  if (forward ? textblockIndex < doc.childCount - 1 : textblockIndex > 0) return false;
  if (dir === 'left') return $head.parentOffset === 0;
  if (dir === 'right') return $head.parentOffset === $head.parent.content.size;
  return view.endOfTextblock(dir);
}

/**
 * Keys of a block editor: levels (Tab), one undo history for the whole bill, section commands,
 * and arrow keys that carry on into the previous or next block as in one document.
 */
export const BlockKeys = Extension.create<BlockKeysOptions>({
  name: 'blockKeys',
  addOptions: () => ({ blockId: '', lang: 'en', store: null, actions: null }),
  addKeyboardShortcuts() {
    const { blockId, lang, store, actions } = this.options;
    const leave = (dir: 'up' | 'down' | 'left' | 'right') => () => {
      if (!store || !atEdge(this.editor.view, dir)) return false;
      const forward = dir === 'down' || dir === 'right';
      const next = neighbour(store, blockId, forward ? 1 : -1);
      if (!next) return false;
      void store.focusBlock(next, lang, forward ? 'start' : 'end');
      return true;
    };
    const level = (delta: number) => () => {
      const { state } = this.editor;
      const { $from } = state.selection;
      const node = $from.parent;
      if (node.type.name !== 'provision') return false;
      const next = clampLevel(Number(node.attrs.level) + delta);
      if (next !== node.attrs.level) {
        const tr = state.tr.setNodeMarkup($from.before(), undefined, { ...node.attrs, level: next });
        this.editor.view.dispatch(tr.setSelection(TextSelection.create(tr.doc, state.selection.from, state.selection.to)));
      }
      return true;
    };
    return {
      Tab: level(1),
      'Shift-Tab': level(-1),
      'Mod-z': () => { store?.undo(); return true; },
      'Mod-y': () => { store?.redo(); return true; },
      'Mod-Shift-z': () => { store?.redo(); return true; },
      'Mod-Alt-Enter': () => { actions?.insert(); return true; },
      'Alt-Shift-ArrowUp': () => { actions?.move(-1); return true; },
      'Alt-Shift-ArrowDown': () => { actions?.move(1); return true; },
      'Alt-Shift-Delete': () => { actions?.remove(); return true; },
      ArrowUp: leave('up'),
      ArrowDown: leave('down'),
      ArrowLeft: leave('left'),
      ArrowRight: leave('right'),
    };
  },
});
