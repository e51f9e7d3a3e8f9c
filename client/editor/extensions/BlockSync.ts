import { Extension } from '@tiptap/core';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { ySyncPlugin, yCursorPlugin, defaultSelectionBuilder } from '@tiptap/y-tiptap';

/** What binds one block editor to the shared document. */
export interface BlockSyncOptions {
  fragment: Y.XmlFragment | null;
  awareness: Awareness | null;
}

interface CaretUser {
  name?: string;
  color?: string;
}

const safeColor = (c: unknown) => (typeof c === 'string' && /^#[0-9a-fA-F]{6}$/.test(c) ? c : '#5b6675');

function caret(user: CaretUser): HTMLElement {
  const el = document.createElement('span');
  el.className = 'collaboration-carets__caret';
  el.style.borderColor = safeColor(user.color);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = safeColor(user.color);
  label.textContent = user.name ?? '';
  el.append(label);
  return el;
}

/**
 * Binds an editor to one language of one block (its own small Y.XmlFragment), and draws the carets
 * of colleagues whose cursor is in that block. Undo is not here: one undo history spans every block.
 */
export const BlockSync = Extension.create<BlockSyncOptions>({
  name: 'blockSync',
  priority: 1000,
  addOptions: () => ({ fragment: null, awareness: null }),
  addProseMirrorPlugins() {
    const { fragment, awareness } = this.options;
    if (!fragment) return [];
    const plugins = [ySyncPlugin(fragment)];
    if (awareness) {
      plugins.push(yCursorPlugin(awareness, {
        cursorBuilder: (user: CaretUser) => caret(user),
        selectionBuilder: (user: CaretUser) => defaultSelectionBuilder({ ...user, color: safeColor(user.color) } as never),
      }));
    }
    return plugins;
  },
});
