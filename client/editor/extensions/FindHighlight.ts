import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { findMatches, type FindQuery } from '@shared/bill/findMatches';

/** Dispatch `tr.setMeta(findHighlightKey, query | null)` to highlight (or stop highlighting) matches. */
export const findHighlightKey = new PluginKey<{ query: FindQuery | null; decorations: DecorationSet }>('findHighlight');

function build(doc: PMNode, query: FindQuery | null): DecorationSet {
  if (!query?.text) return DecorationSet.empty;
  return DecorationSet.create(doc, findMatches(doc, query).map((m) => Decoration.inline(m.from, m.to, { class: 'find-match' })));
}

/** Highlights the matches of the find bar in this block. */
export const FindHighlight = Extension.create({
  name: 'findHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: findHighlightKey,
        state: {
          init: (): { query: FindQuery | null; decorations: DecorationSet } => ({ query: null, decorations: DecorationSet.empty }),
          apply: (tr, old) => {
            const next = tr.getMeta(findHighlightKey) as FindQuery | null | undefined;
            if (next !== undefined) return { query: next, decorations: build(tr.doc, next) };
            return tr.docChanged ? { query: old.query, decorations: build(tr.doc, old.query) } : old;
          },
        },
        props: { decorations: (state) => findHighlightKey.getState(state)?.decorations },
      }),
    ];
  },
});
