import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { computeNumbering, crossRefLabel, type Numbering, type NumberingStyle } from '@shared/bill/numbering';
import type { Lang } from '@shared/bill/Lang';

/** Options of the numbering extension. */
export interface BillNumberingOptions {
  lang: Lang;
  style: NumberingStyle;
}

/** Plugin key, so other extensions can read the current numbering. */
export const billNumberingKey = new PluginKey<{ numbering: Numbering; decorations: DecorationSet }>('billNumbering');

function build(doc: PMNode, options: BillNumberingOptions) {
  const numbering = computeNumbering(doc, options.lang, options.style);
  const decorations: Decoration[] = [];
  for (const s of numbering.sections) {
    const section = doc.nodeAt(s.pos);
    const heading = section?.firstChild;
    if (heading) decorations.push(Decoration.node(s.pos + 1, s.pos + 1 + heading.nodeSize, { 'data-label': s.label }));
  }
  for (const [pos, label] of numbering.provisions) {
    const node = doc.nodeAt(pos);
    if (node) decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-label': label }));
  }
  doc.descendants((node, pos) => {
    if (node.type.name === 'crossRef') {
      const label = crossRefLabel(numbering, String(node.attrs.target), options.lang);
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-label': label, class: numbering.byId.has(String(node.attrs.target)) ? '' : 'xref-missing' }));
      return false;
    }
    return node.isBlock;
  });
  return { numbering, decorations: DecorationSet.create(doc, decorations) };
}

/**
 * Draws section numbers, provision labels and cross-reference texts as decorations: numbers are
 * never stored, so they are right for every collaborator after any insert, delete or move.
 */
export const BillNumbering = Extension.create<BillNumberingOptions>({
  name: 'billNumbering',
  addOptions: () => ({ lang: 'en', style: 'act' }),
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: billNumberingKey,
        state: {
          init: (_config, state) => build(state.doc, options),
          apply: (tr, old) => (tr.docChanged ? build(tr.doc, options) : old),
        },
        props: { decorations: (state) => billNumberingKey.getState(state)?.decorations },
      }),
    ];
  },
});
