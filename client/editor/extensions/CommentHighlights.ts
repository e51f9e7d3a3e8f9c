import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import * as Y from 'yjs';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';

/** A comment thread's anchor, as relative positions in this editor's fragment. */
export interface CommentAnchor {
  id: string;
  start: Y.RelativePosition;
  end: Y.RelativePosition;
  resolved: boolean;
}

/** Dispatch `tr.setMeta(commentHighlightsKey, anchors)` to show a new set of threads. */
export const commentHighlightsKey = new PluginKey<CommentAnchor[]>('commentHighlights');

/** The absolute range of an anchor in the current document, or null if its passage is gone. */
export function anchorRange(state: Parameters<typeof ySyncPluginKey.getState>[0], a: CommentAnchor): { from: number; to: number } | null {
  const y = ySyncPluginKey.getState(state) as { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping: Map<unknown, unknown> } } | undefined;
  if (!y?.doc || !y.type || !y.binding) return null;
  const from = relativePositionToAbsolutePosition(y.doc, y.type, a.start, y.binding.mapping as never);
  const to = relativePositionToAbsolutePosition(y.doc, y.type, a.end, y.binding.mapping as never);
  return from !== null && to !== null && to > from ? { from, to } : null;
}

/** Highlights the passages comment threads are anchored to; anchors move with every edit. */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<CommentAnchor[]>({
        key: commentHighlightsKey,
        state: {
          init: () => [],
          apply: (tr, old) => (tr.getMeta(commentHighlightsKey) as CommentAnchor[] | undefined) ?? old,
        },
        props: {
          decorations: (state) => {
            const anchors = commentHighlightsKey.getState(state) ?? [];
            const decorations: Decoration[] = [];
            for (const a of anchors) {
              if (a.resolved) continue;
              const range = anchorRange(state, a);
              if (range) decorations.push(Decoration.inline(range.from, range.to, { class: 'comment-anchor', 'data-thread': a.id }));
            }
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
