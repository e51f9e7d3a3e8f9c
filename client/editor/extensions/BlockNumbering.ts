import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { blockRefLabel, provisionLabels, type BlockNumber } from '@shared/bill/numbering';
import type { Lang } from '@shared/bill/Lang';

/** Options: the block, its language, and the document's numbers when the editor is created. */
export interface BlockNumberingOptions {
  blockId: string;
  lang: Lang;
  numbers: Map<string, BlockNumber>;
}

/** Dispatch `tr.setMeta(blockNumberingKey, numbers)` when the document's numbering changes. */
export const blockNumberingKey = new PluginKey<{ numbers: Map<string, BlockNumber>; decorations: DecorationSet }>('blockNumbering');

function build(doc: PMNode, blockId: string, lang: Lang, numbers: Map<string, BlockNumber>): DecorationSet {
  const decorations: Decoration[] = [];
  const own = numbers.get(blockId);
  const first = doc.firstChild;
  if (own && first?.type.name === 'sectionHeading') decorations.push(Decoration.node(0, first.nodeSize, { 'data-label': own.label }));
  for (const [offset, label] of provisionLabels(doc, lang)) {
    const node = doc.nodeAt(offset);
    if (node) decorations.push(Decoration.node(offset, offset + node.nodeSize, { 'data-label': label }));
  }
  doc.descendants((node, pos) => {
    if (node.type.name === 'crossRef') {
      const target = String(node.attrs.target);
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-label': blockRefLabel(numbers, target, lang), class: numbers.has(target) ? '' : 'xref-missing' }));
      return false;
    }
    return node.isBlock;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Draws a block's section number, its provision labels and its cross-reference texts as
 * decorations: numbers come from the shared order and are never stored.
 */
export const BlockNumbering = Extension.create<BlockNumberingOptions>({
  name: 'blockNumbering',
  addOptions: () => ({ blockId: '', lang: 'en', numbers: new Map() }),
  addProseMirrorPlugins() {
    const { blockId, lang } = this.options;
    return [
      new Plugin({
        key: blockNumberingKey,
        state: {
          init: (_c, state) => ({ numbers: this.options.numbers, decorations: build(state.doc, blockId, lang, this.options.numbers) }),
          apply: (tr, old) => {
            const next = tr.getMeta(blockNumberingKey) as Map<string, BlockNumber> | undefined;
            if (next) return { numbers: next, decorations: build(tr.doc, blockId, lang, next) };
            return tr.docChanged ? { numbers: old.numbers, decorations: build(tr.doc, blockId, lang, old.numbers) } : old;
          },
        },
        props: { decorations: (state) => blockNumberingKey.getState(state)?.decorations },
      }),
    ];
  },
});
