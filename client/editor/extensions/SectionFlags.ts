import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';

/** What is drawn on one section: a flag class and label, and a minimum height that keeps rows aligned. */
export interface SectionFlag {
  flag?: 'outdated' | 'missing' | 'unconfirmed' | 'glossary';
  label?: string;
  minHeight?: number;
}

/** Plugin key; dispatch `tr.setMeta(sectionFlagsKey, Map<sectionId, SectionFlag>)` to redraw. */
export const sectionFlagsKey = new PluginKey<{ flags: Map<string, SectionFlag>; decorations: DecorationSet }>('sectionFlags');

function build(doc: PMNode, flags: Map<string, SectionFlag>): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name !== 'section') return;
    const f = flags.get(String(node.attrs.sectionId));
    if (!f) return;
    const attrs: Record<string, string> = {};
    if (f.flag) {
      attrs.class = `flag-${f.flag}`;
      if (f.label) attrs['data-flag'] = f.label;
    }
    if (f.minHeight) attrs.style = `min-height: ${Math.ceil(f.minHeight)}px`;
    decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
  });
  return DecorationSet.create(doc, decorations);
}

/** Draws bilingual flags (outdated, missing, glossary) and row heights on sections, as decorations. */
export const SectionFlags = Extension.create({
  name: 'sectionFlags',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: sectionFlagsKey,
        state: {
          init: (_c, state) => ({ flags: new Map(), decorations: DecorationSet.create(state.doc, []) }),
          apply: (tr, old) => {
            const next = tr.getMeta(sectionFlagsKey) as Map<string, SectionFlag> | undefined;
            if (next) return { flags: next, decorations: build(tr.doc, next) };
            return tr.docChanged ? { flags: old.flags, decorations: build(tr.doc, old.flags) } : old;
          },
        },
        props: { decorations: (state) => sectionFlagsKey.getState(state)?.decorations },
      }),
    ];
  },
});
